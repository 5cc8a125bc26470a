/**
 * The push simulator (消息推送调试): WeChat's URL verification and message / event pushes, signed and in
 * compatible or safe mode encrypted exactly as WeChat does, sent to the developer's own server, with the
 * answer judged the way WeChat judges it. A UI drives it as configure (check) → compose → verify / send →
 * read the verdict → history and curl.
 */
export {
  PushService,
  MAX_PUSH_BODY_CHARS,
  type PushServiceOptions,
  type SendRequest,
  type PushEvent
} from './push-service'
export {
  checkPushTarget,
  checkPushToken,
  checkPushUrl,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_OPENID,
  PUSH_ACCOUNTS,
  PUSH_FORMATS,
  PUSH_MODES,
  type PushAccount,
  type PushFormat,
  type PushMode,
  type PushTarget,
  type PushTargetInput
} from './push-target'
export {
  PUSH_TEMPLATES,
  templateById,
  templatesFor,
  type PushTemplate,
  type TemplateField,
  type TemplateId
} from './templates'
export { composeMessage, readMessageFacts, type ComposedMessage, type MessageFacts } from './message-body'
export {
  checkEncodingAesKey,
  generateEncodingAesKey,
  aesKeyOf,
  encryptPayload,
  decryptPayload,
  type AesKey,
  type Decrypted
} from './aes'
export { urlSignature, messageSignature, maskSecret, type SignatureTrace } from './signature'
export { signPush, signVerification, type SignedRequest, type Entropy } from './signed-request'
export {
  deliver,
  WECHAT_DELIVERIES,
  WECHAT_REPLY_TIMEOUT_MS,
  type AttemptOutcome,
  type PushAttempt
} from './delivery'
export { judgeVerification, type VerifyContext } from './verify-judge'
export { judgePush, type PushJudgeContext } from './reply-judge'
export { PASSIVE_REPLY_TYPES } from './reply-rules'
export {
  SERVICE_UNAVAILABLE,
  type DecodedReply,
  type Finding,
  type FindingLevel,
  type NewsArticle,
  type PhoneView,
  type PushVerdict,
  type ReplyValue,
  type VerifyVerdict
} from './verdict'
export {
  PushHistory,
  DEFAULT_HISTORY_LIMIT,
  type MessageEntry,
  type PushHistoryEntry,
  type TargetSummary,
  type VerifyEntry
} from './history'
export { curlFor } from './curl'
export { readXml, childOf, type XmlElement, type XmlError, type XmlRead } from './xml-reader'
export { writeFlatXml, cdata, type XmlField } from './xml-writer'
