import { afterEach, describe, expect, it } from 'vitest'
import {
  encryptedTicketStore,
  TicketKeeper,
  TICKET_REFRESH_MARGIN_MS
} from '../../../../src/core/tokens/tickets'
import { APPID, keeperWorld, type KeeperWorld } from '../../../support/keeper-world'

/** The JS-SDK tickets, shared like the token: one per app and type, against the emulator over real HTTP. */

let w: KeeperWorld
let tickets: TicketKeeper

function ticketKeeper(): TicketKeeper {
  const keeper = new TicketKeeper({
    tokens: w.keeper,
    client: w.client,
    credentials: (id) => w.profiles.credentials(id),
    store: encryptedTicketStore(w.store, w.cipher),
    clock: w.clock,
    callLog: w.callLog
  })
  keeper.start([w.profileId])
  return keeper
}

afterEach(async () => {
  await tickets.whenIdle()
  tickets.stop()
  await w.close()
})

describe('the ticket keeper', () => {
  it('fetches one ticket for any number of concurrent callers, then serves it from memory', async () => {
    w = await keeperWorld()
    tickets = ticketKeeper()
    const all = await Promise.all(Array.from({ length: 20 }, () => tickets.get(w.profileId, 'jsapi')))
    expect(new Set(all.map((t) => t.value)).size).toBe(1)
    await tickets.get(w.profileId, 'jsapi')
    expect(w.emulator.ticketCalls(APPID)).toBe(1)
    expect((await tickets.get(w.profileId, 'wx_card')).value).not.toBe(all[0]?.value)
  })

  it('keeps the ticket encrypted across a restart and serves it with no upstream call', async () => {
    w = await keeperWorld()
    tickets = ticketKeeper()
    const held = await tickets.get(w.profileId, 'jsapi')
    expect(JSON.stringify(w.store.read('tickets'))).not.toContain(held.value)
    tickets.stop()
    await w.restart()
    tickets = ticketKeeper()
    expect(tickets.current(w.profileId, 'jsapi')?.value).toBe(held.value)
    expect(w.emulator.ticketCalls(APPID)).toBe(1)
  })

  it('refreshes ahead of expiry, never stretching the life of a ticket WeChat hands out again', async () => {
    w = await keeperWorld({ mode: 'classic' })
    tickets = ticketKeeper()
    const held = await tickets.get(w.profileId, 'jsapi')
    await w.advance(held.expiresAt - TICKET_REFRESH_MARGIN_MS - w.clock.now() + 1_000)
    await tickets.whenIdle()
    expect(w.emulator.ticketCalls(APPID)).toBe(2)
    // The emulator says 7200 again for the same ticket: the desk keeps the expiry it knew.
    expect(tickets.current(w.profileId, 'jsapi')).toMatchObject({
      value: held.value,
      expiresAt: held.expiresAt
    })
    await w.advance(TICKET_REFRESH_MARGIN_MS)
    await tickets.whenIdle()
    const next = await tickets.get(w.profileId, 'jsapi')
    expect(next.value).not.toBe(held.value)
  })

  it('remembers the tickets it replaced, so a signature made with one is recognised', async () => {
    w = await keeperWorld({ mode: 'classic' })
    tickets = ticketKeeper()
    const held = await tickets.get(w.profileId, 'jsapi')
    expect(tickets.history(w.profileId, 'jsapi')).toEqual([])
    await w.advance(held.expiresAt - TICKET_REFRESH_MARGIN_MS - w.clock.now() + 1_000)
    await tickets.whenIdle()
    // WeChat handed the same ticket out again: nothing was replaced.
    expect(tickets.history(w.profileId, 'jsapi')).toEqual([])
    await w.advance(TICKET_REFRESH_MARGIN_MS)
    await tickets.whenIdle()
    const next = await tickets.get(w.profileId, 'jsapi')
    expect(next.value).not.toBe(held.value)
    expect(tickets.history(w.profileId, 'jsapi')).toEqual([held.value])
    expect(tickets.history(w.profileId, 'wx_card')).toEqual([])
  })

  it('gets a working token first when WeChat rejects the one it used', async () => {
    w = await keeperWorld({ mode: 'classic' })
    tickets = ticketKeeper()
    const token = await w.keeper.ensure(w.profileId)
    for (let i = 0; i < 2; i++) {
      await fetch(
        `${w.emulator.url}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${w.profiles.credentials(w.profileId).secret}`
      )
    }
    const ticket = await tickets.get(w.profileId, 'jsapi')
    expect(ticket.value).toMatch(/^[A-Za-z0-9_-]{86}$/)
    expect(w.keeper.current(w.profileId)?.value).not.toBe(token.value)
    expect(w.emulator.ticketCalls(APPID)).toBe(2)
  })

  it('answers a passive refresh from memory unless the stale ticket is the held one', async () => {
    w = await keeperWorld()
    tickets = ticketKeeper()
    const held = await tickets.get(w.profileId, 'jsapi')
    expect(await tickets.passiveRefresh(w.profileId, 'jsapi', 'another')).toEqual({
      ticket: held,
      refreshed: true
    })
    expect(w.emulator.ticketCalls(APPID)).toBe(1)
    // The held one, asked again within 30 s: no upstream call; later: WeChat is asked (it says the same).
    expect((await tickets.passiveRefresh(w.profileId, 'jsapi', held.value)).refreshed).toBe(false)
    expect(w.emulator.ticketCalls(APPID)).toBe(1)
    await w.advance(31_000)
    await tickets.passiveRefresh(w.profileId, 'jsapi', held.value)
    expect(w.emulator.ticketCalls(APPID)).toBe(2)
  })
})
