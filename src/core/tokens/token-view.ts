import type { AutoRefreshState, TokenAttempt, TokenQuota, TokenView } from '../../shared/contract'
import { mask } from '../../shared/mask'
import type { HeldToken } from './held-token'
import type { ScheduleState } from './refresh-schedule'

/** Enough of a token to tell two apart at a glance; short values are hidden whole. */
export function maskToken(token: string): string {
  return mask(token, { head: 8, dots: 6, hideUpTo: 16, hidden: 'one-per-character' })
}

/** Everything the UI is told about one app's token, gathered from the keeper's parts. */
export interface TokenFacts {
  profileId: string
  held: HeldToken | null
  refreshing: boolean
  schedule: ScheduleState
  lastAttempt: TokenAttempt | null
  quota: TokenQuota
  /** The app cannot ask in this session (no AppSecret, or no key for its token server). */
  missingCredential: boolean
  /** Its timer may not refresh it with nobody there (prod + classic on the desktop). */
  awaitsConfirmation: boolean
  now: number
}

/** The view of one app's token: its value masked, its schedule and what happened last. */
export function buildTokenView(facts: TokenFacts): TokenView {
  const { held, schedule, now } = facts
  return {
    profileId: facts.profileId,
    held: held !== null,
    masked: held ? maskToken(held.value) : null,
    mode: held?.mode ?? null,
    obtainedAt: held?.obtainedAt ?? null,
    expiresAt: held?.expiresAt ?? null,
    grantedSeconds: held?.grantedSeconds ?? null,
    valid: held !== null && held.expiresAt > now,
    refreshing: facts.refreshing,
    autoRefresh: autoRefreshState(facts),
    nextRefreshAt: schedule.nextRefreshAt,
    retry: schedule.retry,
    lastAttempt: facts.lastAttempt,
    quota: facts.quota,
    now
  }
}

function autoRefreshState(facts: TokenFacts): AutoRefreshState {
  if (facts.missingCredential) return 'no-secret'
  if (facts.schedule.stopped) return 'stopped'
  if (facts.held && facts.awaitsConfirmation) return 'needs-confirmation'
  return facts.schedule.nextRefreshAt !== null ? 'scheduled' : 'idle'
}
