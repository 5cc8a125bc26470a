/** English strings of the push simulator (i18next namespace `push`). `zh-cn.ts` is typed against this. */
export const pushEn = {
  tab: 'Push (消息推送)',
  label: 'Push simulator (消息推送调试)',
  heading: 'Push simulator · 消息推送调试',
  intro:
    'WeChat’s URL verification and message / event pushes, signed (and encrypted) exactly as WeChat does, sent to your own server — the answer judged as WeChat judges it.',
  persistence: {
    encrypted: 'Token and EncodingAESKey are encrypted at rest.',
    'session-only': 'No secure storage: Token and EncodingAESKey are kept for this session only.'
  },
  config: {
    heading: '1 · Server configuration (服务器配置)',
    url: 'URL',
    urlHint:
      'Your server, e.g. http://127.0.0.1:8080/wechat. The desk sends only there, on any port (WeChat itself needs a public 80/443).',
    token: 'Token',
    aesKey: 'EncodingAESKey',
    saved: 'Saved: {{mask}}. Leave empty to keep it.',
    hintWithState: '{{hint}} {{state}}',
    notSet: 'Not set yet.',
    tokenHint: '3–32 letters and digits, as configured in your server.',
    aesKeyHint: '43 letters and digits: needed in compatible and safe mode.',
    generate: 'Generate',
    replaceKey: {
      title: 'Replace the EncodingAESKey?',
      body: 'The saved key ({{mask}}) is replaced by a new one at once. Your server decrypts nothing until it is given the new key.',
      confirm: 'Generate a new key',
      cancel: 'Keep the current key'
    },
    copyToken: 'Copy Token',
    copyAesKey: 'Copy EncodingAESKey',
    copy: 'Copy',
    mode: 'Message mode',
    modes: {
      plain: 'Plain text (明文模式)',
      compat: 'Compatible (兼容模式)',
      safe: 'Safe (安全模式)'
    },
    modeHints: {
      plain: 'The message travels as readable XML.',
      compat: 'The plaintext fields plus an encrypted copy; the reply may be plain or encrypted.',
      safe: 'Only ToUserName and the encrypted message travel; replies must be encrypted too.'
    },
    format: 'Data format',
    formats: { xml: 'XML', json: 'JSON' },
    formatHint: 'As chosen in the Mini Program’s console.',
    formatXmlOnly: 'Official Accounts push XML only.',
    accountId: 'Original id (ToUserName)',
    accountIdHint: 'The account’s 原始 ID, gh_…',
    openid: 'Sandbox user openid (FromUserName)',
    openidHint: 'The user who writes to the account.',
    appId: 'AppID',
    appIdHint: 'This app’s AppID, sealed into every encrypted message.',
    save: 'Save',
    verify: 'Verify URL',
    unsaved: 'Unsaved changes: Verify and Send save them first.',
    otherIssues: 'Also to fix:'
  },
  composer: {
    heading: '2 · Send a message or event',
    label: 'Message composer',
    template: 'Message or event',
    messages: 'Messages',
    events: 'Events',
    fields: 'Fields',
    noFields: 'This event has no fields of its own.',
    field: '{{label}} ({{name}})',
    body: 'Raw body',
    bodyHint:
      'The plaintext as it stands is what is signed, encrypted in compatible / safe mode, and sent. Fresh MsgId and CreateTime each time it is composed.',
    edited: 'Edited by hand: field changes no longer rewrite it.',
    rebuild: 'Rebuild from fields',
    retry:
      'Retry like WeChat: no answer within {{seconds}} s → resend the same push ({{deliveries}} deliveries in all)',
    send: 'Send',
    shortcut: 'Ctrl/⌘+Enter sends.'
  },
  run: {
    label: 'Progress',
    verifying: 'Verifying the URL…',
    sending: 'Sending…',
    waiting:
      'Delivery {{delivery}} of {{deliveries}}: waiting for the answer… {{elapsed}} s of {{seconds}} s',
    delivery: 'Delivery {{delivery}}: {{outcome}}',
    resending: 'resending the same push'
  },
  outcome: {
    answer: 'HTTP {{status}} in {{ms}} ms',
    timeout: 'no answer within {{seconds}} s',
    network: 'no connection ({{message}})'
  },
  verdict: {
    accepted: 'Accepted',
    refused: 'Refused',
    levels: { refusal: 'Refusal', warning: 'Warning', note: 'Note' },
    findings: 'Findings',
    noFindings: 'Nothing to add: WeChat takes it as is.'
  },
  entry: {
    label: 'Result',
    heading: '3 · Result',
    none: 'Nothing sent yet. Verify the URL or send a message.',
    facts: '{{time}} · {{mode}} · {{duration}} ms',
    deliveries: '{{count}} deliveries',
    copyCurl: 'Copy as curl',
    request: 'Request',
    plaintext: 'Plaintext before encryption',
    signature: 'signature: sorted and joined (Token masked)',
    msgSignature: 'msg_signature: sorted and joined (Token masked)',
    response: 'Response',
    deliveryHeading: 'Delivery {{delivery}} · {{outcome}}',
    noBody: '(empty body)',
    truncated: 'Only the start of the body was read.',
    reply: 'Reply as WeChat reads it',
    decrypted: 'Decrypted from the Encrypt envelope.',
    judged: 'Judged: the answer to delivery {{delivery}}.'
  },
  phone: {
    label: 'Phone preview',
    caption: 'What the user sees',
    you: 'Sent by {{openid}}',
    nothing: 'No reply: the chat stays as it is.',
    image: '[Image] media_id {{id}}',
    voice: '[Voice] media_id {{id}}',
    video: '[Video] {{title}}',
    music: '[Music] {{title}}',
    moreArticles: '{{count}} more articles were left out (over the limit).',
    customerService: 'Passed to customer service ({{account}}): an agent answers later.',
    anyAgent: 'any agent',
    incoming: {
      image: '[Image]',
      voice: '[Voice]',
      video: '[Video]',
      shortvideo: '[Short video]',
      location: '[Location]',
      link: '[Link]',
      miniprogrampage: '[Mini Program card]',
      other: '[{{type}}]'
    }
  },
  history: {
    heading: 'History',
    label: 'Push history',
    empty: 'No verifications or pushes yet.',
    time: 'Time',
    what: 'What',
    mode: 'Mode',
    answer: 'Answer',
    noAnswer: 'no answer',
    noConnection: 'no connection',
    duration: 'Duration',
    verdict: 'Verdict',
    show: 'Show',
    showing: 'Shown',
    clear: 'Clear history',
    cleared: 'History cleared.',
    modes: { plain: 'plain', compat: 'compatible', safe: 'safe' }
  },
  notice: {
    saved: 'Configuration saved.',
    keyGenerated: 'New EncodingAESKey generated and saved: copy it into your server’s configuration.',
    tokenCopied: 'Token copied.',
    aesKeyCopied: 'EncodingAESKey copied.',
    curlCopied: 'curl copied.'
  }
}
