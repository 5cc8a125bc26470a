/**
 * The push simulator (消息推送调试): WeChat's URL verification and message / event pushes, signed and in
 * compatible or safe mode encrypted exactly as WeChat does, sent to the developer's own server, with the
 * answer judged the way WeChat judges it. A UI drives it as configure (check) → compose → verify / send →
 * read the verdict → history and curl.
 */
export { PushService, MAX_PUSH_BODY_CHARS, type PushServiceOptions, type SendRequest } from './push-service'
export { PushWorkbench, type PushWorkbenchDeps, type ComposeInput } from './push-workbench'
export { pushHandlers } from './handlers'
export {
  checkPushSender,
  checkPushTarget,
  checkPushToken,
  checkPushUrl,
  type PushSender,
  type PushSenderInput,
  type PushTarget,
  type PushTargetInput
} from './push-target'
export { PUSH_TEMPLATES, templateById, templatesFor } from './templates'
export { composeMessage, readMessageFacts } from './message-body'
export {
  checkEncodingAesKey,
  generateEncodingAesKey,
  aesKeyOf,
  encryptPayload,
  decryptPayload,
  type AesKey,
  type Decrypted
} from './aes'
export { urlSignature, messageSignature, maskSecret } from './signature'
export { signPush, signVerification, type Entropy } from './signed-request'
export { deliver, WECHAT_DELIVERIES, WECHAT_REPLY_TIMEOUT_MS } from './delivery'
export { judgeVerification, type VerifyContext } from './verify-judge'
export { judgePush, type PushJudgeContext } from './reply-judge'
export { PASSIVE_REPLY_TYPES } from './reply-rules'
export { SERVICE_UNAVAILABLE } from './verdict'
export { PushHistory, DEFAULT_HISTORY_LIMIT } from './history'
export { curlFor } from './curl'
export { readXml, childOf, type XmlElement, type XmlError, type XmlRead } from './xml-reader'
export { writeFlatXml, cdata } from './xml-writer'
// The engine's vocabulary lives in the contract, so the renderer reads the same results the CLI prints.
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_OPENID,
  PUSH_ACCOUNTS,
  PUSH_FORMATS,
  PUSH_MODES,
  type AttemptOutcome,
  type ComposedMessage,
  type DecodedReply,
  type Finding,
  type FindingLevel,
  type MessageEntry,
  type MessageFacts,
  type NewsArticle,
  type PhoneView,
  type PushAccount,
  type PushAttempt,
  type PushEvent,
  type PushFormat,
  type PushHistoryEntry,
  type PushMode,
  type PushTemplate,
  type PushVerdict,
  type ReplyValue,
  type SignatureTrace,
  type SignedRequest,
  type TargetSummary,
  type TemplateField,
  type TemplateId,
  type VerifyEntry,
  type VerifyVerdict,
  type XmlField
} from '../../shared/contract'
