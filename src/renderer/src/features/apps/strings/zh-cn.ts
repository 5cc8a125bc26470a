import type { appsEn } from './en'

/** 简体中文（i18next 命名空间 `apps`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const appsZhCN: typeof appsEn = {
  list: '应用',
  add: '添加应用',
  edit: '编辑应用',
  delete: '删除应用',
  sandboxKept: '内置：沙箱不能删除（离线模拟器属于它）。',
  sandbox: '沙箱',
  noSecret: '无密钥',
  kind: {
    'official-account': '公众号',
    'mini-program': '小程序',
    'test-account': '测试号'
  },
  env: { dev: '开发', test: '测试', prod: '生产' },
  mode: { stable: 'stable_token', classic: '普通 access_token', remote: '远程（其他中控）' },
  facts: '应用信息',
  appId: 'AppID',
  kindLabel: '类型',
  modeLabel: 'access_token 模式',
  apiBase: 'API 地址',
  secret: 'AppSecret',
  remoteUrl: '令牌服务器',
  remoteKey: 'API 密钥',
  remoteKeyHeld: '已保存',
  remoteKeyMissing: '缺失：请编辑应用重新填写',
  persistence: {
    encrypted: '已用系统钥匙串加密保存',
    'session-only': '仅在本次运行期间保存',
    missing: '本次运行中不可用：请编辑应用重新填写',
    'built-in': '内置：仅模拟器接受'
  },
  form: {
    addTitle: '添加应用',
    editTitle: '编辑应用',
    name: '名称',
    appId: 'AppID',
    secret: 'AppSecret',
    kind: '类型',
    env: '环境',
    mode: 'access_token 模式',
    apiBase: 'API 地址',
    remoteUrl: '令牌服务器地址',
    remoteKey: 'API 密钥',
    oauthDomains: '网页授权回调域名',
    oauthDomainsHint:
      '可选。与后台登记的网页授权域名完全一致：只填主机名，测试号可写 主机名:端口。最多 2 个，每行一个或用逗号分隔。',
    jsDomains: 'JS 接口安全域名',
    jsDomainsHint:
      '可选。调用 wx.config 的页面所在域名，与 公众号设置 → 功能设置 中登记的一致：只填主机名。最多 5 个，每行一个或用逗号分隔。',
    modes: {
      stable: 'stable_token（推荐）',
      classic: '普通 access_token（/cgi-bin/token）',
      remote: '远程（其他中控）'
    },
    appIdHint: '“wx” 加 16 位十六进制，可在微信公众平台后台查看。',
    secretHint: '32 位十六进制。只保存在主进程中，本窗口之后不会再看到它。',
    secretKeep: '留空则保留当前密钥。',
    secretRemote: '远程模式无需填写：由令牌服务器保管。',
    remoteUrlHint: '其他 Token Desk 或团队令牌服务器。需使用 https；http 仅限本机或局域网私有地址。',
    remoteKeyHint: '可在令牌服务器的“本地 API”面板中复制。',
    remoteKeyKeep: '留空则保留当前密钥。',
    modeHint:
      'stable_token 调用 /cgi-bin/stable_token，不会影响其他服务器；普通 access_token 每次都会生成新的，旧的 5 分钟后失效；远程模式从其他中控读取 access_token，自身从不生成。',
    apiBaseHint: '留空即使用微信官方地址。',
    sandboxBound: '由内置模拟器提供，不可修改。',
    showSecret: '显示 AppSecret',
    hideSecret: '隐藏 AppSecret',
    showRemoteKey: '显示 API 密钥',
    hideRemoteKey: '隐藏 API 密钥',
    sendHint: 'Ctrl/⌘+Enter 保存',
    save: '保存',
    saving: '保存中…',
    cancel: '取消'
  },
  deleteApp: {
    title: '删除应用？',
    body: '确定删除“{{name}}”（{{appId}}）吗？它的 AppSecret 和 access_token 将从本工具中移除。',
    confirm: '删除',
    cancel: '取消'
  }
}
