import type { miniProgramEn } from './en'

/** 小程序登录的简体中文（i18next 命名空间 `miniProgram`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const miniProgramZhCN: typeof miniProgramEn = {
  tab: '小程序登录',
  label: '小程序登录',
  heading: '小程序登录',
  noSecret: '本次会话没有 AppSecret，无法在这里换取 code。请编辑应用并填写。',
  simulator: {
    user: '沙箱用户',
    hint: '内置模拟器扮演手机：为该用户签发 code，5 分钟内可用一次，与 wx.login 或手机号按钮交给页面的一样。',
    none: '对于真实的小程序，请在微信开发者工具或手机上获取 code，再粘贴到这里。',
    expires: '{{user}} 的 code，{{in}} 内有效'
  },
  login: {
    heading: '1 · wx.login → jscode2session',
    code: 'js_code（来自 wx.login）',
    simulate: '模拟 wx.login',
    submit: '换取',
    shortcut: 'Ctrl/⌘+Enter 换取。',
    empty: '请先粘贴或模拟一个 code。',
    result: '会话',
    openid: 'openid',
    unionid: 'unionid',
    noUnionid: '（无：未绑定开放平台账号）',
    sessionKey: 'session_key',
    reveal: '显示',
    hide: '隐藏'
  },
  phone: {
    heading: '2 · 手机号按钮 → getuserphonenumber',
    code: '手机号 code（来自 getPhoneNumber 按钮）',
    openid: '校验的 openid（可选）',
    simulate: '模拟获取手机号',
    submit: '获取手机号',
    shortcut: 'Ctrl/⌘+Enter 发送。',
    empty: '请先粘贴或模拟一个手机号 code。',
    result: '手机号',
    phoneNumber: 'phoneNumber',
    purePhoneNumber: 'purePhoneNumber',
    countryCode: 'countryCode',
    watermark: 'watermark',
    watermarkValue: 'appid {{appid}}，timestamp {{timestamp}}'
  },
  notice: {
    'login-simulated': '已模拟 wx.login：code 已填入表单。',
    'phone-simulated': '已模拟获取手机号：code 已填入表单。',
    exchanged: 'code 已换取。',
    'phone-read': '已读取手机号。'
  }
}
