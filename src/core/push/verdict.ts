import { text, type Localized } from '../../shared/result'
import type { PushAccount } from './push-target'

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

export const refusal = (code: string, en: string, zh: string): Finding => ({
  code,
  level: 'refusal',
  message: text(en, zh)
})
export const warning = (code: string, en: string, zh: string): Finding => ({
  code,
  level: 'warning',
  message: text(en, zh)
})
export const note = (code: string, en: string, zh: string): Finding => ({
  code,
  level: 'note',
  message: text(en, zh)
})

/** What WeChat shows the user when a reply fails (timeout, invalid data). */
export const SERVICE_UNAVAILABLE: Record<PushAccount, string> = {
  'official-account': '该公众号暂时无法提供服务，请稍后再试',
  'mini-program': '该小程序客服暂时无法提供服务，请稍后再试'
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

const ORDER: Record<FindingLevel, number> = { refusal: 0, warning: 1, note: 2 }

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => ORDER[a.level] - ORDER[b.level])
}

/** Quotes a body for a message: the first 120 characters, line breaks shown. */
export function quote(body: string): string {
  return JSON.stringify(body.length > 120 ? `${body.slice(0, 120)}…` : body)
}

/** An HTML page rather than the answer a handler would write: an error page, a login page, a framework's 404. */
export const looksLikeHtml = (body: string): boolean => /^\s*<(!doctype\s+html|html|head|body)\b/i.test(body)

/** Words a server's refusal uses when it rejected the signature. */
export const SIGNATURE_WORDS = /signature|签名/i
/** Words of a refusal that names no reason (with 401 / 403, most often a signature check). */
export const REFUSAL_WORDS = /invalid|unauthori[sz]ed|forbidden|token/i
/** Words a server's refusal uses when it expected, or could not open, an encrypted request. */
export const ENCRYPTION_WORDS = /msg_signature|encrypt|decrypt|aes|cipher|appid|加密|解密/i
