/**
 * The push simulator (消息推送调试): each app's 服务器配置, WeChat's URL verification and message / event
 * pushes sent to the developer's own server, and the answer judged as WeChat judges it. The engine's types
 * live here so the renderer can read its results. The Token and the EncodingAESKey stay in main: views
 * carry `hasToken` / `hasAesKey` and masks; copying happens in main.
 */
import { z } from 'zod'
import type { Localized } from '../result'
import { byId, call, event, profileId, str } from './kit'

/** 明文模式 / 兼容模式 / 安全模式 (wechat-api.md §10.3). */
export const PUSH_MODES = ['plain', 'compat', 'safe'] as const
export type PushMode = (typeof PUSH_MODES)[number]
export const PUSH_ACCOUNTS = ['official-account', 'mini-program'] as const
export type PushAccount = (typeof PUSH_ACCOUNTS)[number]
/** Official Accounts push XML only; a Mini Program chooses XML or JSON in its console. */
export const PUSH_FORMATS = ['xml', 'json'] as const
export type PushFormat = (typeof PUSH_FORMATS)[number]

/** The openid of WeChat's own documentation samples: the sandbox user who writes to the account. */
export const DEFAULT_OPENID = 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M'
/** An original id (原始 ID) for the account the pushes are addressed to. */
export const DEFAULT_ACCOUNT_ID = 'gh_d3e07d51b513'

export const PUSH_TEMPLATE_IDS = [
  'text',
  'image',
  'voice',
  'video',
  'shortvideo',
  'location',
  'link',
  'event.subscribe',
  'event.subscribe.qrscene',
  'event.unsubscribe',
  'event.SCAN',
  'event.LOCATION',
  'event.CLICK',
  'event.VIEW',
  'event.TEMPLATESENDJOBFINISH',
  'mp.text',
  'mp.image',
  'mp.miniprogrampage',
  'mp.event.user_enter_tempsession'
] as const
export type TemplateId = (typeof PUSH_TEMPLATE_IDS)[number]

/** One editable field of a template, with the sample value WeChat's documentation shows. */
export interface TemplateField {
  name: string
  label: Localized
  value: string
  /** A number in WeChat's samples: bare in XML, a JSON number in JSON. */
  bare?: boolean
}

/** A push WeChat sends (wechat-api.md §10.2, §10.5). */
export interface PushTemplate {
  id: TemplateId
  account: PushAccount
  label: Localized
  msgType: string
  /** The `Event` of an event push. */
  event?: string
  /** User messages carry a 64-bit MsgId, last; events carry none (handlers dedupe them by FromUserName + CreateTime). */
  msgId: boolean
  fields: readonly TemplateField[]
}

/** One element of WeChat's flat `<xml>` documents (or one member of the JSON ones). */
export interface XmlField {
  name: string
  value: string
  /** Numbers (CreateTime, MsgId, Location_X …) go bare, as WeChat writes them; strings go in CDATA. */
  bare?: boolean
}

/** A push ready to send: the template it came from, its fields, and the plaintext body in the target's format. */
export interface ComposedMessage {
  template: TemplateId
  label: Localized
  fields: XmlField[]
  /** What the UI shows in its editable raw-body box; `send` takes it back, edited or not. */
  body: string
}

/** What a handler dedupes and the judge checks a reply against, read back from a (possibly edited) body. */
export interface MessageFacts {
  toUserName: string | null
  fromUserName: string | null
  createTime: string | null
  msgType: string | null
  event: string | null
  msgId: string | null
}

/**
 * What a signature was computed from, so a failure can show the string the desk signed. The Token is
 * masked in it (same length, first and last character kept), so a trace can be shown, logged or printed.
 */
export interface SignatureTrace {
  /** The parts after sorting, in the order they were joined (the Token masked). */
  sorted: string[]
  /** `sorted.join('')`: the string that was hashed, with the Token masked. */
  joined: string
  /** Lower-case hex SHA-1 of the real joined string. */
  signature: string
}

/** A request exactly as WeChat would send it, and what went into its signatures. */
export interface SignedRequest {
  method: 'GET' | 'POST'
  /** The target URL with WeChat's query appended (any query the user typed is kept). */
  url: string
  headers: Record<string, string>
  body: string | null
  /** The message before encryption; null for the verification GET. */
  plaintext: string | null
  timestamp: string
  nonce: string
  /** The verification GET's `echostr`; null for pushes. */
  echostr: string | null
  signature: SignatureTrace
  /** Compatible / safe pushes: the 4-part `msg_signature` over the Encrypt sent. */
  msgSignature: SignatureTrace | null
}

