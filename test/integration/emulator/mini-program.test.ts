import { describe, expect, it } from 'vitest'
import { createEmulator, SANDBOX_APPID, type Emulator, type EmulatorAppConfig } from '../../../src/emulator'
import { unionidFor } from '../../../src/emulator/fake-users'
import { findAccountUser } from '../../../src/emulator/sandbox-users'
import {
  apiPost,
  errcodeOf,
  MINI_PROGRAM,
  OFFICIAL_ACCOUNT,
  openidOf,
  OTHER_MINI_PROGRAM,
  SANDBOX,
  tokenFor,
  useCatalogue
} from '../../support/catalogue-client'
import { ManualClock } from '../../../src/core/time/clock'
import { call, MINUTE, postJson, SECOND } from '../../support/emulator-client'

// 小程序 login offline (issue #10 §4): the emulator plays the phone's wx.login and getPhoneNumber for its
// sandbox users, and /sns/jscode2session and getuserphonenumber take what it issued.

function session(
  emulator: Emulator,
  app: EmulatorAppConfig,
  code: string,
  extra: Record<string, string> = {}
) {
  const query = new URLSearchParams({
    appid: app.appid,
    secret: app.secret,
    js_code: code,
    grant_type: 'authorization_code',
    ...extra
  })
  return call(emulator, `/sns/jscode2session?${query.toString()}`)
}

describe('simulate wx.login / getPhoneNumber', () => {
  const ctx = useCatalogue()

  it('lists the sandbox users a Mini Program can see, with their phone numbers', () => {
    expect(ctx.emulator.sandboxUsers()).toEqual([
      { id: 'li-lei', nickname: '李雷', phoneNumber: '13800138000', follows: true },
      { id: 'han-meimei', nickname: '韩梅梅', phoneNumber: '13900139000', follows: true },
      { id: 'jim-green', nickname: 'Jim Green', phoneNumber: '13700137000', follows: false }
    ])
  })

  it('issues codes over HTTP for the desk, saying whose they are', async () => {
    const { emulator, clock } = ctx
    const login = await postJson(emulator, '/emulator/mini-program/login-code', {
      appid: SANDBOX.appid,
      user: 'han-meimei'
    })
    expect(login.status).toBe(200)
    expect(login.contentType).toBe('application/json; charset=utf-8')
    expect(login.json).toEqual({
      code: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      user: 'han-meimei',
      openid: openidOf(SANDBOX, 'han-meimei'),
      expires_in: 300
    })
    const phone = await postJson(emulator, '/emulator/mini-program/phone-code', { appid: SANDBOX.appid })
    expect(phone.json).toEqual({
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
      user: 'li-lei',
      phone_number: '13800138000',
      expires_in: 300
    })
    expect(emulator.simulateLogin(SANDBOX.appid, 'jim-green')).toEqual({
      code: expect.any(String),
      userId: 'jim-green',
      expiresAt: clock.now() + 5 * MINUTE
    })
  })

  it('refuses an unknown account, an Official Account, an unknown user, a GET', async () => {
    const { emulator } = ctx
    const ask = async (body: unknown): Promise<{ status: number; errmsg: unknown }> => {
      const answer = await postJson(emulator, '/emulator/mini-program/login-code', body)
      return { status: answer.status, errmsg: answer.json['errmsg'] }
    }
    expect(await ask({ appid: 'wx0000000000000000' })).toEqual({
      status: 400,
      errmsg: 'emulator: the emulator has no account with AppID wx0000000000000000'
    })
    expect((await ask({ appid: OFFICIAL_ACCOUNT.appid })).errmsg).toMatch(/is not a Mini Program/)
    expect((await ask({ appid: SANDBOX.appid, user: 'snapshot-visitor' })).errmsg).toMatch(/no sandbox user/)
    expect((await ask({ appid: 5 })).status).toBe(400)
    expect((await ask('not json')).status).toBe(400)
    const get = await call(emulator, '/emulator/mini-program/phone-code')
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
    expect(() => emulator.simulatePhoneNumber(OFFICIAL_ACCOUNT.appid, 'li-lei')).toThrow(RangeError)
    expect(() => emulator.simulateLogin(SANDBOX.appid, 'nobody')).toThrow(RangeError)
  })
})

