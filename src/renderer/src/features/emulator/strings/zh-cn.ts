import type { emulatorEn } from './en'

/** 简体中文（i18next 命名空间 `emulator`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const emulatorZhCN: typeof emulatorEn = {
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
}