export type AttemptOutcome =
  | {
      kind: 'answer'
      status: number
      headers: Record<string, string>
      body: string
      /** The body went past the reply limit; `body` holds the start. */
      truncated: boolean
    }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string }

/** One delivery of a push or of the verification GET. */
export interface PushAttempt {
  /** 1, 2, 3: which delivery of the same request this was. */
  delivery: number
  startedAt: number
  durationMs: number
  outcome: AttemptOutcome
}

/**
 * A refusal is something WeChat refuses (the verdict fails); a warning departs from the documentation but
 * WeChat accepts it; a note explains without judging.
 */
export type FindingLevel = 'refusal' | 'warning' | 'note'

export interface Finding {
  /** Stable, for tests and UI icons: e.g. `to-user-mismatch`, `create-time-milliseconds`. */
  code: string
  level: FindingLevel
  message: Localized
}

export interface NewsArticle {
  title: string
  description: string
  picUrl: string
  url: string
}

/** What the user would see on the phone after this answer. */
export type PhoneView =
  /** Acknowledged (`success`, empty) or a reply WeChat does not show: the chat stays as it was. */
  | { kind: 'nothing' }
  | { kind: 'text'; text: string }
  | { kind: 'image'; mediaId: string }
  | { kind: 'voice'; mediaId: string }
  | { kind: 'video'; mediaId: string; title: string; description: string }
  | {
      kind: 'music'
      title: string
      description: string
      musicUrl: string
      hqMusicUrl: string
      thumbMediaId: string
    }
  /** `dropped`: articles past the limit, which WeChat leaves out. */
  | { kind: 'news'; articles: NewsArticle[]; dropped: number }
  /** transfer_customer_service: the message goes to the customer-service agents; no reply now. */
  | { kind: 'customer-service'; kfAccount: string | null }
  | { kind: 'service-unavailable'; text: string }

/** A reply's content as JSON: leaf elements as strings, nested ones as objects, repeated ones as arrays. */
export type ReplyValue = string | ReplyValue[] | { [name: string]: ReplyValue }

export interface DecodedReply {
  /** The reply came in an Encrypt envelope (safe / compatible mode) and was decrypted. */
  encrypted: boolean
  /** The reply as WeChat reads it: the body, or the decrypted message. */
  plaintext: string
  msgType: string | null
  fields: { [name: string]: ReplyValue }
}

/** How WeChat takes the answer to a message or event push. */
export interface PushVerdict {
  accepted: boolean
  /** One sentence: acknowledged, the reply shown, or why WeChat refuses. */
  summary: Localized
  /** Refusals first, then warnings, then notes. */
  findings: Finding[]
  phone: PhoneView
  /** The delivery whose answer was judged (a later one when earlier ones got none); null when none answered. */
  judgedDelivery: number | null
  reply: DecodedReply | null
}

/** How the platform takes the answer to the URL verification. */
export interface VerifyVerdict {
  accepted: boolean
  summary: Localized
  findings: Finding[]
}

/** The target as history keeps it: everything but the Token and the EncodingAESKey. */
export interface TargetSummary {
  url: string
  mode: PushMode
  account: PushAccount
  format: PushFormat
  accountId: string
  openid: string
  appId: string | null
}

interface EntryBase {
  id: string
  /** When the first delivery started (epoch ms). */
  at: number
  label: Localized
  target: TargetSummary
  request: SignedRequest
  /** Each delivery, in order: one, or up to three when retries were asked for and no answer came. */
  attempts: PushAttempt[]
  /** From the first delivery's start to the last one's end. */
  durationMs: number
}

export interface VerifyEntry extends EntryBase {
  kind: 'verify'
  verdict: VerifyVerdict
}

export interface MessageEntry extends EntryBase {
  kind: 'push'
  /** The template the body started from, or null for a body written from scratch. */
  template: TemplateId | null
  /** The push as sent, read back (what the handler dedupes on); null when the body was not readable. */
  incoming: MessageFacts | null
  verdict: PushVerdict
}

export type PushHistoryEntry = VerifyEntry | MessageEntry

/** What the engine tells its listeners while it works: each delivery as it ends, then the finished entry. */
export type PushEvent =
  { type: 'attempt'; entryId: string; attempt: PushAttempt } | { type: 'entry'; entry: PushHistoryEntry }

/** A PushEvent of one app's simulator, as main pushes it to the renderer. */
export type PushActivity = PushEvent & { profileId: string }

/** How the Token and the EncodingAESKey are kept: encrypted at rest, or for this session only (no keychain). */
export type PushSecretPersistence = 'encrypted' | 'session-only'

