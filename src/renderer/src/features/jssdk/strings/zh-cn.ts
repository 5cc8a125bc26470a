import type { jssdkEn } from './en'

/** JS-SDK 工作台的简体中文（i18next 命名空间 `jssdk`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const jssdkZhCN: typeof jssdkEn = {
  tab: 'JS-SDK',
  label: 'JS-SDK 工作台',
  heading: 'JS-SDK · wx.config 签名',
  domains: {
    label: 'JS 接口安全域名',
    none: '未设置：请在应用中（编辑应用）填写页面的域名。'
  },
  ticket: {
    heading: 'jsapi_ticket',
    hint: '每个应用一个 ticket，由本工具的所有调用方共享（SDK、/v1/apps/{appid}/jssdk-config）。在别处自行获取会替换它。',
    value: 'Ticket',
    none: '尚未获取 ticket。',
    expires: '{{in}} 后过期',
    expired: '已过期',
    previous: '本次运行记住了 {{count}} 个旧 ticket，用于识别过期签名。',
    fetch: '获取 ticket',
    refresh: '重新向微信获取',
    reveal: '显示',
    hide: '隐藏',
    copy: '复制'
  },
  sign: {
    heading: '1 · 签名计算',
    url: '页面 URL',
    urlHint: '与页面地址完全一致，包括查询参数（location.href）；# 之后的部分不参与签名。',
    nonceStr: 'nonceStr',
    timestamp: 'timestamp',
    timestampHint: 'Unix 秒数，与页面传给 wx.config 的一致。',
    generate: '生成新的 nonceStr 和 timestamp',
    ticket: '用于签名的 ticket（可选）',
    ticketHint: '留空：使用本应用的 jsapi_ticket。填写则可核对文档中的测试向量。',
    showTicket: '在签名字符串中显示 ticket',
    submit: '签名',
    shortcut: 'Ctrl/⌘+Enter 签名。',
    emptyUrl: '请先填写页面 URL。',
    findings: '检查结果',
    levels: { error: '错误', warning: '警告', info: '说明' },
    signedUrl: '签名用的 URL',
    string: '签名字符串（排序后用 & 连接）',
    signature: 'signature（SHA-1）',
    typedTicket: '使用你填写的 ticket 签名。',
    snippet: 'wx.config',
    copySnippet: '复制 wx.config'
  },
  diagnose: {
    heading: '2 · 页面为什么报 “invalid signature”？',
    intro: '粘贴页面使用的值，本工具会指出哪一项与它的签名输入不同。',
    pageUrl: '页面上的 location.href',
    nonceStr: '传给 wx.config 的 nonceStr',
    timestamp: '传给 wx.config 的 timestamp',
    signature: '传给 wx.config 的 signature',
    submit: '诊断',
    shortcut: 'Ctrl/⌘+Enter 诊断。',
    verdict: '结论',
    causes: {
      matches: '签名正确',
      'ticket-stale': '使用了旧的 ticket',
      'url-fragment': '签名的 URL 带有 # 片段',
      'url-encoding': '签名的 URL 被编码或解码过',
      'url-scheme': '签名的 URL 协议不同（http / https）',
      'url-trailing-slash': 'URL 末尾斜杠不同',
      'url-query': '签名的 URL 缺少查询参数',
      'timestamp-unit': 'timestamp 不同（秒与毫秒）',
      unexplained: '不属于常见错误'
    },
    expected: '本工具的签名',
    reproduced: '能复现页面签名的输入',
    tried: '尝试了 {{count}} 个 ticket。'
  },
  notice: {
    'ticket-fetched': 'ticket 已就绪。',
    'ticket-refreshed': '已重新向微信获取。',
    'ticket-copied': 'ticket 已复制。',
    'snippet-copied': 'wx.config 已复制。',
    signed: '已签名。'
  }
}
