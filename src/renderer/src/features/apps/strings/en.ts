/** The app list, the app form and its dialogs, in English (i18next namespace `apps`). `zh-cn.ts` is typed against this. */
export const appsEn = {
  list: 'Apps',
  add: 'Add app',
  edit: 'Edit app',
  delete: 'Delete app',
  sandboxKept: 'Built in: the sandbox cannot be deleted (the offline emulator belongs to it).',
  sandbox: 'Sandbox',
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
    jsDomains: 'JS-SDK domains (JS接口安全域名)',
    jsDomainsHint:
      'Optional. The hosts whose pages call wx.config, as registered in 公众号设置 → 功能设置: bare host. At most 5, one per line or separated by commas.',
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
    showSecret: 'Show AppSecret',
    hideSecret: 'Hide AppSecret',
    showRemoteKey: 'Show API key',
    hideRemoteKey: 'Hide API key',
    sendHint: 'Ctrl/⌘+Enter saves',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel'
  },
  deleteApp: {
    title: 'Delete app?',
    body: 'Delete “{{name}}” ({{appId}})? Its AppSecret and token are removed from this desk.',
    confirm: 'Delete',
    cancel: 'Cancel'
  }
}
