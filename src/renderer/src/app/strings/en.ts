/** The window frame, in English (i18next namespace `app`). `zh-cn.ts` is typed against this. */
export const appEn = {
  noApp: 'No app yet. Press “Add app” to add one.',
  workspace: {
    sections: 'App sections',
    tabs: { token: 'Token', oauth: 'OAuth (网页授权)' }
  }
}
