import type {
  AutoRefreshState,
  TokenAttempt,
  TokenQuota,
  TokenStomping,
  TokenView
} from '../../shared/contract'
import { text } from '../../shared/result'
import type { RememberedError, StompingReport } from './refresh-governor'
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
  rejected: boolean
  remembered: RememberedError | null
  stomping: StompingReport | null
  appId: string
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
    rejected: facts.rejected,
    remembered: facts.remembered
      ? {
          error: facts.remembered.error,
          since: facts.remembered.since,
          nextTryAt: facts.remembered.nextTryAt
        }
      : null,
    stomping: facts.stomping ? stompingView(facts.appId, facts.stomping) : null,
    quota: facts.quota,
    now
  }
}

/** The stomping report as everyone shows it: the UI, GET /v1/apps and headless serve's log. */
export function stompingView(appId: string, report: StompingReport): TokenStomping {
  const lived = Math.max(0, Math.round(report.lifetimeMs / 1000))
  return {
    countToday: report.countToday,
    lastAt: report.lastAt,
    lifetimeSeconds: lived,
    message: text(
      `Another system is fetching access_tokens for ${appId}: the desk's token died ${lived} s after issue ` +
        `(${report.countToday} time${report.countToday === 1 ? '' : 's'} today). Find it and point it at the desk ` +
        '(its API host setting), or move it to stable_token, which does not invalidate other tokens.',
      `另有系统正在为 ${appId} 获取 access_token：本工具的令牌在签发 ${lived} 秒后失效（今天第 ${report.countToday} 次）。` +
        '请找到它，把它的 API 地址指向本工具，或改用不会使其他令牌失效的 stable_token。'
    )
  }
}

function autoRefreshState(facts: TokenFacts): AutoRefreshState {
  if (facts.missingCredential) return 'no-secret'
  if (facts.schedule.stopped) return 'stopped'
  if (facts.held && facts.awaitsConfirmation) return 'needs-confirmation'
  return facts.schedule.nextRefreshAt !== null ? 'scheduled' : 'idle'
}
