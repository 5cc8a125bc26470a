import { describe, expect, it } from 'vitest'
import {
  HOUR,
  MINUTE,
  NORMAL_APP,
  SECOND,
  call,
  postJson,
  probe,
  stableFor,
  tokenOf,
  useEmulator
} from '../../support/emulator-client'

describe('POST /cgi-bin/stable_token, normal mode', () => {
  const ctx = useEmulator()

  it('returns the same token with its decreasing remaining lifetime', async () => {
    const { emulator, clock } = ctx
    const first = await stableFor(emulator, NORMAL_APP)
    expect(first.status).toBe(200)
    expect(first.contentType).toBe('application/json; encoding=utf-8')
    expect(first.json['expires_in']).toBe(7200)

    await clock.advance(1500)
    const again = await stableFor(emulator, NORMAL_APP, false)
    expect(again.json['access_token']).toBe(first.json['access_token'])
    expect(again.json['expires_in']).toBe(7198)

    await clock.advance(HOUR)
    const later = await stableFor(emulator, NORMAL_APP)
    expect(later.json['access_token']).toBe(first.json['access_token'])
    expect(later.json['expires_in']).toBe(3598)
  })

  it('rotates inside the last 300 s, so expires_in never drops below 300', async () => {
    const { emulator, clock } = ctx
    const first = tokenOf(await stableFor(emulator, NORMAL_APP))
    await clock.advance(6899 * SECOND)
    const lastOfFirst = await stableFor(emulator, NORMAL_APP)
    expect(lastOfFirst.json).toEqual({ access_token: first, expires_in: 301 })

    await clock.advance(SECOND)
    const rotated = await stableFor(emulator, NORMAL_APP)
    expect(rotated.json['access_token']).not.toBe(first)
    expect(rotated.json['expires_in']).toBe(7200)

    for (let step = 0; step < 40; step++) {
      await clock.advance(7 * MINUTE)
      const expiresIn = (await stableFor(emulator, NORMAL_APP)).json['expires_in']
      expect(expiresIn).toBeGreaterThanOrEqual(300)
      expect(expiresIn).toBeLessThanOrEqual(7200)
    }
  })

  it('keeps the replaced token working until its own expiry after a normal rotation', async () => {
    const { emulator, clock } = ctx
    const first = tokenOf(await stableFor(emulator, NORMAL_APP))
    await clock.advance(7000 * SECOND)
    const second = tokenOf(await stableFor(emulator, NORMAL_APP))
    expect(second).not.toBe(first)
    await clock.advance(199 * SECOND)
    expect((await probe(emulator, first)).json['ip_list']).toBeInstanceOf(Array)
    await clock.advance(SECOND)
    expect((await probe(emulator, first)).json['errcode']).toBe(42001)
    expect((await probe(emulator, second)).json['ip_list']).toBeInstanceOf(Array)
  })

  it('refuses GET with 43002, an empty body with 44002 and unparsable JSON with 47001', async () => {
    const { emulator } = ctx
    const get = await call(emulator, '/cgi-bin/stable_token')
    expect(get.json['errcode']).toBe(43002)
    expect(get.json['errmsg']).toMatch(/^require POST method rid: /)
    expect((await postJson(emulator, '/cgi-bin/stable_token', '')).json['errcode']).toBe(44002)
    const garbled = await postJson(emulator, '/cgi-bin/stable_token', '{"appid":')
    expect(garbled.json['errcode']).toBe(47001)
    expect(garbled.json['errmsg']).toMatch(/^data format error rid: /)
    expect((await postJson(emulator, '/cgi-bin/stable_token', '[1,2]')).json['errcode']).toBe(47001)
    const formEncoded = `grant_type=client_credential&appid=${NORMAL_APP.appid}&secret=${NORMAL_APP.secret}`
    expect((await postJson(emulator, '/cgi-bin/stable_token', formEncoded)).json['errcode']).toBe(47001)
  })

  it('refuses a force_refresh that is not a boolean with 47001', async () => {
    const { emulator } = ctx
    for (const forceRefresh of ['true', 1, null]) {
      const answer = await postJson(emulator, '/cgi-bin/stable_token', {
        grant_type: 'client_credential',
        appid: NORMAL_APP.appid,
        secret: NORMAL_APP.secret,
        force_refresh: forceRefresh
      })
      expect(answer.json['errcode']).toBe(47001)
    }
  })
})

