import type { tokenEn } from './en'

/**
 * 简体中文（i18next 命名空间 `token`）。类型与英文一致，缺少或多出的键都会在编译时报错。
 * 术语按国内开发者的习惯：access_token（接口调用凭据）、stable_token、测试号。
 */
export const tokenZhCN: typeof tokenEn = {
  label: 'access_token',
  value: 'access_token 值',
  none: '尚未持有 access_token',
  reveal: '显示',
  hide: '隐藏',
  lifetime: 'access_token 有效期',
  left: '剩余 {{time}}',
  expired: '已过期',
  noLifetime: '尚未持有 access_token',
  facts: 'access_token 详情',
  obtainedAt: '获取时间',
  expiresAt: '过期时间',
  mode: '模式',
  autoRefresh: '自动刷新',
  retry: '重试',
  lastAttempt: '最近一次',
  quota: '配额',
  quotaLine: '今日 token 调用 {{used}} / {{limit}} · 强制刷新 {{forceUsed}} / {{forceLimit}}',
  auto: {
    waiting: '正在等待微信应答…',
    scheduled: '将于 {{time}} 刷新（{{in}} 后）',
    scheduledSoon: '已安排',
    idle: '空闲：尚未持有 access_token，点击“获取”即可。',
    stoppedUnfixable: '已停止：最近一次的错误无法通过重试解决。请先排除原因，再点击“立即重试”。',
    stoppedEarlier: '因之前一次无法靠重试解决的错误而停止；最近一次的结果不同（见下方）。',
    nextTry: '将于 {{time}}（{{in}} 后）自动再试一次。',
    needsConfirmation:
      '已关闭：生产环境的普通 access_token 每次获取新的都会让服务器正在使用的失效，因此只在你确认后刷新。',
    noSecret: '已关闭：本次运行中没有 AppSecret，请编辑应用重新填写。'
  },
  retryNone: '无',
  retryManual: '无：本工具只会自动重试它自己的定时刷新。请点击“重试”再试一次。',
  retryLine: '第 {{attempt}} 次，将于 {{time}} 重试（{{in}} 后）',
  attempt: {
    ok: '成功：从微信获取了新的 access_token',
    reused: '复用已持有的 access_token：仍然有效（未调用微信）',
    coalesced: '返回了已持有的 access_token（未调用微信）：它才 {{age}} 秒，本工具每 30 秒最多获取一次',
    fromMemory: '直接返回记住的错误（未调用微信）：{{message}}。在情况改变之前，重试无法解决。',
    cancelled: '已取消：没有任何变更',
    failed: '失败：{{message}}',
    meta: '{{trigger}} · {{time}}'
  },
  trigger: {
    fetch: '获取',
    refresh: '刷新',
    force: '强制刷新',
    timer: '定时刷新',
    passive: '被动刷新',
    wake: '唤醒后',
    retry: '重试',
    evidence: '微信拒绝了 access_token'
  },
  remembered: {
    title: '已记住微信的应答，直到 {{time}}',
    body: '“{{message}}”无法靠重试解决，因此在 {{time}}（{{in}} 后）之前，所有调用方都直接得到这个记住的错误，本工具不会再次请求微信（间隔每次加倍，最长 1 小时）。请先排除原因，再点击“立即重试”。'
  },
  rejected: '微信拒绝了当前持有的 access_token：本工具正在替换它。',
  stomping: {
    title: '另有系统正在为此应用获取 access_token',
    facts_one: '今天 {{count}} 次，最近一次在 {{time}}（access_token 只存活了 {{lifetime}} 秒）',
    facts_other: '今天 {{count}} 次，最近一次在 {{time}}（access_token 只存活了 {{lifetime}} 秒）'
  },
  waiting: {
    label: '正在等待微信',
    line: '正在等待微信应答… {{elapsed}}',
    cancel: '取消',
    cancelling: '正在取消…'
  },
  actions: 'access_token 操作',
  fetch: '获取',
  refresh: '刷新',
  force: '强制刷新',
  test: '测试 access_token',
  copy: '复制 access_token',
  copyCurl: '复制为 curl',
  retryNow: '立即重试',
  retryAgain: '重试',
  editApp: '编辑应用',
  resetQuota: '在接口调试中清零额度…',
  copyClearQuota: '复制 clear_quota 命令',
  copiedClearQuota: '已复制：请先在终端中设置 WECHAT_APPSECRET（命令中不含密钥）。每月最多清零 10 次。',
  hints: {
    fetch: '获取：已持有的 access_token 仍有效时直接返回（不调用微信）；没有时才请求微信。',
    refreshStable:
      '刷新：立即请求微信（stable_token 返回当前的 access_token，其他持有者不受影响）。不足 30 秒的 access_token 会直接返回。',
    refreshClassic:
      '刷新：立即生成新的 access_token，其他服务持有的将在 5 分钟内失效。不足 30 秒的 access_token 会直接返回。',
    refreshRemote: '刷新：立即再次向令牌服务器请求。',
    force:
      '强制刷新：立即生成新的 stable_token，当前的在所有地方失效。仅在泄露时使用；今日已用 {{used}} / {{limit}}。',
    test: '测试：用持有的 access_token 调用 getcallbackip，这是检查是否有效最省的接口。',
    copy: '复制 access_token：把 access_token 本身复制到剪贴板（Ctrl/⌘+Shift+C）。',
    copyCurl: '复制为 curl：一条使用该 access_token 的 getcallbackip curl 命令。',
    export: '导出：给 Postman 或 Bruno 用的 access_token，一次性或通过本地 API 实时读取。',
    idle: '“获取”在 access_token 有效时直接复用；“刷新”立即请求微信。将鼠标移到按钮上或用键盘聚焦即可查看说明。'
  },
  unavailable: {
    noToken: '尚未持有 access_token：请先点击“获取”。',
    forceWait: '将于 {{time}}（{{in}} 后）再次可用：微信要求两次强制刷新间隔至少 30 秒。',
    forceExhausted: '今日 {{limit}} 次强制刷新已全部用完。',
    waiting: '正在请求微信。'
  },
  export: {
    menu: '导出',
    postmanEnvironment: 'Postman 环境（当前 access_token，一次性）',
    postmanCollection: 'Postman 集合（实时：从本地 API 读取 access_token）',
    brunoCollection: 'Bruno 集合（实时：从本地 API 读取 access_token）',
    json: '复制为 JSON'
  },
  status: {
    copied: '已复制',
    copiedCurl: '已复制为 curl',
    copiedJson: '已复制为 JSON',
    probe_one: 'access_token 可用（{{count}} 个 IP）',
    probe_other: 'access_token 可用（{{count}} 个 IP）',
    exported: '已保存到 {{path}}',
    exportCancelled: '已取消导出',
    collection: '已保存到 {{path}}：每次发送请求前，它的脚本都会从本地 API 读取 access_token。',
    collectionNoKey: '请把其中的“<paste the Local API key>”替换为 API 密钥（见“本地 API”面板）。',
    collectionOff: '本地 API 未开启：请先开启，否则集合拿不到 access_token。',
    openLocalApi: '打开“本地 API”面板',
    cancelled: '已取消：不再等待微信应答，没有任何变更。'
  },
  confirm: {
    title: {
      fetch: '为“{{name}}”获取新的生产环境 access_token？',
      refresh: '为“{{name}}”获取新的生产环境 access_token？',
      force: '强制刷新“{{name}}”的生产环境 access_token？'
    },
    shortcutTitle: '为“{{name}}”生成新的普通 access_token？',
    shortcutBody:
      'Ctrl/⌘+R 会刷新这个普通模式（/cgi-bin/token）的应用：微信会生成新的 access_token，其他服务持有的将在 5 分钟内失效。',
    forceUsed: '今日已强制刷新 {{used}} / {{limit}} 次。',
    confirm: '确认',
    cancel: '取消'
  }
}
