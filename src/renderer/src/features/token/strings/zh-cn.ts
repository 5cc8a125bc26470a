import type { tokenEn } from './en'

/** 简体中文（i18next 命名空间 `token`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const tokenZhCN: typeof tokenEn = {
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
    retry: '重试',
    evidence: '微信拒绝了令牌'
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
  }
}
