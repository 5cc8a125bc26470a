// Per-account call counters. Days and months are Beijing's (UTC+8, WeChat resets quotas at Beijing midnight);
// the per-minute window is plain wall-clock minutes.

/** Maps an instant (epoch ms) to the number of the window it falls in. */
export type WindowOf = (now: number) => number

const BEIJING_OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000

export const beijingDay: WindowOf = (now) => Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS)

export const beijingMonth: WindowOf = (now) => {
  const beijing = new Date(now + BEIJING_OFFSET_MS)
  return beijing.getUTCFullYear() * 12 + beijing.getUTCMonth()
}

export const minuteOf: WindowOf = (now) => Math.floor(now / 60_000)

export const LIMITS = {
  classicPerDay: { normal: 2000, test: 200 },
  stablePerMinute: 10_000,
  stablePerDay: 500_000,
  forcePerDay: 20,
  clearQuotaPerMonth: 10
} as const

/** A count that starts again at zero whenever the window changes. */
export class WindowedCounter {
  private window = Number.NaN
  private count = 0

  constructor(private readonly windowOf: WindowOf) {}

  used(now: number): number {
    return this.windowOf(now) === this.window ? this.count : 0
  }

  hasRoom(now: number, limit: number): boolean {
    return this.used(now) < limit
  }

  take(now: number): void {
    const window = this.windowOf(now)
    if (window !== this.window) {
      this.window = window
      this.count = 0
    }
    this.count++
  }

  /** Counts one use unless `limit` uses were already counted in this window. */
  tryTake(now: number, limit: number): boolean {
    if (!this.hasRoom(now, limit)) return false
    this.take(now)
    return true
  }

  reset(): void {
    this.count = 0
  }
}

export class AppQuotas {
  readonly classicDay = new WindowedCounter(beijingDay)
  readonly stableMinute = new WindowedCounter(minuteOf)
  readonly stableDay = new WindowedCounter(beijingDay)
  readonly forceDay = new WindowedCounter(beijingDay)
  readonly clearQuotaMonth = new WindowedCounter(beijingMonth)
  /** The daily count of every other API with a daily cap, by cgi path. */
  private readonly apiDay = new Map<string, WindowedCounter>()

  apiCounter(path: string): WindowedCounter {
    let counter = this.apiDay.get(path)
    if (!counter) {
      counter = new WindowedCounter(beijingDay)
      this.apiDay.set(path, counter)
    }
    return counter
  }

  /** What clear_quota does: every daily count back to zero. The monthly clear count and the minute rate stay. */
  clearDaily(): void {
    this.classicDay.reset()
    this.stableDay.reset()
    this.forceDay.reset()
    for (const counter of this.apiDay.values()) counter.reset()
  }
}
