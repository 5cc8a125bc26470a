/** English strings of the OAuth workbench (i18next namespace `oauth`). `zh-cn.ts` is typed against this. */
export const oauthEn = {
  label: 'OAuth workbench (网页授权)',
  heading: 'OAuth workbench · 网页授权',
  persistence: {
    encrypted: 'User tokens are encrypted at rest.',
    'session-only': 'No secure storage: user tokens are kept for this session only.'
  },
  noSecret:
    'This app has no AppSecret in this session: links and the catcher work, but codes cannot be exchanged here.',
  domains: {
    label: '网页授权 domains',
    none: 'none recorded: the link check cannot compare the host',
    emulatorDefault: 'the emulator’s default: 127.0.0.1 on any port',
    edit: 'Edit domains',
    save: 'Save domains',
    cancel: 'Cancel',
    input: 'Registered 网页授权 domains',
    hint: 'Exactly as registered in the console: bare host, or host:port on a test account. At most 2, separated by spaces or commas.',
    saved: 'Domains saved.'
  },
  link: {
    heading: '1 · Build the link',
    redirectUri: 'Redirect URI',
    redirectHint: 'The page WeChat sends the user back to. The builder encodes it once.',
    useCatcher: 'Use catcher address',
    scope: 'Scope',
    scopes: {
      snsapi_base: 'snsapi_base — silent, openid only',
      snsapi_userinfo: 'snsapi_userinfo — consent, nickname and avatar',
      snsapi_login: 'snsapi_login — website app, PC scan login'
    },
    endpoint: 'Endpoint',
    endpoints: {
      authorize: '/connect/oauth2/authorize (H5)',
      qrconnect: '/connect/qrconnect (website app)'
    },
    lang: 'Scan page language',
    langDefault: 'WeChat’s default',
    state: 'State',
    stateHint:
      'Letters and digits, at most 128 bytes. Each link gets its own state, remembered for 30 minutes: after Build this field holds the next link’s.',
    newState: 'New state',
    forcePopup: 'forcePopup=true (always show the consent popup)',
    connectRedirect: 'connect_redirect=1 (stop WeChat calling back twice)',
    build: 'Build link',
    sendHint: 'Ctrl/⌘+Enter builds',
    findings: 'Link check',
    checking: 'Checking…',
    noFindings: 'No problems found.',
    severity: { error: 'Error', warning: 'Warning', info: 'Note' },
    fix: 'Fix:',
    url: 'Authorize link',
    copy: 'Copy link',
    copyChat: 'Copy for chat',
    open: 'Open in browser',
    opened: 'Opened in the browser.',
    built: 'Link built with state “{{state}}”.',
    qrAlt: 'QR code of the authorize link: scan it with WeChat on the phone',
    remembered: 'State “{{state}}” is remembered until {{time}}.',
    stateStatus: {
      waiting: 'State “{{state}}”: waiting for the redirect, until {{time}} (in {{in}}).',
      used: 'State “{{state}}” was used by a redirect at {{time}}: build a new link for another sign-in.',
      expired:
        'State “{{state}}” expired at {{time}}: a redirect with it now counts as expired. Build a new link.',
      none: 'This link carries no state: a redirect cannot be matched to it.'
    },
    replaced:
      'State “{{state}}” was already issued for an earlier link ({{verdict}}), so this link carries a fresh one: a state is never issued twice.',
    copied: 'Link copied.',
    copiedChat: 'Link copied with a line of explanation for the chat.'
  },
  catcher: {
    heading: '2 · Catch the redirect',
    label: 'Callback catcher',
    intro:
      'For test accounts, whose 网页授权 domain may be IP:port: the desk listens on the address you choose and takes the code from the redirect.',
    address: 'Listen on address',
    loopback: '{{address}} (this computer only)',
    lan: '{{address}} ({{name}})',
    port: 'Port',
    portHint: '0 = any free port.',
    path: 'Callback path',
    start: 'Start catcher',
    stop: 'Stop catcher',
    status: {
      stopped: 'Stopped.',
      listening: 'Listening on {{url}} — closes in {{in}}.',
      captured: 'Captured a redirect.',
      'timed-out': 'Stopped: no redirect arrived in time.',
      failed: 'Could not start.'
    },
    exchanging: 'Redirect received (state {{verdict}}): exchanging the code…',
    exchanged: 'Redirect received (state {{verdict}}) and exchanged.',
    refused: 'The user refused (state {{verdict}}).',
    failedExchange: 'Redirect received (state {{verdict}}), but the exchange failed:',
    unverified:
      'A code arrived (state: {{verdict}}). Someone may be trying to sign you in as them (login CSRF): exchange it only if you just authorized on your phone.',
    confirm: 'It is mine: exchange it'
  },
  paste: {
    heading: 'Or paste the redirect',
    label: 'Paste the code or the redirect URL',
    empty: 'Paste a code or a redirect URL first.',
    sendHint: 'Ctrl/⌘+Enter exchanges',
    hint: 'The bare code, or the whole address the phone landed on. Whitespace, full-width characters and extra parameters are fine.',
    exchange: 'Exchange',
    found: 'Found code {{code}} ({{kind}}).',
    kinds: { 'bare-code': 'bare code', url: 'whole URL', query: 'query string' },
    state: 'State: {{state}} — {{verdict}}.',
    noState: 'No state in it.',
    notes: 'Cleaned up'
  },
  verdict: {
    issued: 'issued by this desk',
    used: 'issued here, already used once',
    expired: 'issued here, but too long ago',
    unknown: 'not issued by this desk',
    none: 'none'
  },
  auth: {
    heading: '3 · Authorization',
    label: 'Authorization',
    none: 'No authorization yet for this app. Build a link, open it on the phone, then catch or paste the redirect.',
    at: 'Authorized',
    source: { catcher: 'via the catcher', paste: 'pasted' },
    openid: 'openid',
    unionid: 'unionid',
    noUnionid:
      'none (sent only when the account is bound to an Open Platform account and the scope is snsapi_userinfo)',
    scope: 'scope',
    state: 'state',
    snapshot:
      'is_snapshotuser = 1: the user browsed a snapshot page. openid, unionid and profile are virtual; ask the user to open the page fully in WeChat for real ones.',
    accessToken: 'User access_token',
    refreshToken: 'refresh_token',
    expiresIn: 'expires in {{in}}',
    expired: 'expired',
    daysLeft: '{{days}} d {{hours}} h left',
    tokensGone: 'The tokens of this authorization are not available any more.',
    actions: 'User token actions',
    refresh: 'Refresh user token',
    check: 'Check user token',
    userInfo: 'Get user info',
    lang: 'Language',
    checkValid: 'Checked at {{time}}: valid.',
    checkInvalid: 'Checked at {{time}}: not valid.',
    userInfoHeading: 'User info ({{lang}}, {{time}})',
    nickname: 'nickname',
    sex: 'sex',
    sexes: { '0': 'unknown (0: WeChat no longer sends it)', '1': 'male', '2': 'female' },
    region: 'country / province / city',
    regionEmpty: 'empty (WeChat no longer sends it)',
    headimgurl: 'headimgurl',
    privilege: 'privilege',
    copy: 'Copy',
    copyField: 'Copy {{field}}',
    copyCurl: 'Copy as curl',
    curl: {
      curlUserInfo: 'curl: /sns/userinfo',
      curlAuth: 'curl: /sns/auth',
      curlRefresh: 'curl: refresh_token'
    },
    copied: '{{field}} copied.',
    arrived: 'Authorization received: openid {{openid}}.',
    refreshed: 'User token refreshed at {{time}}: valid for {{in}}.',
    checked: 'User token checked at {{time}}.',
    infoLoaded: 'User info loaded.'
  },
  history: {
    heading: 'History',
    label: 'Authorization history',
    empty: 'No authorizations yet.',
    time: 'Time',
    app: 'App',
    scope: 'Scope',
    openid: 'openid',
    state: 'State',
    show: 'Show',
    showing: 'Shown',
    clear: 'Clear history',
    cleared: 'History cleared.'
  }
}
