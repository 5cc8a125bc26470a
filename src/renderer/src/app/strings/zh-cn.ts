import type { appEn } from './en'

/** 简体中文（i18next 命名空间 `app`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const appZhCN: typeof appEn = {
  noApp: '还没有应用。点击“添加应用”开始。',
  workspace: {
    sections: '应用功能',
    tabs: { token: 'access_token', oauth: '网页授权' }
  }
}
