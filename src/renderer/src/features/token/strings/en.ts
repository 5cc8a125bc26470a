/** The token panel and its confirmation, in English (i18next namespace `token`). `zh-cn.ts` is typed against this. */
export const tokenEn = {
  label: 'Token',
  value: 'Token value',
  none: 'No token held',
  reveal: 'Reveal',
  hide: 'Hide',
  lifetime: 'Token lifetime',
  left: '{{time}} left',
  expired: 'Expired',
  noLifetime: 'No token held',
  facts: 'Token details',
  obtainedAt: 'Obtained at',
  expiresAt: 'Expires at',
  mode: 'Mode',
  autoRefresh: 'Auto refresh',
  retry: 'Retry',
  lastAttempt: 'Last attempt',
  quota: 'Quota',
  quotaLine: '{{used}} / {{limit}} token calls today · force refreshes {{forceUsed}} / {{forceLimit}}',
  auto: {
    waiting: 'Waiting for WeChat…',
    scheduled: 'Next refresh at {{time}} (in {{in}})',
    scheduledSoon: 'Scheduled',
    idle: 'Idle: no token held yet. Press Fetch to get one.',
    stoppedUnfixable: 'Stopped: the latest error cannot be fixed by retrying. Fix it, then press Retry now.',
    stoppedEarlier:
      'Stopped after an earlier error that retrying cannot fix; the latest attempt had another outcome (see below).',
    nextTry: 'Next automatic try at {{time}} (in {{in}}).',
    needsConfirmation:
      'Off: production app in classic mode. Every new token invalidates the one your servers use, so the desk only refreshes when you confirm.',
    noSecret: 'Off: no AppSecret for this session. Edit the app and enter it.'
  },
  retryNone: 'None',
  retryManual: 'None: the desk retries by itself only its own timed refreshes. Press Retry to try again.',
  retryLine: 'Attempt {{attempt}}, next at {{time}} (in {{in}})',
  attempt: {
    ok: 'OK: a new token from WeChat',
    reused: 'Reused the held token: it is still valid (no WeChat call)',
    coalesced:
      'Handed back the held token (no WeChat call): it is {{age}} s old, and the desk mints at most one per 30 s',
    fromMemory:
      'Answered from memory (no WeChat call): {{message}}. Retrying cannot fix it until something changes.',
    cancelled: 'Cancelled: nothing changed',
    failed: 'Failed: {{message}}',
    meta: '{{trigger}} at {{time}}'
  },
  trigger: {
    fetch: 'fetch',
    refresh: 'refresh',
    force: 'force refresh',
    timer: 'timer',
    passive: 'passive refresh',
    wake: 'after wake',
    retry: 'retry',
    evidence: 'token rejected by WeChat'
  },
  remembered: {
    title: 'WeChat’s answer is remembered until {{time}}',
    body: 'Retrying cannot fix “{{message}}”, so every caller gets it from memory until {{time}} (in {{in}}) instead of the desk asking WeChat again (the pause doubles each time, at most 1 hour). Fix the cause, then press Retry now.'
  },
  rejected: 'WeChat rejected the held token: the desk is replacing it.',
  stomping: {
    title: 'Another system is fetching tokens for this app',
    facts_one: '{{count}} time today, last at {{time}} (the token lived {{lifetime}} s)',
    facts_other: '{{count}} times today, last at {{time}} (the token lived {{lifetime}} s)'
  },
  waiting: {
    label: 'Waiting for WeChat',
    line: 'Waiting for WeChat… {{elapsed}}',
    cancel: 'Cancel',
    cancelling: 'Cancelling…'
  },
  actions: 'Token actions',
  fetch: 'Fetch',
  refresh: 'Refresh',
  force: 'Force refresh',
  test: 'Test token',
  copy: 'Copy token',
  copyCurl: 'Copy as curl',
  retryNow: 'Retry now',
  retryAgain: 'Retry',
  editApp: 'Edit app',
  resetQuota: 'Reset the quota in the console…',
  copyClearQuota: 'Copy clear_quota command',
  copiedClearQuota:
    'Copied: set WECHAT_APPSECRET in the shell first (it is not in the command). At most 10 resets a month.',
  hints: {
    fetch:
      'Fetch: hands out the token the desk holds while it is valid (no WeChat call); asks WeChat only when none is.',
    refreshStable:
      'Refresh: asks WeChat now (stable_token answers the current token; other holders keep working). A token younger than 30 s is handed back instead.',
    refreshClassic:
      'Refresh: mints a new token now; the one other services hold dies within 5 minutes. A token younger than 30 s is handed back instead.',
    refreshRemote: 'Refresh: asks the token server again now.',
    force:
      'Force refresh: a new stable token at once, invalidating the current one everywhere. For leaks only; {{used}} / {{limit}} used today.',
    test: 'Test token: calls getcallbackip with the held token, WeChat’s cheapest “is it alive?”.',
    copy: 'Copy token: the token itself onto the clipboard (Ctrl/⌘+Shift+C).',
    copyCurl: 'Copy as curl: a getcallbackip curl that uses the token.',
    export: 'Export: the token for Postman or Bruno, once or live from the Local API.',
    idle: 'Fetch reuses the held token while it is valid; Refresh asks WeChat now. Hover or focus a button to see what it does.'
  },
  unavailable: {
    noToken: 'No token held: press Fetch first.',
    forceWait: 'Available again at {{time}} (in {{in}}): WeChat needs 30 s between force refreshes.',
    forceExhausted: 'All {{limit}} force refreshes for today are used.',
    waiting: 'A call to WeChat is under way.'
  },
  export: {
    menu: 'Export',
    postmanEnvironment: 'Postman environment (this token, one-shot)',
    postmanCollection: 'Postman collection (live: reads the token from the Local API)',
    brunoCollection: 'Bruno collection (live: reads the token from the Local API)',
    json: 'Copy as JSON'
  },
  status: {
    copied: 'Copied',
    copiedCurl: 'Copied as curl',
    copiedJson: 'Copied as JSON',
    probe_one: 'Token works ({{count}} IP)',
    probe_other: 'Token works ({{count}} IPs)',
    exported: 'Saved to {{path}}',
    exportCancelled: 'Export cancelled',
    collection: 'Saved to {{path}}: its script reads the token from the Local API before each request.',
    collectionNoKey: 'Replace “<paste the Local API key>” in it with the key (Local API panel).',
    collectionOff: 'The Local API is off: turn it on, or the collection gets no token.',
    openLocalApi: 'Open the Local API panel',
    cancelled: 'Cancelled: the desk stopped waiting for WeChat. Nothing changed.'
  },
  confirm: {
    title: {
      fetch: 'Get a new production token for “{{name}}”?',
      refresh: 'Get a new production token for “{{name}}”?',
      force: 'Force-refresh the production token of “{{name}}”?'
    },
    shortcutTitle: 'Mint a new classic token for “{{name}}”?',
    shortcutBody:
      'Ctrl/⌘+R refreshes this classic-mode app: WeChat mints a new token, and the one your other services hold dies within 5 minutes.',
    forceUsed: 'Force refreshes used today: {{used}} / {{limit}}.',
    confirm: 'Confirm',
    cancel: 'Cancel'
  }
}
