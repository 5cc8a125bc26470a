export { CallLog, maskExchange, type CallExchange, type CallLogInput, type CallLogOptions } from './call-log'
export { bodyView, decode, isTextual, BODY_TEXT_LIMIT } from './body-view'
export { curlForCall } from './curl'
export { logStomps } from './stomp-entries'
