import { DeskFailure, text, type DeskError } from '../../shared/result'
import type { AppCredentials } from '../profiles'
import type { Clock } from '../time/clock'
import { FORCE_DAILY_LIMIT, FORCE_SPACING_MS, type UsageCounter } from './usage-counter'

/** What a person asks of a token: each has its own risk on a production app. */
export type TokenAction = 'fetch' | 'refresh' | 'force'

type Named = Pick<AppCredentials, 'env' | 'mode' | 'name'>

/** Prod apps: classic fetches invalidate the production token; force refreshes always do. */
export function requiresConfirmation(
  creds: Pick<AppCredentials, 'env' | 'mode'>,
  action: TokenAction
): boolean {
  if (creds.env !== 'prod') return false
  return action === 'force' || creds.mode === 'classic'
}

/** Probing, revealing, copying and exporting need a token that is still alive. */
export function noValidToken(): DeskFailure {
  return new DeskFailure({
    code: 'not-found',
    message: text(
      'No valid token is held for this app. Fetch one first.',
      '此应用当前没有有效令牌，请先获取。'
    )
  })
}

/** An answer for credentials that were replaced while it was on its way is not kept. */
export function appChangedWhileFetching(): DeskFailure {
  return new DeskFailure({
    code: 'guard',
    message: text('The app changed while its token was being fetched.', '获取令牌期间应用配置已变更。')
  })
}

/** A person stopped waiting for a call that hung: nothing was obtained, the held token (if any) stays. */
export function cancelledByUser(afterMs: number): DeskError {
  const seconds = Math.max(0, Math.round(afterMs / 100) / 10)
  return {
    code: 'network',
    message: text(
      `Cancelled: the desk stopped waiting for an answer after ${seconds} s. Nothing changed.`,
      `已取消：等待 ${seconds} 秒后不再等待应答，没有任何变更。`
    ),
    retryable: true
  }
}

export interface TokenGuardsDeps {
  usage: UsageCounter
  clock: Clock
  /**
   * No person is there to confirm (headless serve): configuring a prod classic app for the server is
   * the confirmation, so its timer refreshes it like any other.
   */
  unattended: boolean
}

/** What a person must confirm, and how often WeChat lets a token be forced: checked before any upstream call. */
export class TokenGuards {
  constructor(private readonly deps: TokenGuardsDeps) {}

  /** Whether the timer may refresh this app with nobody there (not prod + classic, unless unattended). */
  refreshesUnasked(creds: Pick<AppCredentials, 'env' | 'mode'>): boolean {
    return this.deps.unattended || !requiresConfirmation(creds, 'refresh')
  }

  /** Throws `confirmation-required` when the action needs a person's yes and has not had it. */
  confirm(creds: Named, action: TokenAction, confirmed: boolean): void {
    if (confirmed || !requiresConfirmation(creds, action)) return
    throw new DeskFailure({
      code: 'confirmation-required',
      message:
        action === 'force'
          ? text(
              `"${creds.name}" is a production app. A force refresh invalidates the token every production service is using, and counts against the 20 a day.`,
              `“${creds.name}”是生产环境应用。强制刷新会使所有生产服务正在使用的令牌失效，并计入每日 20 次限额。`
            )
          : text(
              `"${creds.name}" is a production app in classic mode. Fetching mints a new token, and the one your production servers use dies within 5 minutes.`,
              `“${creds.name}”是普通（classic）模式的生产环境应用。获取会生成新令牌，生产服务器正在使用的令牌将在 5 分钟内失效。`
            )
    })
  }

  /** Throws unless a force refresh is allowed now: at least 30 s after the last, at most 20 a day. */
  forceAllowed(profileId: string): void {
    const now = this.deps.clock.now()
    const record = this.deps.usage.get(profileId)
    if (record.lastForceAt !== null && now - record.lastForceAt < FORCE_SPACING_MS) {
      const wait = Math.ceil((record.lastForceAt + FORCE_SPACING_MS - now) / 1000)
      throw new DeskFailure({
        code: 'guard',
        message: text(
          `Force refreshes must be at least 30 s apart; WeChat ignores the next one for another ${wait} s.`,
          `两次强制刷新须间隔至少 30 秒；还需等待 ${wait} 秒。`
        ),
        retryable: true
      })
    }
    if (record.forceCalls >= FORCE_DAILY_LIMIT) {
      throw new DeskFailure({
        code: 'guard',
        message: text(
          `All ${FORCE_DAILY_LIMIT} force refreshes for today are used (WeChat would answer 45009). Normal refreshes still work; the count resets at 00:00 Beijing time.`,
          `今日 ${FORCE_DAILY_LIMIT} 次强制刷新已用完（微信会返回 45009）。普通刷新仍可使用；次数在北京时间 0 点重置。`
        )
      })
    }
  }
}
