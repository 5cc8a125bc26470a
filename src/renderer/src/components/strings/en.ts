/**
 * Strings shared across the window (the error callout, placeholders, keyboard shortcuts), in English
 * (i18next namespace `common`). `zh-cn.ts` is typed against this.
 */
export const commonEn = {
  title: 'WeChat Token Desk',
  loading: 'Loading…',
  none: '—',
  skipToActions: 'Skip to the main action',
  seconds: '{{count}} s',
  error: {
    fix: 'Fix:',
    details: 'Error details',
    actions: 'What you can do',
    errcode: 'errcode',
    errmsg: 'errmsg',
    rid: 'rid',
    httpStatus: 'HTTP status',
    copyIp: 'Copy IP {{ip}} to whitelist',
    copiedIp: 'IP copied: paste it into the IP whitelist.',
    copyRid: 'Copy rid',
    copiedRid: 'rid copied: look it up with POST /cgi-bin/openapi/rid/get.',
    dismiss: 'Dismiss',
    dismissError: 'Dismiss error'
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    refresh: 'Refresh the token (Token tab; asks first on classic apps)',
    copy: 'Copy the token (Token tab)',
    send: 'Send the form you are in (Build link, Exchange, Save …)',
    addApp: 'Add an app',
    apps: 'Move between apps in the list',
    tabs: 'Move between tabs',
    submit: 'Send a one-line field',
    close: 'Close a dialog or popover'
  }
}
