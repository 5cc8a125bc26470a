/** The header’s preferences and the banners, in English (i18next namespace `settings`). `zh-cn.ts` is typed against this. */
export const settingsEn = {
  language: 'Language',
  theme: 'Theme',
  system: 'System',
  light: 'Light',
  dark: 'Dark',
  notices: {
    dismiss: 'Dismiss',
    dismissNotice: 'Dismiss notice',
    sessionOnly:
      'Encryption is not available on this system: AppSecrets are kept for this session only and must be entered again after a restart.'
  }
}
