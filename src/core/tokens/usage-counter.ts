import type { AppKind, TokenMode, TokenQuota } from '../../shared/contract'
import type { DeskStore, UsageRecord } from '../storage'
import { withoutKey } from '../../shared/records'
import { beijingDay } from './refresh-policy'

export const CLASSIC_DAILY_QUOTA = 2000
export const TEST_ACCOUNT_DAILY_QUOTA = 200
export const STABLE_DAILY_QUOTA = 500_000
export const FORCE_DAILY_LIMIT = 20
export const FORCE_SPACING_MS = 30_000

/** Upstream token calls per app per Beijing day, persisted so a restart does not reset the count. */
export class UsageCounter {
  constructor(
    private readonly store: DeskStore,
    private readonly now: () => number
  ) {}

  get(profileId: string): UsageRecord {
    const today = beijingDay(this.now())
    const record = this.store.read('usage')[profileId]
    if (!record || record.day !== today) {
      // lastForceAt survives midnight: the 30 s spacing is about time, not the calendar.
      return { day: today, calls: 0, forceCalls: 0, lastForceAt: record?.lastForceAt ?? null }
    }
    return record
  }

  count(profileId: string, force: boolean): void {
    const record = this.get(profileId)
    const next: UsageRecord = {
      ...record,
      calls: record.calls + 1,
      forceCalls: record.forceCalls + (force ? 1 : 0),
      lastForceAt: force ? this.now() : record.lastForceAt
    }
    this.store.write('usage', { ...this.store.read('usage'), [profileId]: next })
  }

  forget(profileId: string): void {
    this.store.write('usage', withoutKey(this.store.read('usage'), profileId))
  }

  quota(profileId: string, kind: AppKind, mode: TokenMode): TokenQuota {
    const record = this.get(profileId)
    const forceAvailableAt =
      record.lastForceAt !== null && record.lastForceAt + FORCE_SPACING_MS > this.now()
        ? record.lastForceAt + FORCE_SPACING_MS
        : null
    return {
      used: record.calls,
      limit:
        mode === 'stable'
          ? STABLE_DAILY_QUOTA
          : kind === 'test-account'
            ? TEST_ACCOUNT_DAILY_QUOTA
            : CLASSIC_DAILY_QUOTA,
      forceUsed: record.forceCalls,
      forceLimit: FORCE_DAILY_LIMIT,
      forceAvailableAt
    }
  }
}
