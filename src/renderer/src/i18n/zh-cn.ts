import type { en } from './en'

/** 简体中文。类型与英文资源一致，缺少或多出的键都会在编译时报错。 */
export const zhCN: typeof en = {
  app: {
    title: 'WeChat Token Desk',
    loading: '加载中…',
    noApp: '还没有应用。点击“添加应用”开始。'
  },
  workspace: {
    sections: '应用功能',
    tabs: { token: '令牌', oauth: '网页授权' }
  },
  settings: {
    language: '语言',
    theme: '主题',
    system: '跟随系统',
    light: '浅色',
    dark: '深色'
  },
  notices: {
    dismiss: '关闭',
    dismissNotice: '关闭通知',
    sessionOnly: '当前系统不支持加密存储：AppSecret 仅在本次运行期间保存，重启后需要重新填写。'
  },
  apps: {
    list: '应用',
    add: '添加应用',
    edit: '编辑应用',
    delete: '删除应用',
    sandbox: '沙盒',
    sandboxName: '沙盒（离线模拟器）',
    noSecret: '无密钥',
    kind: {
      'official-account': '公众号',
      'mini-program': '小程序',
      'test-account': '测试号'
    },
    env: { dev: '开发', test: '测试', prod: '生产' },
    mode: { stable: '稳定版', classic: '普通版', remote: '远程' },
    facts: '应用信息',
    appId: 'AppID',
    kindLabel: '类型',
    modeLabel: '令牌模式',
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
    }
  },
  form: {
    addTitle: '添加应用',
    editTitle: '编辑应用',
    name: '名称',
    appId: 'AppID',
    secret: 'AppSecret',
    kind: '类型',
    env: '环境',
    mode: '令牌模式',
    apiBase: 'API 地址',
    remoteUrl: '令牌服务器地址',
    remoteKey: 'API 密钥',
    oauthDomains: '网页授权回调域名',
    oauthDomainsHint:
      '可选。与后台登记的网页授权域名完全一致：只填主机名，测试号可写 主机名:端口。最多 2 个，每行一个或用逗号分隔。',
    modes: { stable: '稳定版（推荐）', classic: '普通版', remote: '远程（其他中控）' },
    appIdHint: '“wx” 加 16 位十六进制，可在微信公众平台后台查看。',
    secretHint: '32 位十六进制。只保存在主进程中，本窗口之后不会再看到它。',
    secretKeep: '留空则保留当前密钥。',
    secretRemote: '远程模式无需填写：由令牌服务器保管。',
    remoteUrlHint: '其他 Token Desk 或团队令牌服务器。需使用 https；http 仅限本机或局域网私有地址。',
    remoteKeyHint: '可在令牌服务器的“本地 API”面板中复制。',
    remoteKeyKeep: '留空则保留当前密钥。',
    modeHint:
      '稳定版调用 /cgi-bin/stable_token，不会影响其他服务器；普通版每次都会生成新令牌，旧令牌 5 分钟后失效；远程模式从其他中控读取令牌，自身从不生成。',
    apiBaseHint: '留空即使用微信官方地址。',
    sandboxBound: '由内置模拟器提供，不可修改。',
    save: '保存',
    saving: '保存中…',
    cancel: '取消'
  },
  deleteApp: {
    title: '删除应用？',
    body: '确定删除“{{name}}”（{{appId}}）吗？它的 AppSecret 和令牌将从本工具中移除。',
    confirm: '删除',
    cancel: '取消'
  },
  token: {
    label: '令牌',
    value: '令牌值',
    none: '尚未持有令牌',
    reveal: '显示',
    hide: '隐藏',
    lifetime: '令牌有效期',
    left: '剩余 {{time}}',
    expired: '已过期',
    noLifetime: '尚未持有令牌',
    refreshing: '刷新中…',
    facts: '令牌详情',
    obtainedAt: '获取时间',
    expiresAt: '过期时间',
    mode: '模式',
    autoRefresh: '自动刷新',
    retry: '重试',
    lastAttempt: '最近一次',
    quota: '配额',
    quotaLine: '今日令牌调用 {{used}} / {{limit}} · 强制刷新 {{forceUsed}} / {{forceLimit}}',
    empty: '—',
    auto: {
      scheduled: '将于 {{time}} 刷新（{{in}} 后）',
      scheduledSoon: '已安排',
      idle: '空闲：尚未持有令牌，点击“获取”即可。',
      stopped: '已停止：上次的错误无法通过重试解决，请查看最近一次的结果。',
      needsConfirmation:
        '已关闭：生产环境的普通版应用每次获取新令牌都会让服务器正在使用的令牌失效，因此只在你确认后刷新。',
      noSecret: '已关闭：本次运行中没有 AppSecret，请编辑应用重新填写。'
    },
    retryNone: '无',
    retryLine: '第 {{attempt}} 次，将于 {{time}} 重试（{{in}} 后）',
    attempt: {
      ok: '成功',
      reused: '复用已持有的令牌（未调用微信）',
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
      retry: '重试'
    },
    actions: '令牌操作',
    fetch: '获取',
    refresh: '刷新',
    force: '强制刷新',
    test: '测试令牌',
    copy: '复制令牌',
    copyCurl: '复制为 curl',
    exportPostman: '导出 Postman 环境',
    forceWait: '强制刷新将于 {{time}}（{{in}} 后）再次可用：微信要求两次强制刷新间隔至少 30 秒。',
    forceExhausted: '今日 {{limit}} 次强制刷新已全部用完。',
    forceReady: '会立即让当前稳定版令牌失效，仅在令牌泄露时使用。今日已用 {{used}} / {{limit}}。',
    status: {
      copied: '已复制',
      copiedCurl: '已复制为 curl',
      probe_one: '令牌可用（{{count}} 个 IP）',
      probe_other: '令牌可用（{{count}} 个 IP）',
      exported: '已保存到 {{path}}',
      exportCancelled: '已取消导出'
    }
  },
  confirm: {
    title: {
      fetch: '为“{{name}}”获取新的生产环境令牌？',
      refresh: '为“{{name}}”获取新的生产环境令牌？',
      force: '强制刷新“{{name}}”的生产环境令牌？'
    },
    forceUsed: '今日已强制刷新 {{used}} / {{limit}} 次。',
    confirm: '确认',
    cancel: '取消'
  },
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
  callLog: {
    heading: '调用日志',
    table: '调用日志',
    time: '时间',
    endpoint: '接口',
    httpStatus: 'HTTP',
    errcode: 'errcode',
    rid: 'rid',
    duration: '耗时（毫秒）',
    empty: '暂无调用。',
    clear: '清空',
    none: '—'
  },
  emulator: {
    label: '模拟器',
    running: '运行于 {{url}}',
    notRunning: '未运行',
    loading: '检查中…',
    fault: '故障',
    count: '次数',
    inject: '注入故障',
    clear: '清除故障',
    pending: '待触发的故障',
    noFaults: '没有排队的故障。注入的故障会按顺序应答接下来的调用。',
    faults: {
      'system-error': '系统繁忙 -1',
      quota: '超出配额 45009',
      'ip-whitelist': 'IP 白名单 40164',
      'http-500-html': 'HTTP 502 HTML 页面',
      hang: '无响应（超时）',
      'connection-reset': '连接被重置',
      'malformed-json': 'JSON 格式错误'
    }
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
