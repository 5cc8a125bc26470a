import type { oauthEn } from './en'

/** OAuth 工作台的简体中文（i18next 命名空间 `oauth`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const oauthZhCN: typeof oauthEn = {
  label: 'OAuth 工作台（网页授权）',
  heading: 'OAuth 工作台 · 网页授权',
  persistence: {
    encrypted: '用户 access_token 加密保存。',
    'session-only': '没有安全存储：用户 access_token 仅在本次运行中保留。'
  },
  noSecret: '此应用在本次会话中没有 AppSecret：可以生成链接和使用回调捕获器，但不能在这里换取 code。',
  domains: {
    label: '网页授权域名',
    none: '未记录：链接检查无法比对域名',
    emulatorDefault: '模拟器默认：127.0.0.1 的任意端口',
    edit: '编辑域名',
    save: '保存域名',
    cancel: '取消',
    input: '已登记的网页授权域名',
    hint: '与后台登记的完全一致：只填主机名，测试号可写 主机名:端口。最多 2 个，用空格或逗号分隔。',
    saved: '域名已保存。'
  },
  link: {
    heading: '1 · 生成授权链接',
    redirectUri: '回调地址（redirect_uri）',
    redirectHint: '授权后微信跳回的页面。生成器只编码一次。',
    useCatcher: '使用捕获器地址',
    scope: 'Scope',
    scopes: {
      snsapi_base: 'snsapi_base — 静默授权，仅 openid',
      snsapi_userinfo: 'snsapi_userinfo — 需用户同意，昵称和头像',
      snsapi_login: 'snsapi_login — 网站应用，PC 扫码登录'
    },
    endpoint: '授权接口',
    endpoints: {
      authorize: '/connect/oauth2/authorize（H5）',
      qrconnect: '/connect/qrconnect（网站应用）'
    },
    lang: '扫码页语言',
    langDefault: '微信默认',
    state: 'State',
    stateHint:
      '只能是字母和数字，最多 128 字节。每个链接都有自己的 state，会记住 30 分钟：生成后此处是下一个链接的 state。',
    newState: '新 state',
    forcePopup: 'forcePopup=true（总是弹出授权确认）',
    connectRedirect: 'connect_redirect=1（避免微信回调两次）',
    build: '生成链接',
    sendHint: 'Ctrl/⌘+Enter 生成',
    findings: '链接检查',
    checking: '检查中…',
    noFindings: '未发现问题。',
    severity: { error: '错误', warning: '警告', info: '提示' },
    fix: '修复：',
    url: '授权链接',
    copy: '复制链接',
    copyChat: '复制为聊天文本',
    open: '在浏览器中打开',
    opened: '已在浏览器中打开。',
    built: '已生成链接，state 为“{{state}}”。',
    qrAlt: '授权链接的二维码：在手机上用微信扫描',
    remembered: 'state“{{state}}”会记住到 {{time}}。',
    stateStatus: {
      waiting: 'state“{{state}}”：等待回调，有效至 {{time}}（{{in}} 后）。',
      used: 'state“{{state}}”已在 {{time}} 被回调使用：如需再次授权，请生成新链接。',
      expired: 'state“{{state}}”已于 {{time}} 过期：带此 state 的回调会被判为过期。请生成新链接。',
      none: '此链接没有 state：回调无法与它对应。'
    },
    replaced:
      'state“{{state}}”已用于之前的链接（{{verdict}}），因此此链接使用新的 state：同一个 state 不会签发两次。',
    copied: '链接已复制。',
    copiedChat: '链接已连同说明文字一起复制，可直接发到聊天中。'
  },
  catcher: {
    heading: '2 · 接收回调',
    label: '回调捕获器',
    intro: '适用于网页授权域名可以是 IP:端口 的测试号：本工具在你选择的地址上监听，从回调中取得 code。',
    address: '监听地址',
    loopback: '{{address}}（仅本机）',
    lan: '{{address}}（{{name}}）',
    port: '端口',
    portHint: '0 = 任意空闲端口。',
    path: '回调路径',
    start: '启动捕获器',
    stop: '停止捕获器',
    status: {
      stopped: '已停止。',
      listening: '正在监听 {{url}} — {{in}} 后关闭。',
      captured: '已收到回调。',
      'timed-out': '已停止：在限定时间内没有收到回调。',
      failed: '无法启动。'
    },
    exchanging: '已收到回调（state：{{verdict}}），正在换取 code…',
    exchanged: '已收到回调（state：{{verdict}}）并已换取。',
    refused: '用户拒绝了授权（state：{{verdict}}）。',
    failedExchange: '已收到回调（state：{{verdict}}），但换取失败：',
    unverified:
      '收到了 code（state：{{verdict}}）。可能有人想让你以他的身份登录（登录 CSRF）：只有刚在手机上完成授权时才换取。',
    confirm: '是我的，换取'
  },
  paste: {
    heading: '或者粘贴回调',
    label: '粘贴 code 或回调地址',
    empty: '请先粘贴 code 或回调地址。',
    sendHint: 'Ctrl/⌘+Enter 换取',
    hint: '单独的 code，或手机最终打开的完整地址。多余的空白、全角字符和其他参数都没关系。',
    exchange: '换取',
    found: '找到 code {{code}}（{{kind}}）。',
    kinds: { 'bare-code': '单独的 code', url: '完整地址', query: '查询字符串' },
    state: 'State：{{state}} — {{verdict}}。',
    noState: '其中没有 state。',
    notes: '已整理'
  },
  verdict: {
    issued: '由本工具生成',
    used: '由本工具生成，已使用过',
    expired: '由本工具生成，但已过期',
    unknown: '不是本工具生成的',
    none: '无'
  },
  auth: {
    heading: '3 · 授权结果',
    label: '授权结果',
    none: '此应用还没有授权结果。请生成链接，在手机上打开，再接收或粘贴回调。',
    at: '授权时间',
    source: { catcher: '通过捕获器', paste: '通过粘贴' },
    openid: 'openid',
    unionid: 'unionid',
    noUnionid: '无（仅当账号绑定开放平台且 scope 为 snsapi_userinfo 时返回）',
    scope: 'scope',
    state: 'state',
    snapshot:
      'is_snapshotuser = 1：用户浏览的是快照页。openid、unionid 和资料都是虚拟的；请让用户在微信中完整打开页面以获得真实信息。',
    accessToken: '用户 access_token',
    refreshToken: 'refresh_token',
    expiresIn: '{{in}} 后过期',
    expired: '已过期',
    daysLeft: '剩余 {{days}} 天 {{hours}} 小时',
    tokensGone: '这次授权的 access_token 已不可用。',
    actions: '用户 access_token 操作',
    refresh: '刷新用户 access_token',
    check: '检验用户 access_token',
    userInfo: '获取用户信息',
    lang: '语言',
    checkValid: '{{time}} 检验：有效。',
    checkInvalid: '{{time}} 检验：无效。',
    userInfoHeading: '用户信息（{{lang}}，{{time}}）',
    nickname: '昵称',
    sex: '性别',
    sexes: { '0': '未知（0：微信已不再提供）', '1': '男', '2': '女' },
    region: '国家 / 省份 / 城市',
    regionEmpty: '空（微信已不再提供）',
    headimgurl: '头像地址',
    privilege: '特权',
    copy: '复制',
    copyField: '复制 {{field}}',
    copyCurl: '复制为 curl',
    curl: {
      curlUserInfo: 'curl：/sns/userinfo',
      curlAuth: 'curl：/sns/auth',
      curlRefresh: 'curl：refresh_token'
    },
    copied: '已复制 {{field}}。',
    arrived: '已收到授权：openid {{openid}}。',
    refreshed: '用户 access_token 已于 {{time}} 刷新：有效期 {{in}}。',
    checked: '已于 {{time}} 检查用户 access_token。',
    infoLoaded: '已获取用户信息。'
  },
  history: {
    heading: '历史记录',
    label: '授权历史',
    empty: '还没有授权记录。',
    time: '时间',
    app: '应用',
    scope: 'Scope',
    openid: 'openid',
    state: 'State',
    show: '查看',
    showing: '当前',
    clear: '清空历史',
    cleared: '历史已清空。'
  }
}
