import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_PROFILE_ID } from '../../../../src/core/profiles'
import { ManualClock } from '../../../../src/core/time/clock'
import { startTestDesk, type TestDesk } from '../../../support/desk'
import { failureOf } from '../../../support/desk-failure'

// Mini Program login on the sandbox: the emulator plays the phone (simulated wx.login / getPhoneNumber) and
// answers jscode2session and getuserphonenumber over real HTTP.
describe('Mini Program login on the sandbox', () => {
  let desk: TestDesk
  const clock = new ManualClock()
  beforeAll(async () => {
    desk = await startTestDesk({ clock })
  })
  afterAll(() => desk.close())

  const mp = () => desk.services.miniProgram
  const userId = () => mp().setup(SANDBOX_PROFILE_ID).simulator!.users[0]!.id

  it('offers the simulator and its users only for the app the emulator answers', () => {
    const setup = mp().setup(SANDBOX_PROFILE_ID)
    expect(setup.canExchange).toBe(true)
    expect(setup.simulator?.users.length).toBeGreaterThan(0)
  })

  it('exchanges a simulated wx.login code once: openid, unionid, a masked session_key', async () => {
    const code = mp().simulate(SANDBOX_PROFILE_ID, 'login', userId())
    expect(code.expiresAt - code.now).toBe(300_000)
    const session = await mp().exchange(SANDBOX_PROFILE_ID, code.code)
    expect(session.openid).toMatch(/^o/)
    expect(session.unionid).not.toBeNull()
    const { sessionKey } = mp().revealSessionKey(session.id)
    expect(Buffer.from(sessionKey, 'base64')).toHaveLength(16)
    expect(session.sessionKeyMasked).not.toContain(sessionKey.slice(0, 8))
    expect(JSON.stringify(mp().state(SANDBOX_PROFILE_ID))).not.toContain(sessionKey)

    const again = await failureOf(mp().exchange(SANDBOX_PROFILE_ID, code.code))
    expect(again).toMatchObject({ code: 'wechat', errcode: 40163 })
    expect(again.message.en).toMatch(/already used/i)
  })

  it('refuses a code older than five minutes (40029) and an unknown one (40029)', async () => {
    const code = mp().simulate(SANDBOX_PROFILE_ID, 'login', userId())
    await clock.advance(300_001)
    expect(await failureOf(mp().exchange(SANDBOX_PROFILE_ID, code.code))).toMatchObject({ errcode: 40029 })
    expect(await failureOf(mp().exchange(SANDBOX_PROFILE_ID, 'not-a-real-code'))).toMatchObject({
      errcode: 40029
    })
  })

  it('reads the phone number behind a simulated getPhoneNumber code, once', async () => {
    const user = mp().setup(SANDBOX_PROFILE_ID).simulator!.users[0]!
    const code = mp().simulate(SANDBOX_PROFILE_ID, 'phone', user.id)
    const phone = await mp().phoneNumber(SANDBOX_PROFILE_ID, code.code)
    expect(phone.phoneNumber).toBe(user.phoneNumber)
    expect(phone.watermark.appid).toBe(mp().setup(SANDBOX_PROFILE_ID).appId)
    expect(await failureOf(mp().phoneNumber(SANDBOX_PROFILE_ID, code.code))).toMatchObject({ errcode: 40029 })
    expect(mp().state(SANDBOX_PROFILE_ID).phones[0]?.id).toBe(phone.id)
  })

  it('checks the openid a phone code is for (40003)', async () => {
    const code = mp().simulate(SANDBOX_PROFILE_ID, 'phone', userId())
    expect(await failureOf(mp().phoneNumber(SANDBOX_PROFILE_ID, code.code, 'o-someone-else'))).toMatchObject({
      errcode: 40003
    })
  })

  it('refuses an empty code before asking WeChat', async () => {
    const calls = desk.services.callLog.list().length
    expect(await failureOf(mp().exchange(SANDBOX_PROFILE_ID, '  '))).toMatchObject({ code: 'invalid-input' })
    expect(desk.services.callLog.list().length).toBe(calls)
  })

  it('logs each exchange in the call log, with neither the secret nor the session_key', async () => {
    const code = mp().simulate(SANDBOX_PROFILE_ID, 'login', userId())
    const session = await mp().exchange(SANDBOX_PROFILE_ID, code.code)
    const { sessionKey } = mp().revealSessionKey(session.id)
    const log = JSON.stringify(desk.services.callLog.list())
    expect(log).toContain('/sns/jscode2session')
    expect(log).not.toContain(sessionKey)
    expect(log).not.toContain(desk.services.sandbox!.binding.secret)
  })

  it('does not simulate for an app the emulator does not answer', async () => {
    const created = desk.services.profiles.create({
      name: 'Real MP',
      appId: 'wx00112233445566aa',
      secret: '0123456789abcdef0123456789abcdef',
      kind: 'mini-program',
      env: 'dev',
      mode: 'classic',
      apiBase: 'http://127.0.0.1:9'
    })
    expect(mp().setup(created.id).simulator).toBeNull()
    expect(() => mp().simulate(created.id, 'login', userId())).toThrow(/emulator/)
  })
})
