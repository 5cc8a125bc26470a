import { describe, expect, it } from 'vitest'
import type { Emulator, EmulatorAppConfig } from '../../../src/emulator'
import {
  HOUR,
  MINUTE,
  NORMAL_APP,
  TEST_APP,
  call,
  classicFor,
  clearQuota,
  postJson,
  useEmulator
} from '../../support/emulator-client'

// ManualClock starts at 2026-11-22 02:00 UTC = 10:00 in Beijing; Beijing midnight is 14 h later.
const TO_BEIJING_MIDNIGHT = 14 * HOUR

async function mintTimes(emulator: Emulator, app: EmulatorAppConfig, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const answer = await classicFor(emulator, app)
    if (answer.json['expires_in'] !== 7200) throw new Error(`call ${i + 1} failed: ${answer.text}`)
  }
}

describe('/cgi-bin/token daily quota', () => {
  const ctx = useEmulator()

  it('allows 2000 calls a day to a normal account, then answers 45009', async () => {
    await mintTimes(ctx.emulator, NORMAL_APP, 2000)
    const over = await classicFor(ctx.emulator, NORMAL_APP)
    expect(over.json['errcode']).toBe(45009)
    expect(over.json['errmsg']).toMatch(/^reach max api daily quota limit rid: /)
  })

  it('allows 200 calls a day to a test account, then answers 45009', async () => {
    await mintTimes(ctx.emulator, TEST_APP, 200)
    expect((await classicFor(ctx.emulator, TEST_APP)).json['errcode']).toBe(45009)
    expect((await classicFor(ctx.emulator, NORMAL_APP)).json['expires_in']).toBe(7200)
  })

  it('starts again at Beijing midnight, not UTC midnight', async () => {
    const { emulator, clock } = ctx
    await mintTimes(emulator, TEST_APP, 200)
    await clock.advance(TO_BEIJING_MIDNIGHT - 1)
    expect((await classicFor(emulator, TEST_APP)).json['errcode']).toBe(45009)
    await clock.advance(1)
    expect((await classicFor(emulator, TEST_APP)).json['expires_in']).toBe(7200)
  })

  it('does not count refused calls: a refusal mints nothing and the old token keeps working', async () => {
    const { emulator, clock } = ctx
    await mintTimes(emulator, TEST_APP, 199)
    const last = (await classicFor(emulator, TEST_APP)).json['access_token']
    await classicFor(emulator, TEST_APP)
    await clock.advance(10 * MINUTE)
    expect(emulator.tokenState(String(last))).toBe('valid')
  })
})

describe('POST /cgi-bin/clear_quota/v2', () => {
  const ctx = useEmulator()

  it('resets the daily quota and answers errcode 0 "ok"', async () => {
    const { emulator } = ctx
    await mintTimes(emulator, TEST_APP, 200)
    const cleared = await clearQuota(emulator, TEST_APP)
    expect(cleared.status).toBe(200)
    expect(cleared.json).toEqual({ errcode: 0, errmsg: 'ok' })
    await mintTimes(emulator, TEST_APP, 200)
    expect((await classicFor(emulator, TEST_APP)).json['errcode']).toBe(45009)
  })

  it('allows 10 clears a month, then answers 48006 until the next Beijing month', async () => {
    const { emulator, clock } = ctx
    for (let i = 0; i < 10; i++) expect((await clearQuota(emulator, TEST_APP)).json['errcode']).toBe(0)
    const over = await clearQuota(emulator, TEST_APP)
    expect(over.json['errcode']).toBe(48006)
    expect(over.json['errmsg']).toMatch(/^forbid to clear quota because of reaching the limit rid: /)
    // 2026-11-22 10:00 Beijing → 2026-12-01 00:00 Beijing is 8 days and 14 hours away.
    await clock.advance(8 * 24 * HOUR + TO_BEIJING_MIDNIGHT - 1)
    expect((await clearQuota(emulator, TEST_APP)).json['errcode']).toBe(48006)
    await clock.advance(1)
    expect((await clearQuota(emulator, TEST_APP)).json['errcode']).toBe(0)
  })

  it('answers 40125 for a wrong secret and 40013 for an unknown appid', async () => {
    const { emulator } = ctx
    expect((await clearQuota(emulator, TEST_APP, 'wrong')).json['errcode']).toBe(40125)
    const unknown = { ...TEST_APP, appid: 'wx0000000000000000' }
    expect((await clearQuota(emulator, unknown)).json['errcode']).toBe(40013)
  })

  it('needs POST with a JSON body naming appid and appsecret', async () => {
    const { emulator } = ctx
    const path = '/cgi-bin/clear_quota/v2'
    expect((await call(emulator, path)).json['errcode']).toBe(43002)
    expect((await postJson(emulator, path, '')).json['errcode']).toBe(44002)
    expect((await postJson(emulator, path, 'appid=x')).json['errcode']).toBe(47001)
    expect((await postJson(emulator, path, { appsecret: TEST_APP.secret })).json['errcode']).toBe(41002)
    expect((await postJson(emulator, path, { appid: TEST_APP.appid })).json['errcode']).toBe(41004)
  })
})