describe('GET /sns/jscode2session', () => {
  const ctx = useCatalogue()

  it('exchanges a login code for openid, session_key and (bound accounts) unionid, as text/plain', async () => {
    const { emulator } = ctx
    const { code } = emulator.simulateLogin(SANDBOX.appid, 'li-lei')
    const answer = await session(emulator, SANDBOX, code)
    expect(answer.contentType).toBe('text/plain')
    expect(answer.json).toEqual({
      session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
      openid: openidOf(SANDBOX, 'li-lei'),
      unionid: unionidFor(findAccountUser('li-lei')!)
    })
    const unbound = await session(
      emulator,
      OTHER_MINI_PROGRAM,
      emulator.simulateLogin(OTHER_MINI_PROGRAM.appid, 'li-lei').code
    )
    expect(Object.keys(unbound.json).sort()).toEqual(['openid', 'session_key'])
  })

  it('takes a code once: a reuse is 40163', async () => {
    const { emulator } = ctx
    const { code } = emulator.simulateLogin(MINI_PROGRAM.appid, 'han-meimei')
    expect((await session(emulator, MINI_PROGRAM, code)).json['openid']).toBe(
      openidOf(MINI_PROGRAM, 'han-meimei')
    )
    const again = await session(emulator, MINI_PROGRAM, code)
    expect(errcodeOf(again)).toBe(40163)
    expect(String(again.json['errmsg'])).toMatch(/^code been used rid: /)
  })

  it("takes a code for 5 minutes: after that, and for an unknown or another app's code, 40029", async () => {
    const { emulator, clock } = ctx
    const inTime = emulator.simulateLogin(MINI_PROGRAM.appid, 'li-lei').code
    const late = emulator.simulateLogin(MINI_PROGRAM.appid, 'li-lei').code
    await clock.advance(5 * MINUTE - SECOND)
    expect((await session(emulator, MINI_PROGRAM, inTime)).json['openid']).toBeDefined()
    await clock.advance(SECOND)
    expect(errcodeOf(await session(emulator, MINI_PROGRAM, late))).toBe(40029)
    expect(errcodeOf(await session(emulator, MINI_PROGRAM, 'never-issued'))).toBe(40029)
    const theirs = emulator.simulateLogin(OTHER_MINI_PROGRAM.appid, 'li-lei').code
    expect(errcodeOf(await session(emulator, MINI_PROGRAM, theirs))).toBe(40029)
  })

  it('checks the parameters in order: 41002, 41004, 41008, 40002, 40013, 40125, then 48001 for a non-Mini Program', async () => {
    const { emulator } = ctx
    const code = emulator.simulateLogin(MINI_PROGRAM.appid, 'li-lei').code
    const ask = (params: Record<string, string>): ReturnType<typeof call> =>
      call(emulator, `/sns/jscode2session?${new URLSearchParams(params).toString()}`)
    const full = {
      appid: MINI_PROGRAM.appid,
      secret: MINI_PROGRAM.secret,
      js_code: code,
      grant_type: 'authorization_code'
    }
    expect(errcodeOf(await ask({ ...full, appid: '' }))).toBe(41002)
    expect(errcodeOf(await ask({ ...full, secret: '' }))).toBe(41004)
    expect(errcodeOf(await ask({ ...full, js_code: '' }))).toBe(41008)
    expect(errcodeOf(await ask({ ...full, grant_type: 'client_credential' }))).toBe(40002)
    expect(errcodeOf(await ask({ ...full, appid: 'wx0000000000000000' }))).toBe(40013)
    expect(errcodeOf(await ask({ ...full, secret: 'wrong' }))).toBe(40125)
    const official = { ...full, appid: OFFICIAL_ACCOUNT.appid, secret: OFFICIAL_ACCOUNT.secret }
    expect(errcodeOf(await ask(official))).toBe(48001)
    expect(errcodeOf(await call(emulator, '/sns/jscode2session', { method: 'POST' }))).toBe(43001)
    // None of those spent the code.
    expect((await ask(full)).json['openid']).toBe(openidOf(MINI_PROGRAM, 'li-lei'))
  })
})

