/** English strings. The shape is the source of truth: `zh-cn.ts` is typed against it. */
export const en = {
  app: {
    title: 'WeChat Token Desk',
    loading: 'Loading…',
    noApp: 'No app yet. Press “Add app” to add one.'
  },
  workspace: {
    sections: 'App sections',
    tabs: { token: 'Token', oauth: 'OAuth (网页授权)' }
  },
  settings: {
    language: 'Language',
    theme: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark'
  },
  notices: {
    dismiss: 'Dismiss',
    dismissNotice: 'Dismiss notice',
    sessionOnly:
      'Encryption is not available on this system: AppSecrets are kept for this session only and must be entered again after a restart.'
  },
  apps: {
    list: 'Apps',
    add: 'Add app',
    edit: 'Edit app',
    delete: 'Delete app',
    sandbox: 'Sandbox',
    sandboxName: 'Sandbox (offline emulator)',
    noSecret: 'No secret',
    kind: {
      'official-account': 'Official Account',
      'mini-program': 'Mini Program',
      'test-account': 'Test account'
    },
    env: { dev: 'dev', test: 'test', prod: 'prod' },
    mode: { stable: 'stable', classic: 'classic', remote: 'remote' },
    facts: 'App details',
    appId: 'AppID',
    kindLabel: 'Kind',
    modeLabel: 'Token mode',
    apiBase: 'API base',
    secret: 'AppSecret',
    remoteUrl: 'Token server',
    remoteKey: 'API key',
    remoteKeyHeld: 'held',
    remoteKeyMissing: 'missing: edit the app to enter it',
    persistence: {
      encrypted: 'encrypted with the system keychain',
      'session-only': 'kept for this session only',
      missing: 'not available in this session: edit the app to enter it',
      'built-in': 'built in: only the emulator accepts it'
    }
  },
  form: {
    addTitle: 'Add app',
    editTitle: 'Edit app',
    name: 'Name',
    appId: 'AppID',
    secret: 'AppSecret',
    kind: 'Kind',
    env: 'Environment',
    mode: 'Token mode',
    apiBase: 'API base URL',
    remoteUrl: 'Token server URL',
    remoteKey: 'API key',
    oauthDomains: 'OAuth callback domains',
    oauthDomainsHint:
      'Optional. The 网页授权 domains exactly as registered in the console: bare host, or host:port on a test account. At most 2, one per line or separated by commas.',
    modes: { stable: 'Stable (recommended)', classic: 'Classic', remote: 'Remote (another 中控)' },
    appIdHint: '“wx” followed by 16 hex digits, from the WeChat admin console.',
    secretHint: '32 hex digits. It stays in the main process; this window never sees it again.',
    secretKeep: 'Leave empty to keep the current secret.',
    secretRemote: 'Not needed in remote mode: the token server holds it.',
    remoteUrlHint:
      'Another desk or a team token server. https, or http only on this machine or a private LAN address.',
    remoteKeyHint: 'Copy it from the token server’s Local API panel.',
    remoteKeyKeep: 'Leave empty to keep the current key.',
    modeHint:
      'Stable uses /cgi-bin/stable_token and does not disturb other servers; Classic mints a new token each time and the old one dies 5 minutes later; Remote reads the token from another 中控 and never mints one.',
    apiBaseHint: 'Leave empty for WeChat.',
    sandboxBound: 'Bound to the built-in emulator; cannot be changed.',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel'
  },
  deleteApp: {
    title: 'Delete app?',
    body: 'Delete “{{name}}” ({{appId}})? Its AppSecret and token are removed from this desk.',
    confirm: 'Delete',
    cancel: 'Cancel'
  },
  token: {
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
    empty: '—',
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
      retry: 'retry'
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
    }
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
  },
  error: {
    fix: 'Fix:',
    details: 'Error details',
    code: 'code',
    errcode: 'errcode',
    errmsg: 'errmsg',
    rid: 'rid',
    httpStatus: 'HTTP status',
    dismiss: 'Dismiss',
    dismissError: 'Dismiss error'
  },
  callLog: {
    heading: 'Call log',
    table: 'Call log',
    time: 'Time',
    endpoint: 'Endpoint',
    httpStatus: 'HTTP',
    errcode: 'errcode',
    rid: 'rid',
    duration: 'Duration (ms)',
    empty: 'No calls yet.',
    clear: 'Clear',
    none: '—'
  },
  emulator: {
    label: 'Emulator',
    running: 'Running at {{url}}',
    notRunning: 'Not running',
    loading: 'Checking…',
    fault: 'Fault',
    count: 'Count',
    inject: 'Inject fault',
    clear: 'Clear faults',
    pending: 'Pending faults',
    noFaults: 'No faults queued. Injected faults answer the next calls, in order.',
    faults: {
      'system-error': 'system error -1',
      quota: 'quota 45009',
      'ip-whitelist': 'IP whitelist 40164',
      'http-500-html': 'HTTP 502 HTML page',
      hang: 'hang (timeout)',
      'connection-reset': 'connection reset',
      'malformed-json': 'malformed JSON'
    }
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    refresh: 'Refresh the token',
    copy: 'Copy the token',
    addApp: 'Add an app',
    apps: 'Move between apps in the list',
    submit: 'Save a form',
    close: 'Close a dialog'
  }
}
