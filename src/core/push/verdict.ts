import type { Finding, FindingLevel, PushAccount } from '../../shared/contract'
import { text } from '../../shared/result'

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