describe('POST /wxa/business/getuserphonenumber', () => {
  const ctx = useCatalogue()

  it("answers the user's phone number with a watermark of the time and appid", async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const { code } = emulator.simulatePhoneNumber(SANDBOX.appid, 'han-meimei')
    const answer = await apiPost(emulator, '/wxa/business/getuserphonenumber', token, { code })
    expect(answer.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13900139000',
        purePhoneNumber: '13900139000',
        countryCode: '86',
        watermark: { timestamp: Math.floor(clock.now() / 1000), appid: SANDBOX.appid }
      }
    })
  })

  it("takes a code once and for 5 minutes (40029), only with its own Mini Program's token (40013)", async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, MINI_PROGRAM)
    const phone = (code: string, with_ = token): ReturnType<typeof apiPost> =>
      apiPost(emulator, '/wxa/business/getuserphonenumber', with_, { code })
    const once = emulator.simulatePhoneNumber(MINI_PROGRAM.appid, 'li-lei').code
    expect(errcodeOf(await phone(once))).toBe(0)
    expect(errcodeOf(await phone(once))).toBe(40029)
    const theirs = emulator.simulatePhoneNumber(OTHER_MINI_PROGRAM.appid, 'li-lei').code
    expect(errcodeOf(await phone(theirs))).toBe(40013)
    expect(errcodeOf(await phone(theirs, await tokenFor(emulator, OTHER_MINI_PROGRAM)))).toBe(0)
    const late = emulator.simulatePhoneNumber(MINI_PROGRAM.appid, 'li-lei').code
    await clock.advance(5 * MINUTE)
    expect(errcodeOf(await phone(late, await tokenFor(emulator, MINI_PROGRAM)))).toBe(40029)
  })

  it("answers 40029 for an empty or unknown code, 40003 for an openid that is not the code's user", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, MINI_PROGRAM)
    const phone = (body: Record<string, unknown>): Promise<unknown> =>
      apiPost(emulator, '/wxa/business/getuserphonenumber', token, body).then(errcodeOf)
    expect(await phone({})).toBe(40029)
    expect(await phone({ code: 'nope' })).toBe(40029)
    expect(await phone({ code: 42 })).toBe(47001)
    const code = emulator.simulatePhoneNumber(MINI_PROGRAM.appid, 'li-lei').code
    expect(await phone({ code, openid: openidOf(MINI_PROGRAM, 'han-meimei') })).toBe(40003)
    const again = emulator.simulatePhoneNumber(MINI_PROGRAM.appid, 'li-lei').code
    expect(await phone({ code: again, openid: openidOf(MINI_PROGRAM, 'li-lei') })).toBe(0)
  })
})

describe("the built-in sandbox account (the desk's sandbox profile and serve --emulator)", () => {
  it('answers the Mini Program endpoints too: no second sandbox profile is needed', async () => {
    const emulator = createEmulator({ clock: new ManualClock() })
    await emulator.start()
    try {
      const token = await tokenFor(emulator, SANDBOX)
      const login = await session(emulator, SANDBOX, emulator.simulateLogin(SANDBOX_APPID, 'li-lei').code)
      expect(login.json['openid']).toBe(openidOf(SANDBOX, 'li-lei'))
      const { code } = emulator.simulatePhoneNumber(SANDBOX_APPID, 'li-lei')
      expect(errcodeOf(await apiPost(emulator, '/wxa/business/getuserphonenumber', token, { code }))).toBe(0)
      expect(errcodeOf(await apiPost(emulator, '/wxa/generate_urllink', token, {}))).toBe(0)
    } finally {
      await emulator.close()
    }
  })
})
