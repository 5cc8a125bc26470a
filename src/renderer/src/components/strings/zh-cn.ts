import type { commonEn } from './en'

/** 简体中文（i18next 命名空间 `common`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const commonZhCN: typeof commonEn = {
  title: 'WeChat Token Desk',
  loading: '加载中…',
  none: '—',
  error: {
    fix: '解决办法：',
    details: '错误详情',
    code: '类型',
    errcode: 'errcode',
    errmsg: 'errmsg',
    rid: 'rid',
    httpStatus: 'HTTP 状态码',
    dismiss: '关闭',
    dismissError: '关闭错误'
  },
  shortcuts: {
    title: '快捷键',
    refresh: '刷新令牌',
    copy: '复制令牌',
    addApp: '添加应用',
    apps: '在应用列表中切换',
    submit: '保存表单',
    close: '关闭对话框'
  }
}
