/**
 * Strings shared across the window (the error callout, placeholders, keyboard shortcuts), in English
 * (i18next namespace `common`). `zh-cn.ts` is typed against this.
 */
export const commonEn = {
  title: 'WeChat Token Desk',
  loading: 'Loading…',
  none: '—',
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
