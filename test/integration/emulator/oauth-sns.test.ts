import { describe, expect, it } from 'vitest'
import type { Emulator, EmulatorAppConfig } from '../../../src/emulator'
import { approve, authorizeLink, codeOf } from '../../support/oauth-phone'
import {
  HOUR,
  MINUTE,
  NORMAL_APP,
  TEST_APP,
  call,
  probe,
  type Answer,
  useEmulator
} from '../../support/emulator-client'

// /sns/oauth2/access_token, /sns/oauth2/refresh_token, /sns/auth, /sns/userinfo over real HTTP
// (wechat-api.md §4.3-4.6), with an injected clock for the 5-minute code and the 30-day refresh_token.

const BOUND: EmulatorAppConfig = { ...NORMAL_APP, oauthDomains: ['www.example.com'], unionBound: true }
const PLAIN: EmulatorAppConfig = { ...TEST_APP, oauthDomains: ['www.example.com'] }
const DAY = 24 * HOUR

const get = (emulator: Emulator, path: string, params: Record<string, string>): Promise<Answer> =>
  call(emulator, `${path}?${new URLSearchParams(params).toString()}`)

describe('the web-OAuth endpoints', () => {
  const ctx = useEmulator([BOUND, PLAIN])

  const codeFor = async (
    app: EmulatorAppConfig,
    scope = 'snsapi_userinfo',
    user = 'li-lei'
  ): Promise<string> =>
    codeOf(
      await approve(
        authorizeLink(ctx.emulator.url, {
          appid: app.appid,
          redirectUri: 'https://www.example.com/cb',
          scope,
          state: 's'
        }),
        user
      )
    )
  const exchange = (app: EmulatorAppConfig, code: string, secret = app.secret): Promise<Answer> =>
    get(ctx.emulator, '/sns/oauth2/access_token', {
      appid: app.appid,
      secret,
      code,
      grant_type: 'authorization_code'
    })
  const refresh = (app: EmulatorAppConfig, token: string): Promise<Answer> =>
    get(ctx.emulator, '/sns/oauth2/refresh_token', {
      appid: app.appid,
      grant_type: 'refresh_token',
      refresh_token: token
    })
  const str = (answer: Answer, key: string): string => String(answer.json[key])

  it('exchanges a code for a user token, JSON labelled text/plain as WeChat does', async () => {
    const answer = await exchange(BOUND, await codeFor(BOUND))
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('text/plain')
    expect(answer.json).toMatchObject({ expires_in: 7200, scope: 'snsapi_userinfo' })
    expect(str(answer, 'access_token')).toMatch(/^\d{2}_[A-Za-z0-9_-]{140}$/)
    expect(str(answer, 'openid')).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(str(answer, 'unionid')).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(answer.json).not.toHaveProperty('errcode')
    expect(answer.json).not.toHaveProperty('is_snapshotuser')
  })

  it('answers 40163 when a code is exchanged a second time', async () => {
    const code = await codeFor(BOUND)
    expect((await exchange(BOUND, code)).json).toHaveProperty('access_token')
    const again = await exchange(BOUND, code)
    expect(again.status).toBe(200)
    expect(again.json['errcode']).toBe(40163)
    expect(str(again, 'errmsg')).toMatch(/^code been used rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/)
  })

  it('answers 40029 for a code older than 5 minutes, one of another app, or a made-up one', async () => {
    const code = await codeFor(BOUND)
    ctx.clock.sleep(5 * MINUTE)
    expect((await exchange(BOUND, code)).json['errcode']).toBe(40029)
    const fresh = await codeFor(BOUND)
    expect((await exchange(PLAIN, fresh)).json['errcode']).toBe(40029)
    expect((await exchange(BOUND, 'made-up-code')).json['errcode']).toBe(40029)
    expect((await exchange(BOUND, fresh)).json).toHaveProperty('access_token')
  })

  it('checks parameters in order: 41002, 41004, 41008, 40002, 40013, 40125', async () => {
    const base = { appid: BOUND.appid, secret: BOUND.secret, code: 'c', grant_type: 'authorization_code' }
    const errcode = async (params: Record<string, string>): Promise<unknown> =>
      (await get(ctx.emulator, '/sns/oauth2/access_token', params)).json['errcode']
    expect(await errcode({ ...base, appid: '' })).toBe(41002)
    expect(await errcode({ ...base, secret: '' })).toBe(41004)
    expect(await errcode({ ...base, code: '' })).toBe(41008)
    expect(await errcode({ ...base, grant_type: 'client_credential' })).toBe(40002)
    expect(await errcode({ ...base, appid: 'wx9999999999999999' })).toBe(40013)
    expect(await errcode({ ...base, secret: 'f'.repeat(32) })).toBe(40125)
  })

  it('sends unionid only for bound accounts and snsapi_userinfo; is_snapshotuser for a snapshot visitor', async () => {
    expect((await exchange(PLAIN, await codeFor(PLAIN))).json).not.toHaveProperty('unionid')
    expect((await exchange(BOUND, await codeFor(BOUND, 'snsapi_base'))).json).not.toHaveProperty('unionid')
    const snapshot = await exchange(BOUND, await codeFor(BOUND, 'snsapi_userinfo', 'snapshot-visitor'))
    expect(snapshot.json['is_snapshotuser']).toBe(1)
  })

  it('gives one user the same unionid but a different openid in each bound app', async () => {
    const other: EmulatorAppConfig = { ...BOUND, appid: 'wx2222222222222222' }
    ctx.emulator.addApp(other)
    const a = await exchange(BOUND, await codeFor(BOUND, 'snsapi_userinfo', 'jim-green'))
    const b = await exchange(other, await codeFor(other, 'snsapi_userinfo', 'jim-green'))
    expect(str(a, 'unionid')).toBe(str(b, 'unionid'))
    expect(str(a, 'openid')).not.toBe(str(b, 'openid'))
  })

  it('refreshes: a valid token keeps its string, an expired one is replaced, the refresh_token never changes', async () => {
    const grant = await exchange(BOUND, await codeFor(BOUND))
    ctx.clock.sleep(HOUR)
    const kept = await refresh(BOUND, str(grant, 'refresh_token'))
    expect(kept.contentType).toBe('text/plain')
    expect(kept.json).toMatchObject({
      access_token: str(grant, 'access_token'),
      refresh_token: str(grant, 'refresh_token'),
      openid: str(grant, 'openid'),
      expires_in: 7200,
      scope: 'snsapi_userinfo'
    })
    ctx.clock.sleep(3 * HOUR)
    const replaced = await refresh(BOUND, str(grant, 'refresh_token'))
    expect(str(replaced, 'access_token')).not.toBe(str(grant, 'access_token'))
    expect(str(replaced, 'refresh_token')).toBe(str(grant, 'refresh_token'))
  })

  it('answers 42002 once the refresh_token is 30 days old, 40030 for a bad one, 41003 for none', async () => {
    const grant = await exchange(BOUND, await codeFor(BOUND))
    ctx.clock.sleep(30 * DAY - 1000)
    expect((await refresh(BOUND, str(grant, 'refresh_token'))).json).toHaveProperty('access_token')
    ctx.clock.sleep(1000)
    expect((await refresh(BOUND, str(grant, 'refresh_token'))).json['errcode']).toBe(42002)
    expect((await refresh(BOUND, 'not-a-refresh-token')).json['errcode']).toBe(40030)
    expect((await refresh(PLAIN, str(grant, 'refresh_token'))).json['errcode']).toBe(40030)
    expect((await refresh(BOUND, '')).json['errcode']).toBe(41003)
  })

  it('checks a user token with /sns/auth: ok, 40003 for another openid, 42001 when expired, 40014 / 40001', async () => {
    const grant = await exchange(BOUND, await codeFor(BOUND))
    const auth = (token: string, openid: string): Promise<Answer> =>
      get(ctx.emulator, '/sns/auth', { access_token: token, openid })
    const ok = await auth(str(grant, 'access_token'), str(grant, 'openid'))
    expect(ok.json).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(ok.contentType).toBe('text/plain')
    expect((await auth(str(grant, 'access_token'), 'oSomeoneElse')).json['errcode']).toBe(40003)
    expect((await auth('garbage', str(grant, 'openid'))).json['errcode']).toBe(40014)
    expect((await auth(`12_${'A'.repeat(140)}`, str(grant, 'openid'))).json['errcode']).toBe(40001)
    expect((await auth('', str(grant, 'openid'))).json['errcode']).toBe(41001)
    ctx.clock.sleep(2 * HOUR)
    expect((await auth(str(grant, 'access_token'), str(grant, 'openid'))).json['errcode']).toBe(42001)
  })

  it('serves /sns/userinfo for snsapi_userinfo tokens and answers 48001 for snsapi_base ones', async () => {
    const grant = await exchange(BOUND, await codeFor(BOUND, 'snsapi_userinfo', 'han-meimei'))
    const info = await get(ctx.emulator, '/sns/userinfo', {
      access_token: str(grant, 'access_token'),
      openid: str(grant, 'openid'),
      lang: 'en'
    })
    expect(info.contentType).toBe('text/plain')
    expect(info.json).toMatchObject({
      openid: str(grant, 'openid'),
      nickname: '韩梅梅',
      sex: 0,
      province: '',
      city: '',
      country: '',
      privilege: [],
      unionid: str(grant, 'unionid')
    })
    expect(str(info, 'headimgurl')).toMatch(/^https:\/\/thirdwx\.qlogo\.cn\/mmopen\/vi_32\/.+\/132$/)

    const base = await exchange(BOUND, await codeFor(BOUND, 'snsapi_base'))
    const refused = await get(ctx.emulator, '/sns/userinfo', {
      access_token: str(base, 'access_token'),
      openid: str(base, 'openid')
    })
    expect(refused.json['errcode']).toBe(48001)
  })

  it('keeps user tokens and base tokens apart', async () => {
    const grant = await exchange(BOUND, await codeFor(BOUND))
    expect((await probe(ctx.emulator, str(grant, 'access_token'))).json['errcode']).toBe(40001)
  })
})
