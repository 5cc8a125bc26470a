import type { localApiEn } from './en'

/** 本地 API 面板的简体中文（i18next 命名空间 `localApi`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const localApiZhCN: typeof localApiEn = {
  nav: {
    label: '本地 API',
    running: '本地 API：运行于 {{url}}',
    stopped: '本地 API：已关闭',
    failed: '本地 API：已开启，但未运行',
    on: '开',
    off: '关'
  },
  label: '本地 API',
  heading: '本地 API',
  intro:
    '把本工具当作你的中控服务器：你的后端、Postman 和各微信 SDK 都从这里读取每个应用共享的同一个 access_token，而不是各自获取。',
  state: {
    running: '运行中',
    off: '已关闭',
    failed: '未运行',
    loading: '检查中…'
  },
  server: {
    heading: '服务',
    label: '服务',
    switch: '启用本地 API',
    listening: '正在监听',
    anyPort: '（端口 0：任意空闲端口）',
    off: '已关闭：没有监听任何端口。',
    failed: '已开启，但未运行：',
    address: '地址',
    port: '端口',
    allowNonLoopback: '允许非回环地址',
    hint: '127.0.0.1 = 仅本机。端口 0 = 任意空闲端口。',
    allowHint: '其他机器将能以明文 HTTP 访问此 API；持有密钥的人都能读取你的 access_token。',
    needsAllow: '其他机器可以访问这个地址：请先勾选“允许非回环地址”。',
    badPort: '请输入 0 到 65535 之间的整数（0 = 任意空闲端口）。',
    badHost: '请输入 IP 地址，例如 127.0.0.1。',
    apply: '应用',
    revert: '还原',
    pending: '尚未应用。'
  },
  key: {
    heading: 'API 密钥',
    label: 'API 密钥',
    value: 'API 密钥',
    none: '首次启用 API 时生成。',
    usage: '调用方以“Authorization: Bearer <密钥>”发送。/healthz 无需密钥。',
    persistence: {
      encrypted: '已用系统钥匙串加密保存。',
      'session-only': '没有系统钥匙串：仅在本次运行中保留，重启后会生成新密钥。',
      none: '还没有密钥。'
    },
    actions: 'API 密钥操作',
    reveal: '显示密钥',
    hide: '隐藏密钥',
    copy: '复制密钥',
    rotate: '更换密钥…',
    confirmTitle: '更换 API 密钥？',
    confirmBody: '使用当前密钥的调用方将立即收到 401，已打开的事件流也会关闭。请把新密钥提供给所有调用方。',
    confirm: '更换密钥',
    cancel: '取消'
  },
  snippets: {
    heading: '代码片段',
    label: '代码片段',
    app: '应用',
    tabs: 'SDK 与工具',
    code: '{{title}} 代码片段',
    placeholder:
      '显示时不含密钥：代码从 $DESK_API_KEY 读取（Postman 为占位符）。“复制代码片段”会填入真实密钥，粘贴即可运行，请妥善保管。',
    noKey: '还没有密钥，复制的代码会从 $DESK_API_KEY 读取。启用 API 即可生成密钥。',
    anyPort: 'API 尚未在固定端口上运行：开始监听前代码片段中显示为 PORT。',
    copy: '复制代码片段',
    loading: '正在加载代码片段…',
    noApp: '添加应用后即可获得代码片段。'
  },
  requests: {
    heading: '请求',
    table: '最近的请求',
    countOne: '本次运行共 {{count}} 个请求',
    countOther: '本次运行共 {{count}} 个请求',
    time: '时间',
    route: '路径',
    status: '状态',
    errcode: 'errcode',
    outcome: {
      ok: '已应答',
      'wechat-error': '微信拒绝（errcode 在响应体中，HTTP 200）',
      'client-error': '已拒绝：请求有问题',
      'server-error': '本工具或上游出错'
    },
    callerPort: '调用方端口',
    duration: '毫秒',
    empty: '还没有请求。'
  },
  notice: {
    applied: '已保存。',
    keyCopied: '密钥已复制。',
    keyRotated: '已生成新密钥：请提供给所有调用方。',
    snippetCopied: '已复制 {{title}}（含真实密钥）。',
    snippetCopiedNoKey: '已复制 {{title}}（从 $DESK_API_KEY 读取密钥）。'
  }
}