/** An app's 服务器配置 as the renderer sees it: never the Token or the EncodingAESKey, only masks. */
export interface PushConfigView {
  profileId: string
  /** The developer's server; '' until saved. */
  url: string
  hasToken: boolean
  tokenMask: string | null
  hasAesKey: boolean
  aesKeyMask: string | null
  mode: PushMode
  /** From the app's kind: a Mini Program gets the customer-service pushes and the XML / JSON choice. */
  account: PushAccount
  format: PushFormat
  /** ToUserName: the account's original id (`gh_…`). */
  accountId: string
  /** FromUserName and `?openid`: the sandbox user who writes. */
  openid: string
  /** The app's AppID, sealed into every encrypted message. */
  appId: string
  persistence: PushSecretPersistence
}

/** Everything the push tab shows for one app. */
export interface PushState {
  config: PushConfigView
  /** The pushes this app's kind receives, in display order. */
  templates: PushTemplate[]
  /** This app's verifications and pushes, newest first (kept in memory for the session). */
  history: PushHistoryEntry[]
  /** How long WeChat waits for each delivery. */
  attemptTimeoutMs: number
  /** How many deliveries WeChat makes in all when no answer comes. */
  deliveries: number
}

export const PUSH_SECRETS = ['token', 'encodingAesKey'] as const
export type PushSecret = (typeof PUSH_SECRETS)[number]

/** Checks of the fields' content (Token charset, key length …) happen in main, with localized messages. */
export const pushConfigDraftSchema = z
  .object({
    url: str(2000),
    /** Omitted or '' = keep the saved Token (the form never holds it). */
    token: str(200).optional(),
    /** Omitted or '' = keep the saved EncodingAESKey. */
    encodingAesKey: str(200).optional(),
    mode: z.enum(PUSH_MODES),
    /** Ignored for Official Accounts, which push XML only. */
    format: z.enum(PUSH_FORMATS),
    /** '' = the default original id. */
    accountId: str(200),
    /** '' = the default sandbox openid. */
    openid: str(200)
  })
  .strict()
export type PushConfigDraft = z.infer<typeof pushConfigDraftSchema>

/** Generous: the engine refuses bodies past its own limit with a localized message. */
const MAX_BODY_INPUT = 256 * 1024
const entryId = z.string().min(1).max(64)

export const pushCalls = {
  /** The app's 服务器配置 (masked), its templates and its push history. */
  getPushState: call<PushState>()(byId),
  /** Checks the whole configuration (issues per field) and saves it; secrets encrypted like the AppSecret. */
  savePushConfig: call<PushConfigView>()(z.object({ id: profileId, draft: pushConfigDraftSchema }).strict()),
  /** 随机生成: a fresh EncodingAESKey, saved at once; the renderer gets its mask, Copy puts it on the clipboard. */
  generatePushAesKey: call<PushConfigView>()(byId),
  /** Copies the saved Token or EncodingAESKey (to paste into the server's configuration). */
  copyPushSecret: call<{ copied: true }>()(
    z.object({ id: profileId, secret: z.enum(PUSH_SECRETS) }).strict()
  ),
  /**
   * A template filled in with a fresh MsgId and CreateTime; `values` overrides fields by name. Needs no URL or
   * Token: the sender fields come from the form as typed ('' = the default).
   */
  composePush: call<ComposedMessage>()(
    z
      .object({
        id: profileId,
        template: z.enum(PUSH_TEMPLATE_IDS),
        values: z.record(str(64), str(4000)),
        format: z.enum(PUSH_FORMATS),
        accountId: str(200),
        openid: str(200)
      })
      .strict()
  ),
  /** 服务器配置's 提交: WeChat's verification GET to the saved URL, judged as the platform judges it. */
  verifyPushUrl: call<VerifyEntry>()(byId),
  /** Pushes a plaintext body in the saved mode (with WeChat's retries when asked) and judges the answer. */
  sendPush: call<MessageEntry>()(
    z
      .object({
        id: profileId,
        body: str(MAX_BODY_INPUT),
        template: z.enum(PUSH_TEMPLATE_IDS).nullable(),
        retry: z.boolean()
      })
      .strict()
  ),
  /** Copies an entry's request as a curl command with its signed query (it carries no Token or key). */
  copyPushCurl: call<{ copied: true }>()(z.object({ id: profileId, entryId }).strict()),
  /** Empties the app's push history; answers the (empty) history. */
  clearPushHistory: call<PushHistoryEntry[]>()(byId)
} as const

export const pushEvents = {
  /** Each delivery as it ends and each finished entry, tagged with its app. */
  pushActivity: event<PushActivity>()
} as const
