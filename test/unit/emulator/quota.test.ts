import { describe, expect, it } from 'vitest'
import { AppQuotas, WindowedCounter, beijingDay, beijingMonth, minuteOf } from '../../../src/emulator/quota'

describe('quota windows', () => {
  it('turns the day at Beijing midnight (16:00 UTC)', () => {
    const beforeMidnight = Date.UTC(2026, 10, 22, 15, 59, 59, 999)
    const midnight = Date.UTC(2026, 10, 22, 16, 0, 0)
    expect(beijingDay(midnight)).toBe(beijingDay(beforeMidnight) + 1)
    expect(beijingDay(Date.UTC(2026, 10, 22, 0, 0))).toBe(beijingDay(beforeMidnight))
  })

  it('turns the month at Beijing midnight on the 1st', () => {
    const lastMoment = Date.UTC(2026, 10, 30, 15, 59, 59, 999)
    const december = Date.UTC(2026, 10, 30, 16, 0, 0)
    expect(beijingMonth(december)).toBe(beijingMonth(lastMoment) + 1)
    expect(beijingMonth(Date.UTC(2026, 11, 31, 16, 0))).toBe(beijingMonth(december) + 1)
  })

  it('counts minutes of wall-clock time', () => {
    expect(minuteOf(Date.UTC(2026, 0, 1, 0, 1, 0))).toBe(minuteOf(Date.UTC(2026, 0, 1, 0, 0, 59, 999)) + 1)
  })
})

describe('WindowedCounter', () => {
  it('takes up to the limit, then refuses until the window changes', () => {
    const counter = new WindowedCounter((now) => Math.floor(now / 100))
    expect([1, 2, 3, 4].map(() => counter.tryTake(10, 3))).toEqual([true, true, true, false])
    expect(counter.used(99)).toBe(3)
    expect(counter.used(100)).toBe(0)
    expect(counter.tryTake(100, 3)).toBe(true)
    expect(counter.used(150)).toBe(1)
  })

  it('can be reset inside a window', () => {
    const counter = new WindowedCounter(() => 0)
    counter.take(0)
    counter.take(0)
    counter.reset()
    expect(counter.hasRoom(0, 1)).toBe(true)
  })
})

describe('AppQuotas.clearDaily', () => {
  it('zeroes the daily counts but keeps the monthly clear count and the minute rate', () => {
    const quotas = new AppQuotas()
    const now = Date.UTC(2026, 10, 22, 2)
    for (const counter of [quotas.classicDay, quotas.stableDay, quotas.forceDay, quotas.stableMinute]) {
      counter.take(now)
    }
    quotas.clearQuotaMonth.take(now)
    quotas.clearDaily()
    expect([quotas.classicDay, quotas.stableDay, quotas.forceDay].map((c) => c.used(now))).toEqual([0, 0, 0])
    expect(quotas.stableMinute.used(now)).toBe(1)
    expect(quotas.clearQuotaMonth.used(now)).toBe(1)
  })
})
