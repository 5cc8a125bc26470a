import type { TokenAttempt, TokenView } from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'
import type { ConfirmableCommand } from './tokens-store'

/**
 * What the token panel says about an app's token, decided from the view alone (pure, so every case is
 * tested without rendering). The wording lives in the strings; these say which sentence applies.
 */

/** Whether and when the token refreshes by itself. */
export type AutoRefreshLine =
  | { kind: 'waiting' }
  | { kind: 'scheduled'; at: number | null }
  | { kind: 'idle' }
  | { kind: 'needs-confirmation' }
  | { kind: 'no-secret' }
  /**
   * The schedule stopped. `unfixable`: the latest error cannot be fixed by retrying. `earlier`: an earlier one
   * could not, but the latest attempt failed for a temporary reason (or succeeded without WeChat).
   */
  | { kind: 'stopped'; cause: 'unfixable' | 'earlier'; nextTryAt: number | null }

/** An error retrying cannot fix: the latest attempt failed, not cancelled, and WeChat's answer will not change. */
const isUnfixable = (attempt: TokenAttempt | null): boolean =>
  attempt !== null && !attempt.ok && attempt.cancelled !== true && attempt.error?.retryable !== true

/**
 * The error the desk answers from memory now, or null. A "Retry now" releases it (its pause ends at once) but
 * main keeps it until the next answer: released, it no longer holds anything back.
 */
export const activeRemembered = (view: TokenView): TokenView['remembered'] =>
  view.remembered !== null && view.remembered.nextTryAt > view.now ? view.remembered : null

/** When the desk tries again by itself after a stop: its retry timer, or the end of the remembered pause. */
const nextAutomaticTry = (view: TokenView): number | null =>
  view.retry?.nextAt ?? activeRemembered(view)?.nextTryAt ?? null

export function autoRefreshLine(view: TokenView): AutoRefreshLine {
  if (view.refreshing) return { kind: 'waiting' }
  switch (view.autoRefresh) {
    case 'scheduled':
      return { kind: 'scheduled', at: view.nextRefreshAt }
    case 'idle':
      return { kind: 'idle' }
    case 'needs-confirmation':
      return { kind: 'needs-confirmation' }
    case 'no-secret':
      return { kind: 'no-secret' }
    case 'stopped':
      return {
        kind: 'stopped',
        cause: isUnfixable(view.lastAttempt) ? 'unfixable' : 'earlier',
        nextTryAt: nextAutomaticTry(view)
      }
  }
}

/** The "Retry" row: the desk's own retry, or why there is none. */
export type RetryLine =
  | { kind: 'scheduled'; attempt: number; at: number }
  /** A failure of a person's Fetch or Refresh: the desk does not retry those by itself; Retry is offered. */
  | { kind: 'manual' }
  | { kind: 'none' }

const MANUAL: ReadonlySet<TokenAttempt['trigger']> = new Set(['fetch', 'refresh', 'force'])

export function retryLine(view: TokenView): RetryLine {
  if (view.retry) return { kind: 'scheduled', attempt: view.retry.attempt, at: view.retry.nextAt }
  const last = view.lastAttempt
  if (last && !last.ok && MANUAL.has(last.trigger) && !isUnfixable(last)) return { kind: 'manual' }
  return { kind: 'none' }
}

/** What the last attempt did, in the words the panel uses. */
export type AttemptLine =
  | { kind: 'obtained' }
  /** Fetch handed out the valid token the desk holds: no WeChat call. */
  | { kind: 'reused' }
  /** The governor handed the held token back: it is `ageSeconds` old, younger than 30 s. */
  | { kind: 'coalesced'; ageSeconds: number }
  /** An error retrying cannot fix, answered from memory: no WeChat call. */
  | { kind: 'from-memory'; error: DeskError | null }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: DeskError | null }

export function attemptLine(attempt: TokenAttempt, view: TokenView): AttemptLine {
  if (attempt.cancelled) return { kind: 'cancelled' }
  if (!attempt.ok) {
    const error = attempt.error ?? null
    return attempt.fromMemory ? { kind: 'from-memory', error } : { kind: 'failed', error }
  }
  if (attempt.coalesced) {
    const obtainedAt = view.obtainedAt ?? attempt.at
    return { kind: 'coalesced', ageSeconds: Math.max(0, Math.round((attempt.at - obtainedAt) / 1000)) }
  }
  return attempt.reused ? { kind: 'reused' } : { kind: 'obtained' }
}

/** What "Retry" does after the last attempt failed, or null when there is nothing to retry. */
export type RetryAction = { command: ConfirmableCommand; retryNow: boolean } | null

export function retryAction(view: TokenView | null): RetryAction {
  const last = view?.lastAttempt ?? null
  if (!view || !last || last.ok || view.refreshing) return null
  // Answered from memory: only an explicit "Retry now" reaches WeChat before the pause ends.
  if (activeRemembered(view)) return { command: 'refresh', retryNow: true }
  if (last.cancelled || last.error?.retryable === true) {
    const command: ConfirmableCommand =
      last.trigger === 'fetch' || last.trigger === 'force' ? last.trigger : 'refresh'
    return { command, retryNow: false }
  }
  return null
}
