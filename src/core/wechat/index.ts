export {
  createWeChatClient,
  endpointUrl,
  DEFAULT_TIMEOUT_MS,
  MAX_BODY_BYTES,
  type WeChatClientOptions
} from './client'
export { failureToDeskError, isRetryable } from './failures'
export { isTokenLifetime, MAX_TOKEN_LIFETIME_S } from './response'
export { redactText, redactUrl, MASK } from './redact'
export type {
  CodeSession,
  PhoneInfo,
  SnsGrant,
  SnsUserInfo,
  TicketGrant,
  TicketType,
  TokenGrant,
  UpstreamCall,
  UpstreamFailure,
  UpstreamResult,
  WeChatClient,
  WeChatEndpoint
} from './types'
