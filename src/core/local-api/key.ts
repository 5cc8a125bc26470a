import { randomBytes } from 'node:crypto'
import { mask } from '../../shared/mask'
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
 *
 * It runs on every API request, so it compares UTF-16 code units in a loop with no data-dependent branch
 * (every unit is visited, differences are OR-ed together) instead of encoding both sides into Buffers for
 * `crypto.timingSafeEqual`: that took ~0.6 µs of the ~2.7 µs the desk's token route then spent per request
 * (measured in isolation), the loop takes ~0.2 µs.
 */
export class SecretMatcher {
  constructor(private readonly expected: string) {}

  matches(candidate: string): boolean {
    return this.matchesAt(candidate, 0, candidate.length)
  }

  /** Whether `text.slice(from, to)` is the secret, without slicing it. */
  matchesAt(text: string, from: number, to: number): boolean {
    const expected = this.expected
    const length = expected.length
    // A wrong length does the same work against the secret itself, so it is not answered measurably faster.
    const sameLength = to - from === length
    const source = sameLength ? text : expected
    const offset = sameLength ? from : 0
    let diff = sameLength ? 0 : 1
    for (let i = 0; i < length; i++) diff |= expected.charCodeAt(i) ^ source.charCodeAt(offset + i)
    return diff === 0
  }
}

/** Dots and the last four characters, so users can tell keys apart without exposing them. */
export function maskApiKey(key: string): string {
  return mask(key)
}
