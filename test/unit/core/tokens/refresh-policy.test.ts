import { describe, expect, it } from 'vitest'
import { beijingDay, nextRefreshAt, retryDelay, RETRY_MAX_ATTEMPTS } from '../../../../src/core/tokens'

const T0 = Date.UTC(2026, 10, 22, 2, 0, 0)
const s = (n: number) => n * 1000

describe('refresh timing', () => {
  it('refreshes classic tokens 10–11 minutes before expiry', () => {
    const exp = T0 + s(7200)
    expect(nextRefreshAt('classic', T0, exp, T0, () => 0)).toBe(exp - s(600))
    expect(nextRefreshAt('classic', T0, exp, T0, () => 1)).toBe(exp - s(660))
  })

  it('refreshes stable tokens inside the last 5 minutes, where WeChat rotates them', () => {
    const exp = T0 + s(7200)
    for (const r of [0, 0.5, 1]) {
      const at = nextRefreshAt('stable', T0, exp, T0, () => r)
      expect(exp - at).toBeLessThanOrEqual(s(300))
      expect(exp - at).toBeGreaterThanOrEqual(s(210))
    }
  })

  it('never schedules in the past when expires_in is only 300 s', () => {
    const exp = T0 + s(300)
    const at = nextRefreshAt('stable', T0, exp, T0, () => 0)
    expect(at).toBeGreaterThan(T0)
    expect(at).toBeLessThan(exp)
  })

  it('waits at least 5 s even for a token that is about to expire', () => {
    expect(nextRefreshAt('classic', T0, T0 + s(30), T0, () => 0)).toBe(T0 + s(5))
  })
})

describe('retry backoff', () => {
  it('grows exponentially with jitter and is bounded', () => {
    expect(retryDelay(1, () => 0)).toBe(1000)
    expect(retryDelay(1, () => 1)).toBe(2000)
    expect(retryDelay(3, () => 0)).toBe(4000)
    expect(retryDelay(RETRY_MAX_ATTEMPTS, () => 1)).toBe(60_000)
    expect(retryDelay(RETRY_MAX_ATTEMPTS + 1, () => 0.5)).toBeNull()
  })
})

describe('quota day', () => {
  it('rolls over at midnight Beijing time (16:00 UTC)', () => {
    expect(beijingDay(Date.UTC(2026, 10, 22, 15, 59, 59))).toBe('2026-11-22')
    expect(beijingDay(Date.UTC(2026, 10, 22, 16, 0, 0))).toBe('2026-11-23')
  })
})
