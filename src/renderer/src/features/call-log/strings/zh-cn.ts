import type { callLogEn } from './en'

/** 简体中文（i18next 命名空间 `callLog`）。类型与英文一致，缺少或多出的键都会在编译时报错。 */
export const callLogZhCN: typeof callLogEn = {
  heading: '调用日志',
  table: '调用日志',
  time: '时间',
  endpoint: '接口',
  httpStatus: 'HTTP',
  errcode: 'errcode',
  rid: 'rid',
  duration: '耗时（毫秒）',
  empty: '暂无调用。',
  clear: '清空'
}
