import type { TokenMode } from '../../shared/contract'
import type { TokenGrant } from '../wechat'

/** A token this desk holds for one app. */
export interface HeldToken {
  value: string
  mode: TokenMode
  obtainedAt: number
  expiresAt: number
  grantedSeconds: number
}

/** A held token is handed out only while it has at least this long to live. */
export const MIN_SERVE_REMAINING_MS = 60_000

/** Whether `held` is still worth handing out at `now`. */
export function isServable(held: HeldToken, now: number): boolean {
  return held.expiresAt - now >= MIN_SERVE_REMAINING_MS
}

/** The token a grant gives, its life counted from `askedAt`. */
export function heldFromGrant(grant: TokenGrant, mode: TokenMode, askedAt: number): HeldToken {
  return {
    value: grant.accessToken,
    mode,
    // Counted from when we asked: WeChat's clock started no earlier, so we never overestimate the life.
    obtainedAt: askedAt,
    expiresAt: askedAt + grant.expiresIn * 1000,
    grantedSeconds: grant.expiresIn
  }
}
