import type { TokenMode } from '../../shared/contract'

/**
 * When to refresh, and how to back off. Pure functions of time and a random source so tests can pin them.
 *
 * classic: WeChat issues 7200 s tokens and a new fetch leaves the old one alive for ~5 min. We refresh
 * 10 min before expiry (plus up to 60 s of jitter): that leaves room for the whole retry ladder below
 * (≈4 min) to run before the held token dies, and costs ~1 extra call a day over refreshing at the
 * last second. (WxJava uses 200 s, silenceper 1500 s.)
 *
 * stable: normal-mode calls return the *same* token until its last 5 min, when WeChat rotates it. A call
 * before that window is wasted, so we aim 30–90 s into the window (210–270 s before expiry): late enough
 * to get the rotated token, early enough to retry several times before expiry. `expires_in` may be as
 * low as 300, so the delay is clamped to stay positive.
 *
 * remote: the other 中控 refreshes on its own schedule (at the latest ~210 s before expiry), so we re-read
 * 180 s before expiry, and no more often than every 30 s while it has not refreshed yet.
 */
export const CLASSIC_MARGIN_MS = 600_000
export const CLASSIC_JITTER_MS = 60_000
export const STABLE_ROTATION_WINDOW_MS = 300_000
export const STABLE_LEAD_MS = 30_000
export const STABLE_JITTER_MS = 60_000
/** Never schedule closer than this, so a token that comes back already inside its window cannot spin. */
export const MIN_DELAY_MS = 5_000
export const REMOTE_REREAD_BEFORE_EXPIRY_MS = 180_000
export const REMOTE_MIN_DELAY_MS = 30_000

export function nextRefreshAt(
  mode: TokenMode,
  obtainedAt: number,
  expiresAt: number,
  now: number,
  random: () => number
): number {
  if (mode === 'remote') {
    return Math.max(
      expiresAt - REMOTE_REREAD_BEFORE_EXPIRY_MS,
      Math.max(now, obtainedAt) + REMOTE_MIN_DELAY_MS
    )
  }
  const at =
    mode === 'classic'
      ? expiresAt - CLASSIC_MARGIN_MS - random() * CLASSIC_JITTER_MS
      : expiresAt - STABLE_ROTATION_WINDOW_MS + STABLE_LEAD_MS + random() * STABLE_JITTER_MS
  const earliest = Math.max(now, obtainedAt) + MIN_DELAY_MS
  return Math.max(at, earliest)
}

export const RETRY_BASE_MS = 2_000
export const RETRY_CAP_MS = 60_000
export const RETRY_MAX_ATTEMPTS = 8

/**
 * Delay before retry `attempt` (1-based): exponential from 2 s, capped at 60 s, with "equal jitter"
 * (half fixed, half random) so many desks recovering together do not retry in lock-step.
 * Returns null once the ladder is exhausted (≈ 3.5 min of trying in total).
 */
export function retryDelay(attempt: number, random: () => number): number | null {
  if (attempt > RETRY_MAX_ATTEMPTS) return null
  const ceiling = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1))
  return ceiling / 2 + random() * (ceiling / 2)
}

/** Beijing calendar day: WeChat's daily quotas reset at 00:00 UTC+8. */
export function beijingDay(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10)
}
