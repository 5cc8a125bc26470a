import type { settingsEn } from './en'

/** 简体中文（i18next 命名空间 `settings`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const settingsZhCN: typeof settingsEn = {
  language: '语言',
  theme: '主题',
  system: '跟随系统',
  light: '浅色',
  dark: '深色',
  notices: {
    dismiss: '关闭',
    dismissNotice: '关闭通知',
    sessionOnly: '当前系统不支持加密存储：AppSecret 仅在本次运行期间保存，重启后需要重新填写。'
  }
}
