/** English strings of the Local API panel (i18next namespace `localApi`). `zh-cn.ts` is typed against this. */
export const localApiEn = {
  nav: {
    label: 'Local API',
    running: 'Local API: running at {{url}}',
    stopped: 'Local API: off',
    failed: 'Local API: on, but not running',
    on: 'on',
    off: 'off'
  },
  label: 'Local API',
  heading: 'Local API',
  intro:
    'The desk as your 中控 server: your backend, Postman and WeChat SDKs read each app’s one shared token from here instead of fetching their own.',
  state: {
    running: 'Running',
    off: 'Off',
    failed: 'Not running',
    loading: 'Checking…'
  },
  server: {
    heading: 'Server',
    label: 'Server',
    switch: 'Serve the local API',
    listening: 'Listening on',
    anyPort: '(port 0: any free port)',
    off: 'Off: nothing listens.',
    failed: 'On, but not running:',
    address: 'Address',
    port: 'Port',
    allowNonLoopback: 'Allow a non-loopback address',
    hint: '127.0.0.1 = this computer only. Port 0 = any free port.',
    allowHint:
      'Other machines could then reach the API over plain HTTP; anyone with the key reads your tokens.',
    needsAllow: 'This address is reachable from other machines: tick “Allow a non-loopback address” first.',
    badPort: 'Enter a whole number from 0 to 65535 (0 = any free port).',
    badHost: 'Enter an IP address, e.g. 127.0.0.1.',
    apply: 'Apply',
    revert: 'Revert',
    pending: 'Not applied yet.'
  },
  key: {
    heading: 'API key',
    label: 'API key',
    value: 'API key',
    none: 'Generated the first time you turn the API on.',
    usage: 'Callers send it as “Authorization: Bearer <key>”. /healthz needs none.',
    persistence: {
      encrypted: 'Encrypted at rest with the system keychain.',
      'session-only':
        'No system keychain: kept for this session only, a new one is generated after a restart.',
      none: 'No key yet.'
    },
    actions: 'API key actions',
    reveal: 'Reveal key',
    hide: 'Hide key',
    copy: 'Copy key',
    rotate: 'Rotate key…',
    confirmTitle: 'Rotate the API key?',
    confirmBody:
      'Callers using the current key get 401 from now on, and open event streams are closed. Give the new key to every caller.',
    confirm: 'Rotate key',
    cancel: 'Cancel'
  },
  snippets: {
    heading: 'Snippets',
    label: 'Snippets',
    app: 'For app',
    tabs: 'SDKs and tools',
    code: '{{title}} snippet',
    placeholder:
      'Shown without the key: the code reads $DESK_API_KEY (Postman: a placeholder). “Copy snippet” puts the real key in, so what you paste runs as is: keep it private.',
    noKey: 'There is no key yet, so copies read it from $DESK_API_KEY. Turn the API on to generate one.',
    anyPort: 'The API is not running on a fixed port yet: the snippets say PORT until it listens.',
    copy: 'Copy snippet',
    loading: 'Loading snippets…',
    noApp: 'Add an app to get snippets.'
  },
  requests: {
    heading: 'Requests',
    table: 'Recent requests',
    countOne: '{{count}} request this session',
    countOther: '{{count}} requests this session',
    time: 'Time',
    route: 'Route',
    status: 'Status',
    errcode: 'errcode',
    outcome: {
      ok: 'Answered',
      'wechat-error': 'WeChat refused (errcode in the body, HTTP 200)',
      'client-error': 'Refused: a problem with the request',
      'server-error': 'Failed on the desk’s side or upstream'
    },
    callerPort: 'Caller port',
    duration: 'ms',
    empty: 'No requests yet.'
  },
  notice: {
    applied: 'Saved.',
    keyCopied: 'Key copied.',
    keyRotated: 'New key generated: give it to every caller.',
    snippetCopied: '{{title}} copied with the real key.',
    snippetCopiedNoKey: '{{title}} copied (it reads the key from $DESK_API_KEY).'
  }
}
