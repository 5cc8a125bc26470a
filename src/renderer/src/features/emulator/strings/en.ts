/** The emulator panel, in English (i18next namespace `emulator`). `zh-cn.ts` is typed against this. */
export const emulatorEn = {
  label: 'Emulator',
  running: 'Running at {{url}}',
  notRunning: 'Not running',
  loading: 'Checking…',
  fault: 'Fault',
  count: 'Count',
  inject: 'Inject fault',
  clear: 'Clear faults',
  pending: 'Pending faults',
  noFaults: 'No faults queued. Injected faults answer the next calls, in order.',
  faults: {
    'system-error': 'system error -1',
    quota: 'quota 45009',
    'ip-whitelist': 'IP whitelist 40164',
    'http-500-html': 'HTTP 502 HTML page',
    hang: 'hang (timeout)',
    'connection-reset': 'connection reset',
    'malformed-json': 'malformed JSON'
  }
}
