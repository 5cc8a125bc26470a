import type { TokenState } from './types'
import { randomTokenString } from './token-shape'

// The time model of WeChat's two token lines (wechat-api.md §1, §2, §6a). Pure: every method takes `now`
// (epoch ms) and nothing here knows about HTTP, so it can be tested with plain numbers.

/** Every token lives 7200 s. */
export const TOKEN_LIFETIME_MS = 7_200_000
/** Classic: the previous token keeps working this long after a newer one is minted. */
export const CLASSIC_OVERLAP_MS = 300_000
/** Stable normal mode rotates when a call comes this close to the current token's expiry. */
export const STABLE_ROTATE_WINDOW_MS = 300_000
/** Stable force mode: a force within this long of the last effective one does not rotate. */
export const FORCE_SPACING_MS = 30_000

export type TokenLine = 'classic' | 'stable'

export interface TokenRecord {
  readonly token: string
  readonly appid: string
  readonly line: TokenLine
  readonly issuedAt: number
  readonly expiresAt: number
  /** When the token stops working: its expiry, or earlier once something newer retires it. */
  usableUntil: number
}

/** What a token endpoint hands out: the token and its remaining lifetime in whole seconds. */
export interface Grant {
  token: string
  expiresIn: number
}

/** Every token ever issued, by value, so any API can tell what a presented token is. */
export class TokenLedger {
  private readonly records = new Map<string, TokenRecord>()

  constructor(private readonly randomToken: () => string = randomTokenString) {}

  mint(appid: string, line: TokenLine, now: number): TokenRecord {
    let token = this.randomToken()
    while (this.records.has(token)) token = this.randomToken()
    const expiresAt = now + TOKEN_LIFETIME_MS
    const record: TokenRecord = { token, appid, line, issuedAt: now, expiresAt, usableUntil: expiresAt }
    this.records.set(token, record)
    return record
  }

  find(token: string): TokenRecord | undefined {
    return this.records.get(token)
  }

  /** Past its 7200 s a token is 'expired' even if it had been superseded before. */
  stateOf(token: string, now: number): TokenState {
    const record = this.records.get(token)
    if (!record) return 'unknown'
    if (now >= record.expiresAt) return 'expired'
    if (now >= record.usableUntil) return 'superseded'
    return 'valid'
  }
}

function retire(record: TokenRecord, at: number): void {
  record.usableUntil = Math.min(record.usableUntil, at)
}

function grantOf(record: TokenRecord, now: number): Grant {
  // The clamp keeps expires_in within 7200 even if the clock steps backwards.
  const remaining = Math.floor((record.expiresAt - now) / 1000)
  return { token: record.token, expiresIn: Math.min(TOKEN_LIFETIME_MS / 1000, remaining) }
}

/**
 * /cgi-bin/token: every call mints. The token it replaces keeps working for 5 minutes (never past its own
 * expiry); only that one generation overlaps, so the one before it dies at once.
 */
export class ClassicLine {
  private current: TokenRecord | undefined
  private previous: TokenRecord | undefined

  constructor(
    private readonly ledger: TokenLedger,
    private readonly appid: string
  ) {}

  issue(now: number): Grant {
    if (this.previous) retire(this.previous, now)
    if (this.current) retire(this.current, now + CLASSIC_OVERLAP_MS)
    this.previous = this.current
    this.current = this.ledger.mint(this.appid, 'classic', now)
    return grantOf(this.current, now)
  }
}

export type ForceOutcome =
  /** A new token; the one it replaced works until the next effective force or its own expiry. */
  | { kind: 'rotated'; grant: Grant }
  /** Within 30 s of the last effective force: the current token, nothing rotated, no force spent. */
  | { kind: 'too-soon'; grant: Grant }
  /** The daily force allowance is used up. */
  | { kind: 'over-limit' }

/**
 * /cgi-bin/stable_token, isolated from the classic line. Normal mode returns the current token and its
 * remaining lifetime, rotating only inside the last 5 minutes (so expires_in stays within 300…7200); the
 * replaced token lives on to its own expiry. Force mode rotates at once, and each effective force kills every
 * earlier stable token still alive — so two forces ≥ 30 s apart kill a leaked token (the doc's procedure).
 */
export class StableLine {
  private current: TokenRecord | undefined
  /** Earlier tokens still usable until their own expiry or the next effective force. */
  private retired: TokenRecord[] = []
  private lastForceAt: number | undefined

  constructor(
    private readonly ledger: TokenLedger,
    private readonly appid: string
  ) {}

  normal(now: number): Grant {
    if (this.current && this.current.expiresAt - now > STABLE_ROTATE_WINDOW_MS)
      return grantOf(this.current, now)
    return this.rotate(now)
  }

  /** `spendForce` is asked only when a rotation would happen; it returns false when none is left today. */
  force(now: number, spendForce: () => boolean): ForceOutcome {
    if (this.current && this.lastForceAt !== undefined && now - this.lastForceAt < FORCE_SPACING_MS) {
      return { kind: 'too-soon', grant: grantOf(this.current, now) }
    }
    if (!spendForce()) return { kind: 'over-limit' }
    for (const record of this.retired) retire(record, now)
    this.retired = []
    this.lastForceAt = now
    return { kind: 'rotated', grant: this.rotate(now) }
  }

  private rotate(now: number): Grant {
    this.retired = this.retired.filter((record) => record.usableUntil > now)
    if (this.current) this.retired.push(this.current)
    this.current = this.ledger.mint(this.appid, 'stable', now)
    return grantOf(this.current, now)
  }
}
