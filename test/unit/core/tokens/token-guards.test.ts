import { describe, expect, it } from 'vitest'
import { memoryStoreFactory } from '../../../../src/core/storage/memory-store'
import { openDeskStore } from '../../../../src/core/storage'
import { ManualClock } from '../../../../src/core/time/clock'
import { requiresConfirmation, UsageCounter, FORCE_DAILY_LIMIT } from '../../../../src/core/tokens'
import { TokenGuards } from '../../../../src/core/tokens/token-guards'
import { failureOf } from '../../../support/desk-failure'

function guardsWorld(unattended = false) {
  const clock = new ManualClock()
  const store = openDeskStore(memoryStoreFactory, ':memory:').store
  const usage = new UsageCounter(store, () => clock.now())
  return { clock, usage, guards: new TokenGuards({ usage, clock, unattended }) }
}

const prodClassic = { env: 'prod', mode: 'classic', name: 'Shop' } as const

describe('token guards', () => {
  it('asks for confirmation only where a production token would die', () => {
    expect(requiresConfirmation({ env: 'prod', mode: 'classic' }, 'fetch')).toBe(true)
    expect(requiresConfirmation({ env: 'prod', mode: 'classic' }, 'refresh')).toBe(true)
    expect(requiresConfirmation({ env: 'prod', mode: 'stable' }, 'refresh')).toBe(false)
    expect(requiresConfirmation({ env: 'prod', mode: 'stable' }, 'force')).toBe(true)
    expect(requiresConfirmation({ env: 'dev', mode: 'classic' }, 'force')).toBe(false)
  })

  it('names the app and the risk when it needs a yes, and lets a confirmed action through', async () => {
    const { guards } = guardsWorld()
    const fetch = await failureOf(() => guards.confirm(prodClassic, 'fetch', false))
    expect(fetch.code).toBe('confirmation-required')
    expect(fetch.message.en).toContain('"Shop"')
    expect(fetch.message.en).toContain('5 minutes')
    const force = await failureOf(() => guards.confirm({ ...prodClassic, mode: 'stable' }, 'force', false))
    expect(force.message['zh-CN']).toContain('20 次')
    expect(() => guards.confirm(prodClassic, 'fetch', true)).not.toThrow()
  })

  it('lets the timer refresh prod classic apps only when unattended', () => {
    expect(guardsWorld().guards.refreshesUnasked(prodClassic)).toBe(false)
    expect(guardsWorld(true).guards.refreshesUnasked(prodClassic)).toBe(true)
    expect(guardsWorld().guards.refreshesUnasked({ env: 'prod', mode: 'stable' })).toBe(true)
  })

  it('spaces force refreshes 30 s apart and says how long to wait', async () => {
    const { clock, usage, guards } = guardsWorld()
    usage.count('app', true)
    await clock.advance(12_000)
    const error = await failureOf(() => guards.forceAllowed('app'))
    expect(error).toMatchObject({ code: 'guard', retryable: true })
    expect(error.message.en).toContain('another 18 s')
    await clock.advance(18_000)
    expect(() => guards.forceAllowed('app')).not.toThrow()
  })

  it('allows 20 force refreshes a day', async () => {
    const { clock, usage, guards } = guardsWorld()
    for (let i = 0; i < FORCE_DAILY_LIMIT; i++) {
      expect(() => guards.forceAllowed('app')).not.toThrow()
      usage.count('app', true)
      await clock.advance(31_000)
    }
    const error = await failureOf(() => guards.forceAllowed('app'))
    expect(error.message.en).toContain('20 force refreshes')
    expect(error.retryable).toBeUndefined()
  })
})
