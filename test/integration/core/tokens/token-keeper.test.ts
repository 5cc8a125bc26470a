import { afterEach, describe, expect, it } from 'vitest'
import { MIN_TOKEN_AGE_MS } from '../../../../src/core/tokens'
import { EMULATOR_FAULTS } from '../../../../src/shared/contract'
import { failureOf } from '../../../support/desk-failure'
import { keeperWorld, SECRET, type KeeperWorld } from '../../../support/keeper-world'

const MIN = 60_000
const HOUR = 60 * MIN

let world: KeeperWorld | null = null
afterEach(async () => {
  await world?.close()
  world = null
})
const setup = async (...args: Parameters<typeof keeperWorld>): Promise<KeeperWorld> => {
  world = await keeperWorld(...args)
  return world
}
describe('token keeper against the emulator', () => {
  it('fetches once and then reuses the held token with no upstream call', async () => {
    const w = await setup()
    const first = await w.keeper.ensure(w.profileId)
    const second = await w.keeper.ensure(w.profileId)
    expect(second.value).toBe(first.value)
    expect(w.upstreamCalls()).toBe(1)
    expect(w.emulator.tokenState(first.value)).toBe('valid')
    expect(w.keeper.view(w.profileId).lastAttempt).toMatchObject({ ok: true, reused: true })
  })

  it('reuses a persisted token after a restart without calling WeChat', async () => {
    const w = await setup()
    const before = await w.keeper.ensure(w.profileId)
    await w.advance(30 * MIN)
    await w.restart()
    const after = await w.keeper.ensure(w.profileId)
    expect(after.value).toBe(before.value)
    expect(w.upstreamCalls()).toBe(1)
    expect(w.keeper.view(w.profileId).autoRefresh).toBe('scheduled')
  })

  it('does not reuse a persisted token that expired while the app was closed', async () => {
    const w = await setup()
    await w.keeper.ensure(w.profileId)
    w.keeper.stop()
    await w.clock.advance(3 * HOUR)
    await w.restart()
    expect(w.keeper.current(w.profileId)).toBeNull()
    await w.keeper.ensure(w.profileId)
    expect(w.upstreamCalls()).toBe(2)
  })

  it('refreshes a stable token on a timer inside its last 5 minutes, before it expires', async () => {
    const w = await setup({ mode: 'stable' })
    const first = await w.keeper.ensure(w.profileId)
    const view = w.keeper.view(w.profileId)
    expect(view.expiresAt! - view.nextRefreshAt!).toBeLessThanOrEqual(5 * MIN)
    await w.advance(view.nextRefreshAt! - w.clock.now())
    const second = w.keeper.current(w.profileId)!
    expect(second.value).not.toBe(first.value)
    expect(w.clock.now()).toBeLessThan(first.expiresAt)
    expect(w.emulator.tokenState(first.value)).toBe('valid') // the old one still works until its own expiry
    expect(w.upstreamCalls()).toBe(2)
  })

  it('refreshes a classic token 10 minutes ahead of expiry', async () => {
    const w = await setup({ mode: 'classic' })
    const first = await w.keeper.ensure(w.profileId)
    await w.advance(7200_000 - 9 * MIN)
    const second = w.keeper.current(w.profileId)!
    expect(second.value).not.toBe(first.value)
    expect(w.upstreamCalls()).toBe(2)
    expect(second.obtainedAt).toBeLessThanOrEqual(first.expiresAt - 10 * MIN)
  })

  it('shares one upstream call among 100 concurrent refreshes', async () => {
    const w = await setup({ mode: 'classic' })
    const results = await Promise.all(Array.from({ length: 100 }, () => w.keeper.refresh(w.profileId)))
    expect(new Set(results.map((t) => t.value)).size).toBe(1)
    expect(w.upstreamCalls()).toBe(1)
  })

  it('passive refresh with a stale token returns the current one without calling WeChat', async () => {
    const w = await setup({ mode: 'classic' })
    const old = await w.keeper.ensure(w.profileId)
    await w.advance(MIN_TOKEN_AGE_MS)
    const current = await w.keeper.refresh(w.profileId)
    const result = await w.keeper.passiveRefresh(w.profileId, old.value)
    expect(result).toMatchObject({ refreshed: false, token: { value: current.value } })
    expect(w.upstreamCalls()).toBe(2)
  })

  it('passive refresh with the current token refreshes once, for any number of callers', async () => {
    const w = await setup({ mode: 'classic' })
    const current = await w.keeper.ensure(w.profileId)
    await w.advance(MIN_TOKEN_AGE_MS)
    const results = await Promise.all(
      Array.from({ length: 50 }, () => w.keeper.passiveRefresh(w.profileId, current.value))
    )
    expect(new Set(results.map((r) => r.token.value)).size).toBe(1)
    expect(results[0]?.token.value).not.toBe(current.value)
    expect(results.every((r) => r.refreshed)).toBe(true)
    expect(w.upstreamCalls()).toBe(2)
  })

  it.each(EMULATOR_FAULTS.filter((f) => f !== 'quota' && f !== 'ip-whitelist'))(
    'keeps serving the valid token and backs off when a timed refresh meets "%s"',
    async (fault) => {
      const w = await setup({ mode: 'classic' }, { timeoutMs: 500 })
      const held = await w.keeper.ensure(w.profileId)
      const due = w.keeper.view(w.profileId).nextRefreshAt!
      w.emulator.injectFault(fault, 1)
      await w.advance(due - w.clock.now())
      const view = w.keeper.view(w.profileId)
      expect(view.lastAttempt).toMatchObject({ ok: false, trigger: 'timer' })
      expect(view.retry?.attempt).toBe(1)
      expect(view.retry!.nextAt).toBeGreaterThan(w.clock.now())
      expect(w.keeper.current(w.profileId)?.value).toBe(held.value)
      // the retry succeeds once the fault is gone
      await w.advance(view.retry!.nextAt - w.clock.now())
      expect(w.keeper.current(w.profileId)?.value).not.toBe(held.value)
      expect(w.keeper.view(w.profileId).retry).toBeNull()
    }
  )

  it('backs off with growing delays while failures continue, then stops after the last attempt', async () => {
    const w = await setup({ mode: 'classic' })
    const held = await w.keeper.ensure(w.profileId)
    w.emulator.injectFault('system-error', 20)
    await w.advance(w.keeper.view(w.profileId).nextRefreshAt! - w.clock.now())
    const delays: number[] = []
    for (let i = 0; i < 10; i++) {
      const retry = w.keeper.view(w.profileId).retry
      if (!retry) break
      delays.push(retry.nextAt - w.clock.now())
      await w.advance(retry.nextAt - w.clock.now())
    }
    expect(delays.length).toBe(8)
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!)
    expect(w.keeper.view(w.profileId).autoRefresh).toBe('stopped')
    expect(w.keeper.current(w.profileId)?.value).toBe(held.value)
  })

  it.each([
    ['quota', 45009],
    ['ip-whitelist', 40164]
  ] as const)(
    'stops retrying on %s (%i), says how to fix it, and tries again by itself a minute later',
    async (fault, errcode) => {
      const w = await setup({ mode: 'classic' })
      const held = await w.keeper.ensure(w.profileId)
      w.emulator.injectFault(fault, 1)
      await w.advance(w.keeper.view(w.profileId).nextRefreshAt! - w.clock.now())
      const view = w.keeper.view(w.profileId)
      expect(view.autoRefresh).toBe('stopped')
      expect(view.remembered).toMatchObject({ error: { errcode }, nextTryAt: w.clock.now() + 60_000 })
      expect(view.retry).toEqual({ attempt: 1, nextAt: w.clock.now() + 60_000 })
      expect(view.lastAttempt?.error).toMatchObject({ code: 'wechat', errcode })
      expect(view.lastAttempt?.error?.fix?.en.length).toBeGreaterThan(10)
      if (fault === 'ip-whitelist') expect(view.lastAttempt?.error?.fix?.en).toContain('127.0.0.1')
      expect(w.keeper.current(w.profileId)?.value).toBe(held.value)
    }
  )

  it('explains a wrong AppSecret (40125) and does not retry', async () => {
    const w = await setup({ secret: 'ffffffffffffffffffffffffffffffff' })
    const error = await failureOf(w.keeper.ensure(w.profileId))
    expect(error).toMatchObject({ code: 'wechat', errcode: 40125, retryable: false })
    expect(error.fix?.en.toLowerCase()).toContain('secret')
    expect(w.keeper.view(w.profileId).autoRefresh).toBe('stopped')
  })

  it('re-checks on wake from sleep and refreshes what came due', async () => {
    const w = await setup({ mode: 'stable' })
    const first = await w.keeper.ensure(w.profileId)
    // The machine sleeps past the refresh time: no timer fires until it wakes.
    w.clock.sleep(first.expiresAt - 2 * MIN - w.clock.now())
    w.power.wake()
    await w.keeper.whenIdle()
    expect(w.keeper.current(w.profileId)?.value).not.toBe(first.value)
    expect(w.keeper.view(w.profileId).lastAttempt).toMatchObject({ ok: true, trigger: 'wake' })
    expect(w.upstreamCalls()).toBe(2)
  })

  it('guards force refresh: 30 s spacing and 20 a day', async () => {
    const w = await setup({ mode: 'stable' })
    await w.keeper.ensure(w.profileId)
    await w.keeper.forceRefresh(w.profileId)
    expect((await failureOf(w.keeper.forceRefresh(w.profileId))).message.en).toContain('30 s')
    for (let i = 1; i < 20; i++) {
      await w.advance(31_000)
      await w.keeper.forceRefresh(w.profileId)
    }
    await w.advance(31_000)
    const error = await failureOf(w.keeper.forceRefresh(w.profileId))
    expect(error.message.en).toContain('20 force refreshes')
    expect(w.emulator.stats('wx1234567890abcdef').force).toBe(20)
    expect(w.keeper.view(w.profileId).quota).toMatchObject({ forceUsed: 20, forceLimit: 20 })
  })

  it('needs confirmation for classic fetches and force refreshes on prod apps, and never refreshes them unasked', async () => {
    const w = await setup({ mode: 'classic', env: 'prod' })
    expect((await failureOf(w.keeper.ensure(w.profileId))).code).toBe('confirmation-required')
    expect(w.upstreamCalls()).toBe(0)
    const held = await w.keeper.ensure(w.profileId, { confirmed: true })
    expect(w.keeper.view(w.profileId).autoRefresh).toBe('needs-confirmation')
    await w.advance(7200_000 - 9 * MIN)
    expect(w.upstreamCalls()).toBe(1)
    expect(w.keeper.current(w.profileId)?.value).toBe(held.value)
  })

  it('refreshes prod classic tokens on its timer when unattended (headless serve)', async () => {
    const w = await setup({ mode: 'classic', env: 'prod' }, { unattended: true })
    const held = await w.keeper.ensure(w.profileId, { confirmed: true })
    expect(w.keeper.view(w.profileId).autoRefresh).toBe('scheduled')
    await w.advance(7200_000 - 9 * MIN)
    expect(w.upstreamCalls()).toBe(2)
    expect(w.keeper.current(w.profileId)?.value).not.toBe(held.value)
  })

  it('counts upstream calls per day against the quota', async () => {
    const w = await setup({ mode: 'classic', kind: 'test-account' }, { accountType: 'test' })
    await w.keeper.refresh(w.profileId)
    await w.advance(MIN_TOKEN_AGE_MS)
    await w.keeper.refresh(w.profileId)
    expect(w.keeper.view(w.profileId).quota).toMatchObject({ used: 2, limit: 200 })
  })

  it('logs every upstream call without the secret or the token', async () => {
    const w = await setup({ mode: 'classic' })
    const held = await w.keeper.ensure(w.profileId)
    await w.keeper.probe(w.profileId)
    const log = JSON.stringify(w.callLog.list())
    expect(w.callLog.list().map((e) => e.endpoint)).toEqual(['/cgi-bin/getcallbackip', '/cgi-bin/token'])
    expect(log).not.toContain(SECRET)
    expect(log).not.toContain(held.value)
  })

  it('makes a bounded number of upstream calls over 24 simulated hours', async () => {
    for (const mode of ['stable', 'classic'] as const) {
      const w = await setup({ mode })
      await w.keeper.ensure(w.profileId)
      await w.advance(24 * HOUR)
      // stable: one call per ~6960 s; classic: one per ~6570 s (7200 s life minus the margin)
      expect(w.upstreamCalls()).toBe(mode === 'stable' ? 13 : 14)
      expect(w.keeper.current(w.profileId)).not.toBeNull()
      await w.close()
      world = null
    }
  })
})
