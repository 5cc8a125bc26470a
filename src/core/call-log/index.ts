export { CallLog, type CallLogInput } from './call-log'
