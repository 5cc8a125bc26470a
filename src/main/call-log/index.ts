export { CallLog, redactUrl, type CallLogInput } from './call-log'
