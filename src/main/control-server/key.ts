import { randomBytes, timingSafeEqual } from 'node:crypto'
import { text, type Localized } from '../../shared/result'

/** 32 random bytes: 256 bits, as base64url (43 characters, safe in headers, URLs and shells). */
export const API_KEY_BYTES = 32

export function generateApiKey(): string {
  return randomBytes(API_KEY_BYTES).toString('base64url')
}

/** A key supplied from outside (headless serve's `DESK_API_KEY`): long enough, and sendable in a header. */
export function checkApiKey(key: string): Localized | null {
  if (key.length < 32) {
    return text(
      `The API key must be at least 32 characters long (this one has ${key.length}).`,
      `API 密钥至少需要 32 个字符（当前为 ${key.length} 个）。`
    )
  }
  if (!/^[\x21-\x7e]+$/.test(key)) {
    return text(
      'The API key may only contain printable ASCII characters without spaces.',
      'API 密钥只能包含可打印的 ASCII 字符，且不能有空格。'
    )
  }
  return null
}

/**
 * Compares a presented credential with the expected one in constant time (for equal lengths; the length of
 * a key or an AppSecret is no secret). Used for the API key and for AppSecrets on the WeChat-compatible
 * endpoints.
 */
export class SecretMatcher {
  private readonly expected: Buffer

  constructor(expected: string) {
    this.expected = Buffer.from(expected, 'utf8')
  }

  matches(candidate: string): boolean {
    const given = Buffer.from(candidate, 'utf8')
    if (given.length !== this.expected.length) {
      // Same work as a real comparison, so a wrong length is not answered measurably faster.
      timingSafeEqual(this.expected, this.expected)
      return false
    }
    return timingSafeEqual(this.expected, given)
  }
}

/** Dots and the last four characters, so users can tell keys apart without exposing them. */
export function maskApiKey(key: string): string {
  return `${'•'.repeat(8)}${key.slice(-4)}`
}
