import { SecretMatcher } from './key'

/**
 * The API key check: `Authorization: Bearer <key>`, compared in constant time. The key is never accepted
 * from the query string, where it would end up in shell histories and proxy logs.
 */
export class BearerAuth {
  private matcher: SecretMatcher | null

  constructor(key: string | null) {
    this.matcher = key === null ? null : new SecretMatcher(key)
  }

  /** Replaces the key; requests carrying the old one fail from now on. */
  setKey(key: string | null): void {
    this.matcher = key === null ? null : new SecretMatcher(key)
  }

  allows(authorization: string | undefined): boolean {
    if (this.matcher === null || authorization === undefined || authorization.length < 8) return false
    // The common spelling is checked in place; anything else (`bearer`, extra white space around the key)
    // takes the slow path, which trims.
    if (
      authorization.startsWith('Bearer ') &&
      isVisible(authorization.charCodeAt(7)) &&
      isVisible(authorization.charCodeAt(authorization.length - 1))
    )
      return this.matcher.matchesAt(authorization, 7, authorization.length)
    if (authorization.slice(0, 7).toLowerCase() !== 'bearer ') return false
    return this.matcher.matches(authorization.slice(7).trim())
  }
}

/** Printable ASCII other than the space. */
const isVisible = (code: number): boolean => code > 0x20 && code < 0x7f

/** Sent with every 401, as RFC 6750 asks. */
export const WWW_AUTHENTICATE = { 'www-authenticate': 'Bearer realm="wechat-token-desk"' } as const
