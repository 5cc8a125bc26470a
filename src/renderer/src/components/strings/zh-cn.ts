import type { commonEn } from './en'

/** 简体中文（i18next 命名空间 `common`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const commonZhCN: typeof commonEn = {
  title: 'WeChat Token Desk',
  loading: '加载中…',
  none: '—',
  skipToActions: '跳到主要操作',
  seconds: '{{count}} 秒',
  error: {
    fix: '解决办法：',
    details: '错误详情',
    actions: '可以这样做',
    errcode: 'errcode',
    errmsg: 'errmsg',
    rid: 'rid',
    httpStatus: 'HTTP 状态码',
    copyIp: '复制 IP {{ip}}（加入白名单）',
    copiedIp: '已复制 IP：请粘贴到 IP 白名单中。',
    copyRid: '复制 rid',
    copiedRid: '已复制 rid：可用 POST /cgi-bin/openapi/rid/get 查询。',
    dismiss: '关闭',
    dismissError: '关闭错误'
  },
  shortcuts: {
    title: '快捷键',
    refresh: '刷新 access_token（“access_token”标签页；普通模式会先确认）',
    copy: '复制 access_token（“access_token”标签页）',
    send: '提交当前表单（生成链接、换取、保存……）',
    addApp: '添加应用',
    apps: '在应用列表中切换',
    tabs: '在标签页之间切换',
    submit: '提交单行输入框',
    close: '关闭对话框或弹出层'
  }
}
