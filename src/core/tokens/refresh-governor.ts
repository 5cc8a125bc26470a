import type { DeskError } from '../../shared/result'
import type { HeldToken } from './held-token'
import { beijingDay } from './refresh-policy'

/**
 * The refresh governor: one policy for every path that could make the desk ask WeChat for a token (the UI,
 * the Local API, the WeChat-compatible endpoints, the gateway's heal, the timer), so that no client loop,
 * burst or combination of callers can mint tokens faster than about one per 30 s per app.
 *
 * - Minimum age (30 s): a refresh of a token younger than this coalesces: the caller gets the token the last
 *   refresh brought, and WeChat is not called. 30 s is WeChat's own spacing for stable_token's force
 *   refresh; it is longer than any SDK's retry burst (they retry within milliseconds), and short enough that
 *   a token another system kills is replaced within half a minute. (A loop that ran flat out for a day could
 *   still reach 2,880 classic tokens, over the 2,000 quota: the stomping report names that in its first minute.)
 * - Evidence beats age: when the desk itself saw WeChat reject its current token (a relayed call, a probe),
 *   the token is replaced at once, however young. A caller's passive refresh is only a claim: a young token is
 *   probed (at most once per 30 s per app) before it is replaced. Even evidence cannot mint more than two
 *   tokens in any 30 s.
 * - Errors retrying cannot fix (wrong secret, IP whitelist, quota …) are remembered: on-demand callers get
 *   the same error from memory, with no upstream call, until the app changes, the user asks, or a bounded
 *   backoff (1 min, doubling, at most 1 h) passes.
 * - Stomping: when the desk's current token dies well before its expiry and the desk did not replace it
 *   itself, another system is fetching tokens for the app. It is counted per Beijing day and reported.
 */
export const MIN_TOKEN_AGE_MS = 30_000
export const PROBE_SPACING_MS = 30_000
/** How many tokens evidence may mint in one `MIN_TOKEN_AGE_MS` window (the first answers a stomped token). */
export const EVIDENCE_MINTS_PER_WINDOW = 2
/**
 * A WeChat-compatible token request for the same app this soon after the last one was answered is verified
 * first. SDKs that cache a token ask again only near its expiry (~2 h), while a classic SDK whose token was
 * refused asks again at once (co-wechat-api, wechat-api, WxJava and EasyWeChat all retry a 40001
 * immediately): a second request within a minute is a retry loop, or a second process starting. A probe tells
 * the two apart for the price of one getcallbackip call, at most every 30 s.
 */
export const REREQUEST_WINDOW_MS = 60_000
export const REMEMBER_BASE_MS = 60_000
export const REMEMBER_CAP_MS = 3_600_000
/** A token that dies more than this long before its expiry died young: something else replaced it. */
export const STOMPED_BEFORE_EXPIRY_MS = 300_000

/** Errcodes that say the same call will fail again until someone changes something (wechat-api.md §1, §7). */
export const UNFIXABLE_ERRCODES: ReadonlySet<number> = new Set([
  40125, 40164, 40013, 40243, 45009, 41004, 40002
])

/** WeChat's ways of saying "this access_token is no good" (wechat-api.md §3). */
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001])

export interface RememberedError {
  error: DeskError
  since: number
  /** When the desk tries again by itself. */
  nextTryAt: number
  attempt: number
}

export interface StompingReport {
  /** Tokens of this app found dead young today (Beijing day). */
  countToday: number
  lastAt: number
  /** How long the last one lived after the desk obtained it. */
  lifetimeMs: number
}

/** What to do with a request to refresh. */
export type RefreshDecision =
  | { kind: 'proceed' }
  /** Hand out the held token: it is too young to replace, or evidence already minted twice this window. */
  | { kind: 'coalesce'; token: HeldToken; until: number }
  | { kind: 'remembered'; remembered: RememberedError }

interface Line {
  /** When recent upstream calls brought a token (newest last), for the evidence budget. */
  mints: number[]
  /** The held token's value once WeChat was seen rejecting it. */
  rejected: string | null
  lastProbeAt: number | null
  remembered: RememberedError | null
  stomping: (StompingReport & { day: string }) | null
  lastHandOutAt: number | null
}

export class RefreshGovernor {
  private readonly lines = new Map<string, Line>()

