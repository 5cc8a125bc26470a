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
  refreshing: 'Refreshing…',
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
    scheduled: 'Next refresh at {{time}} (in {{in}})',
    scheduledSoon: 'Scheduled',
    idle: 'Idle: no token held yet. Press Fetch to get one.',
    stopped: 'Stopped: the last error cannot be fixed by retrying. See the last attempt.',
    needsConfirmation:
      'Off: production app in classic mode. Every new token invalidates the one your servers use, so the desk only refreshes when you confirm.',
    noSecret: 'Off: no AppSecret for this session. Edit the app and enter it.'
  },
  retryNone: 'None',
  retryLine: 'Attempt {{attempt}}, next at {{time}} (in {{in}})',
  attempt: {
    ok: 'OK',
    reused: 'Reused held token (no WeChat call)',
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
  actions: 'Token actions',
  fetch: 'Fetch',
  refresh: 'Refresh',
  force: 'Force refresh',
  test: 'Test token',
  copy: 'Copy token',
  copyCurl: 'Copy as curl',
  exportPostman: 'Export Postman environment',
  forceWait:
    'Force refresh is available again at {{time}} (in {{in}}): WeChat needs 30 s between force refreshes.',
  forceExhausted: 'All {{limit}} force refreshes for today are used.',
  forceReady:
    'Invalidates the current stable token at once; for leaks only. {{used}} / {{limit}} used today.',
  status: {
    copied: 'Copied',
    copiedCurl: 'Copied as curl',
    probe_one: 'Token works ({{count}} IP)',
    probe_other: 'Token works ({{count}} IPs)',
    exported: 'Saved to {{path}}',
    exportCancelled: 'Export cancelled'
  },
  confirm: {
    title: {
      fetch: 'Get a new production token for “{{name}}”?',
      refresh: 'Get a new production token for “{{name}}”?',
      force: 'Force-refresh the production token of “{{name}}”?'
    },
    forceUsed: 'Force refreshes used today: {{used}} / {{limit}}.',
    confirm: 'Confirm',
    cancel: 'Cancel'
  }
}
