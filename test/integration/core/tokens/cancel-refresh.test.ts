import { afterEach, describe, expect, it } from 'vitest'
import { failureOf } from '../../../support/desk-failure'
import { keeperWorld, type KeeperWorld } from '../../../support/keeper-world'

// "Cancel" while WeChat hangs: the person's abort reaches the undici request, nothing is obtained or
// remembered, and the token held before stays.

let world: KeeperWorld | null = null
afterEach(async () => {
  await world?.close()
  world = null
})

/** Resolves once the emulator holds the keeper's request (it served the queued hang). */
async function untilHanging(w: KeeperWorld): Promise<void> {
  while (w.emulator.pendingFaults().length > 0) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(w.keeper.view(w.profileId).refreshing).toBe(true)
}

describe('cancelling a hung token call', () => {
  it('abandons the request, records a cancelled attempt and lets the next fetch start afresh', async () => {
    // A long client timeout: only the cancel can end this call.
    const w = (world = await keeperWorld({}, { timeoutMs: 60_000 }))
    w.emulator.injectFault('hang')
    const pending = failureOf(w.keeper.ensure(w.profileId))
    await untilHanging(w)

    expect(await w.keeper.cancel(w.profileId)).toBe(true)
    const error = await pending
    expect(error.message.en).toMatch(/^Cancelled: the desk stopped waiting/)
    expect(error.retryable).toBe(true)

    const view = w.keeper.view(w.profileId)
    expect(view.refreshing).toBe(false)
    expect(view.held).toBe(false)
    expect(view.remembered).toBeNull()
    expect(view.lastAttempt).toMatchObject({ ok: false, trigger: 'fetch', cancelled: true })
    const logged = w.callLog.list()[0]
    expect(logged).toMatchObject({ endpoint: '/cgi-bin/stable_token', outcome: 'error', httpStatus: null })
    expect(logged?.detail).toContain('cancelled')

    // Nothing is remembered: the next fetch calls WeChat and gets a token.
    const held = await w.keeper.ensure(w.profileId)
    expect(w.emulator.tokenState(held.value)).toBe('valid')
  })

  it('keeps the held token when a refresh is cancelled', async () => {
    const w = (world = await keeperWorld({ mode: 'classic' }, { timeoutMs: 60_000 }))
    const before = await w.keeper.ensure(w.profileId)
    await w.advance(60_000) // older than the governor's 30 s, so Refresh calls WeChat
    w.emulator.injectFault('hang')
    const pending = failureOf(w.keeper.refresh(w.profileId))
    await untilHanging(w)
    await w.keeper.cancel(w.profileId)
    expect((await pending).code).toBe('network')
    expect(w.keeper.current(w.profileId)?.value).toBe(before.value)
  })

  it('has nothing to cancel when no call is in flight', async () => {
    const w = (world = await keeperWorld())
    expect(await w.keeper.cancel(w.profileId)).toBe(false)
  })
})
