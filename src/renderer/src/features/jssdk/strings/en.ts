/** English strings of the JS-SDK workbench (i18next namespace `jssdk`). `zh-cn.ts` is typed against this. */
export const jssdkEn = {
  tab: 'JS-SDK',
  label: 'JS-SDK workbench',
  heading: 'JS-SDK · wx.config signature',
  domains: {
    label: 'JS接口安全域名',
    none: 'None set: add your page’s host in the app (Edit app).'
  },
  ticket: {
    heading: 'jsapi_ticket',
    hint: 'One ticket per app, shared with every caller of the desk (SDKs, /v1/apps/{appid}/jssdk-config). Fetching your own elsewhere replaces it.',
    value: 'Ticket',
    none: 'No ticket held yet.',
    expires: 'expires in {{in}}',
    expired: 'expired',
    previous: '{{count}} earlier ticket(s) of this run are remembered to recognise stale signatures.',
    fetch: 'Get ticket',
    refresh: 'Ask WeChat again',
    reveal: 'Reveal',
    hide: 'Hide',
    copy: 'Copy'
  },
  sign: {
    heading: '1 · Signature calculator',
    url: 'Page URL',
    urlHint: 'Exactly the page’s address, query included (location.href); the #fragment is not signed.',
    nonceStr: 'nonceStr',
    timestamp: 'timestamp',
    timestampHint: 'Unix seconds, as the page passes them to wx.config.',
    generate: 'New nonceStr and timestamp',
    ticket: 'Ticket to sign with (optional)',
    ticketHint: 'Empty: the app’s jsapi_ticket. Type one to check a documented test vector.',
    showTicket: 'Show the ticket in the signed string',
    submit: 'Sign',
    shortcut: 'Ctrl/⌘+Enter signs.',
    emptyUrl: 'Type the page URL first.',
    findings: 'Checks',
    levels: { error: 'Error', warning: 'Warning', info: 'Note' },
    signedUrl: 'URL signed',
    string: 'String signed (sorted, joined with &)',
    signature: 'signature (SHA-1)',
    typedTicket: 'Signed with the ticket you typed.',
    snippet: 'wx.config',
    copySnippet: 'Copy wx.config'
  },
  diagnose: {
    heading: '2 · Why does my page say “invalid signature”?',
    intro: 'Paste the values the page used; the desk says which input differs from what it would sign.',
    pageUrl: 'location.href on the page',
    nonceStr: 'nonceStr passed to wx.config',
    timestamp: 'timestamp passed to wx.config',
    signature: 'signature passed to wx.config',
    submit: 'Diagnose',
    shortcut: 'Ctrl/⌘+Enter diagnoses.',
    verdict: 'Verdict',
    causes: {
      matches: 'The signature is right',
      'ticket-stale': 'Signed with an old ticket',
      'url-fragment': 'The URL was signed with its #fragment',
      'url-encoding': 'The URL was signed encoded or decoded',
      'url-scheme': 'The URL was signed with the other scheme',
      'url-trailing-slash': 'The URL differs by a trailing slash',
      'url-query': 'The URL was signed without its query',
      'timestamp-unit': 'The timestamp differs (seconds vs milliseconds)',
      unexplained: 'Not one of the usual mistakes'
    },
    expected: 'What the desk signs',
    reproduced: 'What reproduces the page’s signature',
    tried: '{{count}} ticket(s) tried.'
  },
  notice: {
    'ticket-fetched': 'Ticket ready.',
    'ticket-refreshed': 'WeChat asked again.',
    'ticket-copied': 'Ticket copied.',
    'snippet-copied': 'wx.config copied.',
    signed: 'Signed.'
  }
}