  /**
   * Whether a refresh may call upstream now. `explicit` is a person asking to try again after a remembered
   * error ("Retry now"); `evidence` is a refresh the desk makes because it saw the token rejected.
   */
  decide(
    key: string,
    held: HeldToken | null,
    now: number,
    options: { explicit?: boolean; evidence?: boolean } = {}
  ): RefreshDecision {
    const line = this.line(key)
    const remembered = line.remembered
    if (remembered && !options.explicit && now < remembered.nextTryAt)
      return { kind: 'remembered', remembered }
    if (!held) return { kind: 'proceed' }
    const dead = line.rejected === held.value
    const youngUntil = held.obtainedAt + MIN_TOKEN_AGE_MS
    if (!dead && now < youngUntil) return { kind: 'coalesce', token: held, until: youngUntil }
    if (dead) {
      const recent = line.mints.filter((at) => now - at < MIN_TOKEN_AGE_MS)
      if (recent.length >= EVIDENCE_MINTS_PER_WINDOW) {
        return { kind: 'coalesce', token: held, until: (recent[0] ?? now) + MIN_TOKEN_AGE_MS }
      }
    }
    return { kind: 'proceed' }
  }

  /** An upstream call brought `held`. */
  obtained(key: string, held: HeldToken, now: number): void {
    const line = this.line(key)
    line.mints = [...line.mints.filter((at) => now - at < MIN_TOKEN_AGE_MS), now]
    line.remembered = null
    if (line.rejected !== held.value) line.rejected = null
  }

  /** An upstream call failed; errors retrying cannot fix are remembered with a growing pause. */
  failed(key: string, error: DeskError, now: number): RememberedError | null {
    if (error.errcode === undefined || !UNFIXABLE_ERRCODES.has(error.errcode)) return null
    const line = this.line(key)
    const attempt = (line.remembered?.attempt ?? 0) + 1
    const pause = Math.min(REMEMBER_CAP_MS, REMEMBER_BASE_MS * 2 ** (attempt - 1))
    line.remembered = { error, since: line.remembered?.since ?? now, nextTryAt: now + pause, attempt }
    return line.remembered
  }

  remembered(key: string): RememberedError | null {
    return this.lines.get(key)?.remembered ?? null
  }

  /**
   * WeChat rejected `value`. Returns whether that is the held token (so it must be replaced) and, when it
   * died young without the desk replacing it, the updated stomping report.
   */
  rejected(
    key: string,
    value: string,
    held: HeldToken | null,
    now: number
  ): { current: boolean; stomped: StompingReport | null } {
    if (!held || held.value !== value) return { current: false, stomped: null }
    const line = this.line(key)
    const first = line.rejected !== value
    line.rejected = value
    if (!first || now >= held.expiresAt - STOMPED_BEFORE_EXPIRY_MS) return { current: true, stomped: null }
    const day = beijingDay(now)
    const count = line.stomping?.day === day ? line.stomping.countToday + 1 : 1
    line.stomping = { day, countToday: count, lastAt: now, lifetimeMs: now - held.obtainedAt }
    return { current: true, stomped: this.stomping(key, now) }
  }

  /** Whether the held token was seen rejected. */
  isRejected(key: string, held: HeldToken): boolean {
    return this.lines.get(key)?.rejected === held.value
  }

  /** Takes the app's probe slot if 30 s have passed since the last probe. */
  takeProbe(key: string, now: number): boolean {
    const line = this.line(key)
    if (line.lastProbeAt !== null && now - line.lastProbeAt < PROBE_SPACING_MS) return false
    line.lastProbeAt = now
    return true
  }

  /** A token was handed to a WeChat-compatible caller; says whether the previous hand-out was recent. */
  handedOut(key: string, now: number): boolean {
    const line = this.line(key)
    const recent = line.lastHandOutAt !== null && now - line.lastHandOutAt < REREQUEST_WINDOW_MS
    line.lastHandOutAt = now
    return recent
  }

  /** Today's stomping report, or null when nothing stomped on this app today. */
  stomping(key: string, now: number): StompingReport | null {
    const report = this.lines.get(key)?.stomping
    if (!report || report.day !== beijingDay(now)) return null
    return { countToday: report.countToday, lastAt: report.lastAt, lifetimeMs: report.lifetimeMs }
  }

  /** A person asked to try again: the remembered error no longer blocks (it stays shown until the answer). */
  release(key: string): void {
    const line = this.lines.get(key)
    if (line?.remembered) line.remembered = { ...line.remembered, nextTryAt: 0 }
  }

  /** The app changed or went away. */
  forget(key: string): void {
    this.lines.delete(key)
  }

  private line(key: string): Line {
    let line = this.lines.get(key)
    if (!line) {
      line = {
        mints: [],
        rejected: null,
        lastProbeAt: null,
        remembered: null,
        stomping: null,
        lastHandOutAt: null
      }
      this.lines.set(key, line)
    }
    return line
  }
}

/** Another system killed one of the desk's tokens young, as the keeper tells its listeners. */
export interface StompEvent extends StompingReport {
  profileId: string
  appId: string
  mode: HeldToken['mode']
}
