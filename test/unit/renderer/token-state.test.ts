import { describe, expect, it } from 'vitest'
import {
  attemptLine,
  autoRefreshLine,
  retryAction,
  retryLine
} from '../../../src/renderer/src/features/token/token-state'
import type { TokenAttempt } from '../../../src/shared/contract'
import type { DeskError } from '../../../src/shared/result'
import { say, tokenView } from './fake-desk'

const NOW = Date.UTC(2026, 10, 22, 6, 0, 0)
const quota45009: DeskError = {
  code: 'wechat',
  message: say('Daily quota used up'),
  errcode: 45009,
  retryable: false
}
const html502: DeskError = {
  code: 'bad-response',
  message: say('HTTP 502'),
  httpStatus: 502,
  retryable: true
}
const busy: DeskError = { code: 'wechat', message: say('System busy'), errcode: -1, retryable: true }

const failed = (trigger: TokenAttempt['trigger'], error: DeskError, extra: Partial<TokenAttempt> = {}) => ({
  at: NOW,
  ok: false,
  trigger,
  reused: false,
  error,
  ...extra
})

describe('what the token panel says', () => {
  it('derives “cannot be fixed by retrying” from the latest error, not from an earlier 45009', () => {
    const stopped = { autoRefresh: 'stopped' as const, now: NOW }
    expect(autoRefreshLine(tokenView({ ...stopped, lastAttempt: failed('timer', quota45009) }))).toEqual({
      kind: 'stopped',
      cause: 'unfixable',
      nextTryAt: null
    })
    // A 45009 stopped the schedule; the latest attempt hit a retryable 502.
    expect(autoRefreshLine(tokenView({ ...stopped, lastAttempt: failed('refresh', html502) }))).toMatchObject(
      {
        kind: 'stopped',
        cause: 'earlier'
      }
    )
  })

  it('says when a stopped schedule tries again by itself: its retry, or the end of the remembered pause', () => {
    const remembered = { error: quota45009, since: NOW - 60_000, nextTryAt: NOW + 120_000 }
    const view = tokenView({
      now: NOW,
      autoRefresh: 'stopped',
      retry: { attempt: 2, nextAt: NOW + 120_000 },
      remembered,
      lastAttempt: failed('fetch', quota45009, { fromMemory: true, reused: true })
    })
    expect(autoRefreshLine(view)).toEqual({ kind: 'stopped', cause: 'unfixable', nextTryAt: NOW + 120_000 })
    expect(autoRefreshLine(tokenView({ ...view, retry: null }))).toMatchObject({ nextTryAt: NOW + 120_000 })
  })

  it('offers Retry after a manual fetch hit -1, and says the desk retries only its own timed refreshes', () => {
    const view = tokenView({ autoRefresh: 'idle', retry: null, lastAttempt: failed('fetch', busy) })
    expect(retryLine(view)).toEqual({ kind: 'manual' })
    expect(retryAction(view)).toEqual({ command: 'fetch', retryNow: false })
    const timed = tokenView({ retry: { attempt: 1, nextAt: NOW + 5000 }, lastAttempt: failed('timer', busy) })
    expect(retryLine(timed)).toEqual({ kind: 'scheduled', attempt: 1, at: NOW + 5000 })
    expect(retryAction(timed)).toEqual({ command: 'refresh', retryNow: false })
  })

  it('offers “Retry now” for an error answered from memory, and nothing for one retrying cannot fix', () => {
    const remembered = { error: quota45009, since: NOW, nextTryAt: NOW + 60_000 }
    expect(
      retryAction(tokenView({ now: NOW, remembered, lastAttempt: failed('fetch', quota45009) }))
    ).toEqual({
      command: 'refresh',
      retryNow: true
    })
    // Released by a "Retry now" (its pause over), it holds nothing back: a later retryable error gets Retry.
    const released = { ...remembered, nextTryAt: 0 }
    expect(
      retryAction(tokenView({ now: NOW, remembered: released, lastAttempt: failed('refresh', html502) }))
    ).toEqual({
      command: 'refresh',
      retryNow: false
    })
    expect(retryAction(tokenView({ lastAttempt: failed('fetch', quota45009) }))).toBeNull()
    expect(retryLine(tokenView({ lastAttempt: failed('fetch', quota45009) }))).toEqual({ kind: 'none' })
  })

  it('explains a refresh the governor coalesced with the token’s age', () => {
    const view = tokenView({ obtainedAt: NOW - 12_000, now: NOW })
    const attempt: TokenAttempt = { at: NOW, ok: true, trigger: 'refresh', reused: true, coalesced: true }
    expect(attemptLine(attempt, view)).toEqual({ kind: 'coalesced', ageSeconds: 12 })
    expect(attemptLine({ at: NOW, ok: true, trigger: 'fetch', reused: true }, view)).toEqual({
      kind: 'reused'
    })
    expect(attemptLine(failed('fetch', quota45009, { fromMemory: true }), view)).toEqual({
      kind: 'from-memory',
      error: quota45009
    })
    expect(attemptLine(failed('fetch', busy, { cancelled: true }), view)).toEqual({ kind: 'cancelled' })
  })
})
