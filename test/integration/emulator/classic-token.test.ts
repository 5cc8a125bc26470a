import { describe, expect, it } from 'vitest'
import {
  MINUTE,
  NORMAL_APP,
  SECOND,
  TEST_APP,
  classicFor,
  probe,
  stableFor,
  tokenOf,
  useEmulator
} from '../../support/emulator-client'

describe('GET /cgi-bin/token', () => {
  const ctx = useEmulator()

  it('answers a token valid for 7200 s, as JSON labelled like WeChat does', async () => {
    const answer = await classicFor(ctx.emulator, NORMAL_APP)
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('application/json; encoding=utf-8')
    expect(Object.keys(answer.json).sort()).toEqual(['access_token', 'expires_in'])
    expect(answer.json['expires_in']).toBe(7200)
    expect(tokenOf(answer)).toMatch(/^\d{2}_[A-Za-z0-9_-]{140}$/)
  })

  it('mints a new token on every call', async () => {
    const tokens = new Set<string>()
    for (let i = 0; i < 5; i++) tokens.add(tokenOf(await classicFor(ctx.emulator, NORMAL_APP)))
    expect(tokens.size).toBe(5)
  })

  it('keeps the previous token working for 300 s after a new one, then answers 40001 for it', async () => {
    const { emulator, clock } = ctx
    const first = tokenOf(await classicFor(emulator, NORMAL_APP))
    await clock.advance(10 * MINUTE)
    const second = tokenOf(await classicFor(emulator, NORMAL_APP))

    await clock.advance(299 * SECOND)
    expect((await probe(emulator, first)).json['ip_list']).toBeInstanceOf(Array)
    expect(emulator.tokenState(first)).toBe('valid')

    await clock.advance(1 * SECOND)
    const stale = await probe(emulator, first)
    expect(stale.json['errcode']).toBe(40001)
    expect(stale.json['errmsg']).toMatch(
      /^invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https:\/\/mmbizurl\.cn\/s\/JtxxFh33r rid: /
    )
    expect(emulator.tokenState(first)).toBe('superseded')
    expect((await probe(emulator, second)).json['ip_list']).toBeInstanceOf(Array)
  })

  it('overlaps only one generation: a third token kills the first at once', async () => {
    const { emulator, clock } = ctx
    const first = tokenOf(await classicFor(emulator, NORMAL_APP))
    await clock.advance(SECOND)
    const second = tokenOf(await classicFor(emulator, NORMAL_APP))
    await clock.advance(SECOND)
    const third = tokenOf(await classicFor(emulator, NORMAL_APP))

    expect((await probe(emulator, first)).json['errcode']).toBe(40001)
    expect(emulator.tokenState(second)).toBe('valid')
    expect(emulator.tokenState(third)).toBe('valid')
  })

  it('answers 42001 for a token past its 7200 s', async () => {
    const { emulator, clock } = ctx
    const token = tokenOf(await classicFor(emulator, NORMAL_APP))
    await clock.advance(7199 * SECOND)
    expect((await probe(emulator, token)).json['ip_list']).toBeInstanceOf(Array)
    await clock.advance(SECOND)
    const expired = await probe(emulator, token)
    expect(expired.json['errcode']).toBe(42001)
    expect(expired.json['errmsg']).toMatch(/^access_token expired rid: /)
    expect(emulator.tokenState(token)).toBe('expired')
  })

  it('lets a superseded token die at its own expiry when that comes before the 300 s overlap ends', async () => {
    const { emulator, clock } = ctx
    const first = tokenOf(await classicFor(emulator, NORMAL_APP))
    await clock.advance(7100 * SECOND)
    await classicFor(emulator, NORMAL_APP)
    await clock.advance(99 * SECOND)
    expect(emulator.tokenState(first)).toBe('valid')
    await clock.advance(SECOND)
    expect((await probe(emulator, first)).json['errcode']).toBe(42001)
  })

  it('keeps each account on its own line', async () => {
    const { emulator, clock } = ctx
    const normal = tokenOf(await classicFor(emulator, NORMAL_APP))
    await classicFor(emulator, TEST_APP)
    await classicFor(emulator, TEST_APP)
    await clock.advance(10 * MINUTE)
    expect(emulator.tokenState(normal)).toBe('valid')
  })

  it('leaves the stable token alone: minting classic tokens does not supersede it', async () => {
    const { emulator, clock } = ctx
    const stable = tokenOf(await stableFor(emulator, NORMAL_APP))
    for (let i = 0; i < 3; i++) await classicFor(emulator, NORMAL_APP)
    await clock.advance(10 * MINUTE)
    expect(emulator.tokenState(stable)).toBe('valid')
    expect(tokenOf(await stableFor(emulator, NORMAL_APP))).toBe(stable)
  })

  it('is left alone by stable force refreshes', async () => {
    const { emulator, clock } = ctx
    const classic = tokenOf(await classicFor(emulator, NORMAL_APP))
    await stableFor(emulator, NORMAL_APP, true)
    await clock.advance(31 * SECOND)
    await stableFor(emulator, NORMAL_APP, true)
    await clock.advance(10 * MINUTE)
    expect(emulator.tokenState(classic)).toBe('valid')
  })

  it('counts every call in the stats, errors included', async () => {
    const { emulator } = ctx
    await classicFor(emulator, NORMAL_APP)
    await classicFor(emulator, { ...NORMAL_APP, secret: 'wrong' })
    expect(emulator.stats(NORMAL_APP.appid)).toEqual({ classic: 2, stable: 0, force: 0, probe: 0, total: 2 })
  })
})
