import { describe, expect, it } from 'vitest'
import {
  call,
  classicFor,
  HOUR,
  MINUTE,
  NORMAL_APP,
  tokenOf,
  useEmulator
} from '../../support/emulator-client'

/** GET /cgi-bin/ticket/getticket (wechat-api.md §5.1). */
describe('emulator getticket', () => {
  const ctx = useEmulator()
  const ticket = (token: string, type = 'jsapi') =>
    call(ctx.emulator, `/cgi-bin/ticket/getticket?access_token=${encodeURIComponent(token)}&type=${type}`)

  it('hands out the same ticket while it is valid, always saying expires_in 7200', async () => {
    const token = tokenOf(await classicFor(ctx.emulator, NORMAL_APP))
    const first = await ticket(token)
    expect(first.json).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 })
    expect(first.json['ticket']).toMatch(/^[A-Za-z0-9_-]{86}$/)
    ctx.clock.advance(HOUR)
    const again = await ticket(token)
    expect(again.json).toMatchObject({ ticket: first.json['ticket'], expires_in: 7200 })
    const card = await ticket(token, 'wx_card')
    expect(card.json['ticket']).not.toBe(first.json['ticket'])
    expect(ctx.emulator.ticketCalls(NORMAL_APP.appid)).toBe(3)
  })

  it('hands out a new ticket once the old one has expired', async () => {
    const token = tokenOf(await classicFor(ctx.emulator, NORMAL_APP))
    const first = await ticket(token)
    ctx.clock.advance(HOUR + 59 * MINUTE)
    const fresh = tokenOf(await classicFor(ctx.emulator, NORMAL_APP))
    ctx.clock.advance(2 * MINUTE)
    const next = await ticket(fresh)
    expect(next.json['ticket']).not.toBe(first.json['ticket'])
  })

  it('answers token errors like every ?access_token= API, and 40097 for an unknown type', async () => {
    const token = tokenOf(await classicFor(ctx.emulator, NORMAL_APP))
    expect((await call(ctx.emulator, '/cgi-bin/ticket/getticket?type=jsapi')).json['errcode']).toBe(41001)
    expect((await ticket('garbage')).json['errcode']).toBe(40014)
    expect((await ticket(token, 'card')).json['errcode']).toBe(40097)
    const post = await call(ctx.emulator, `/cgi-bin/ticket/getticket?access_token=${token}&type=jsapi`, {
      method: 'POST'
    })
    expect(post.json['errcode']).toBe(43001)
  })
})
