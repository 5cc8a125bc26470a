/** The call log, in English (i18next namespace `callLog`). `zh-cn.ts` is typed against this. */
export const callLogEn = {
  heading: 'Call log',
  table: 'Call log',
  time: 'Time',
  endpoint: 'Endpoint',
  httpStatus: 'HTTP',
  errcode: 'errcode',
  rid: 'rid',
  duration: 'Duration (ms)',
  empty: 'No calls yet.',
  clear: 'Clear'
}