describe('POST /cgi-bin/stable_token, force mode', () => {
  const ctx = useEmulator()

  it('rotates and answers a fresh 7200 s token', async () => {
    const { emulator, clock } = ctx
    const first = tokenOf(await stableFor(emulator, NORMAL_APP))
    await clock.advance(HOUR)
    const forced = await stableFor(emulator, NORMAL_APP, true)
    expect(forced.json['access_token']).not.toBe(first)
    expect(forced.json['expires_in']).toBe(7200)
    expect(tokenOf(await stableFor(emulator, NORMAL_APP))).toBe(forced.json['access_token'])
  })

  it('within 30 s of the last force returns the current token and rotates nothing', async () => {
    const { emulator, clock } = ctx
    const forced = tokenOf(await stableFor(emulator, NORMAL_APP, true))
    await clock.advance(29 * SECOND)
    const tooSoon = await stableFor(emulator, NORMAL_APP, true)
    expect(tooSoon.json).toEqual({ access_token: forced, expires_in: 7171 })
    await clock.advance(SECOND)
    const allowed = await stableFor(emulator, NORMAL_APP, true)
    expect(allowed.json['access_token']).not.toBe(forced)
    expect(allowed.json['expires_in']).toBe(7200)
  })

  it('allows 20 forces a day: the 21st answers 45009, and too-soon calls do not count', async () => {
    const { emulator, clock } = ctx
    for (let i = 0; i < 20; i++) {
      expect((await stableFor(emulator, NORMAL_APP, true)).json['expires_in']).toBe(7200)
      await clock.advance(10 * SECOND)
      // inside the 30 s spacing: the current token, not a force
      expect((await stableFor(emulator, NORMAL_APP, true)).json['expires_in']).toBe(7190)
      await clock.advance(20 * SECOND)
    }
    const over = await stableFor(emulator, NORMAL_APP, true)
    expect(over.json['errcode']).toBe(45009)
    expect(over.json['errmsg']).toMatch(/^reach max api daily quota limit rid: /)
    expect((await stableFor(emulator, NORMAL_APP)).json['expires_in']).toBe(7200 - 30)
    expect(emulator.stats(NORMAL_APP.appid)).toEqual({
      classic: 0,
      stable: 1,
      force: 41,
      probe: 0,
      total: 42
    })
  })

  it('lets one force leave the previous token a grace window until the next force', async () => {
    const { emulator, clock } = ctx
    const leaked = tokenOf(await stableFor(emulator, NORMAL_APP))
    await stableFor(emulator, NORMAL_APP, true)
    await clock.advance(10 * MINUTE)
    expect((await probe(emulator, leaked)).json['ip_list']).toBeInstanceOf(Array)
  })

  it('kills a leaked token with two forces at least 30 s apart (40001 afterwards)', async () => {
    const { emulator, clock } = ctx
    const leaked = tokenOf(await stableFor(emulator, NORMAL_APP))
    const firstForce = tokenOf(await stableFor(emulator, NORMAL_APP, true))
    await clock.advance(30 * SECOND)
    const secondForce = tokenOf(await stableFor(emulator, NORMAL_APP, true))

    const dead = await probe(emulator, leaked)
    expect(dead.json['errcode']).toBe(40001)
    expect(emulator.tokenState(leaked)).toBe('superseded')
    // the token of the first force now has the grace window, and the newest one works
    expect(emulator.tokenState(firstForce)).toBe('valid')
    expect((await probe(emulator, secondForce)).json['ip_list']).toBeInstanceOf(Array)
  })

  it('never keeps a force-replaced token past its own expiry', async () => {
    const { emulator, clock } = ctx
    const old = tokenOf(await stableFor(emulator, NORMAL_APP))
    await clock.advance(HOUR)
    await stableFor(emulator, NORMAL_APP, true)
    await clock.advance(HOUR)
    expect((await probe(emulator, old)).json['errcode']).toBe(42001)
  })

  it('starts counting forces again on the next Beijing day', async () => {
    const { emulator, clock } = ctx
    for (let i = 0; i < 20; i++) {
      await stableFor(emulator, NORMAL_APP, true)
      await clock.advance(30 * SECOND)
    }
    expect((await stableFor(emulator, NORMAL_APP, true)).json['errcode']).toBe(45009)
    // ManualClock starts at 10:10 Beijing time (after the loop); Beijing midnight is 13 h 50 min away.
    await clock.advance(14 * HOUR)
    expect((await stableFor(emulator, NORMAL_APP, true)).json['expires_in']).toBe(7200)
  })
})
