import { createHash } from 'node:crypto'
import type { SignatureTrace } from '../../shared/contract'

/**
 * Hides a secret but keeps its length and its first and last characters, so a developer comparing the
 * desk's sorted string with their server's log can still see where the Token sits.
 */
export function maskSecret(secret: string): string {
  if (secret.length <= 4) return '•'.repeat(secret.length)
  return `${secret[0]}${'•'.repeat(secret.length - 2)}${secret[secret.length - 1]}`
}

/**
 * WeChat's signature: SHA-1 of the parts sorted as strings (code-unit order, so "10" < "9" and digits <
 * upper case < lower case), joined without a separator.
 */
function sortedSignature(token: string, parts: string[]): SignatureTrace {
  const sorted = [token, ...parts].sort()
  const masked = sorted.map((part) => (part === token ? maskSecret(token) : part))
  return {
    sorted: masked,
    joined: masked.join(''),
    signature: createHash('sha1').update(sorted.join(''), 'utf8').digest('hex')
  }
}

/** The 3-part `signature` of the verification GET and of every push: sort(token, timestamp, nonce). */
export function urlSignature(token: string, timestamp: string, nonce: string): SignatureTrace {
  return sortedSignature(token, [timestamp, nonce])
}

/** The 4-part `msg_signature` of compatible / safe mode: sort(token, timestamp, nonce, Encrypt). */
export function messageSignature(
  token: string,
  timestamp: string,
  nonce: string,
  encrypt: string
): SignatureTrace {
  return sortedSignature(token, [timestamp, nonce, encrypt])
}

/** The sorted string behind a signature, as a sentence both languages share. */
export function signedWith(trace: SignatureTrace): { en: string; zh: string } {
  return {
    en: `The desk signed the sorted string "${trace.joined}" (Token masked) → sha1 ${trace.signature}; if your server sorts or hashes anything else, or holds another Token, its signature differs.`,
    zh: `桌面端签名的排序字符串为“${trace.joined}”（Token 已打码）→ sha1 ${trace.signature}；服务器若排序或拼接方式不同、或 Token 不同，算出的签名就会不同。`
  }
}
