import { describe, expect, it } from 'vitest'
import {
  apiGet,
  apiPost,
  errcodeOf,
  MINI_PROGRAM,
  OFFICIAL_ACCOUNT,
  ridOf,
  SANDBOX,
  TEST_ACCOUNT,
  tokenFor,
  useCatalogue
} from '../../support/catalogue-client'
import { call, classicFor, clearQuota, getToken, HOUR, postJson } from '../../support/emulator-client'

// 基础: the debug tools of wechat-api.md §6 as the console's doctor uses them.

const DAY = 24 * HOUR

describe('GET /cgi-bin/get_api_domain_ip', () => {
  const ctx = useCatalogue()

  it("lists the addresses behind api.weixin.qq.com, with no errcode, like getcallbackip's list", async () => {
    const { emulator } = ctx
    const answer = await apiGet(
      emulator,
      '/cgi-bin/get_api_domain_ip',
      await tokenFor(emulator, OFFICIAL_ACCOUNT)
    )
    expect(answer.contentType).toBe('application/json; encoding=utf-8')
    expect(Object.keys(answer.json)).toEqual(['ip_list'])
    const ips = answer.json['ip_list'] as string[]
    expect(ips.length).toBeGreaterThan(1)
    for (const ip of ips) expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
  })
})

describe('POST /cgi-bin/openapi/quota/get', () => {
  const ctx = useCatalogue()

  it("reports an API's daily limit, use and remainder for the token's account", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, TEST_ACCOUNT)
    for (let i = 0; i < 3; i++) await apiGet(emulator, '/cgi-bin/user/get', token)
    const answer = await apiPost(emulator, '/cgi-bin/openapi/quota/get', token, {
      cgi_path: '/cgi-bin/user/get'
    })
    expect(answer.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      quota: { daily_limit: 100, used: 3, remain: 97 },
      rate_limit: { call_count: 0, refresh_second: 0 },
      component_rate_limit: { call_count: 0, refresh_second: 0 }
    })
    // A normal account has the larger cap, and its own count.
    const normal = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const other = await apiPost(emulator, '/cgi-bin/openapi/quota/get', normal, {
      cgi_path: '/cgi-bin/user/get'
    })
    expect(other.json['quota']).toEqual({ daily_limit: 500, used: 0, remain: 500 })
  })

  it('counts /cgi-bin/token calls against the token quota (200 a day for a test account)', async () => {
    const { emulator } = ctx
    await classicFor(emulator, TEST_ACCOUNT)
    await classicFor(emulator, TEST_ACCOUNT)
    const token = await tokenFor(emulator, TEST_ACCOUNT)
    const answer = await apiPost(emulator, '/cgi-bin/openapi/quota/get', token, {
      cgi_path: '/cgi-bin/token'
    })
    expect(answer.json['quota']).toEqual({ daily_limit: 200, used: 2, remain: 198 })
  })

  it('answers 45009 once the day is used up; clear_quota gives it back', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, TEST_ACCOUNT)
    for (let i = 0; i < 100; i++)
      expect((await apiGet(emulator, '/cgi-bin/user/get', token)).json['total']).toBe(2)
    const over = await apiGet(emulator, '/cgi-bin/user/get', token)
    expect(errcodeOf(over)).toBe(45009)
    const quota = await apiPost(emulator, '/cgi-bin/openapi/quota/get', token, {
      cgi_path: '/cgi-bin/user/get'
    })
    expect(quota.json['quota']).toEqual({ daily_limit: 100, used: 100, remain: 0 })
    expect(
      (await apiPost(emulator, '/cgi-bin/clear_quota', token, { appid: TEST_ACCOUNT.appid })).json
    ).toEqual({
      errcode: 0,
      errmsg: 'ok'
    })
    expect((await apiGet(emulator, '/cgi-bin/user/get', token)).json['total']).toBe(2)
  })

  it('answers 76003 for a malformed path, 76022 for /sns/ and the other kind of account, 76021 for no quota', async () => {
    const { emulator } = ctx
    const official = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const quota = async (cgiPath: unknown): Promise<unknown> =>
      errcodeOf(await apiPost(emulator, '/cgi-bin/openapi/quota/get', official, { cgi_path: cgiPath }))
    expect(await quota('cgi-bin/user/get')).toBe(76003)
    expect(await quota('https://api.weixin.qq.com/cgi-bin/user/get')).toBe(76003)
    expect(await quota('/cgi-bin/user/get?access_token=x')).toBe(76003)
    expect(await quota('')).toBe(76003)
    expect(await quota('/sns/jscode2session')).toBe(76022)
    expect(await quota('/wxa/generate_urllink')).toBe(76022)
    expect(await quota('/cgi-bin/no/such/api')).toBe(76021)
    expect(await quota('/cgi-bin/getcallbackip')).toBe(76021)
    expect(await quota(42)).toBe(47001)
    const miniProgram = await tokenFor(emulator, MINI_PROGRAM)
    const link = await apiPost(emulator, '/cgi-bin/openapi/quota/get', miniProgram, {
      cgi_path: '/wxa/generate_urllink'
    })
    expect(link.json['quota']).toEqual({ daily_limit: 500_000, used: 0, remain: 500_000 })
    expect(link.json['rate_limit']).toEqual({ call_count: 100, refresh_second: 1 })
  })
})

describe('POST /cgi-bin/clear_quota (with the token)', () => {
  const ctx = useCatalogue()

  it("resets only the token's own account: 41002 without appid, 40013 for another", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    expect(errcodeOf(await apiPost(emulator, '/cgi-bin/clear_quota', token, {}))).toBe(41002)
    expect(
      errcodeOf(await apiPost(emulator, '/cgi-bin/clear_quota', token, { appid: TEST_ACCOUNT.appid }))
    ).toBe(40013)
    expect(errcodeOf(await apiPost(emulator, '/cgi-bin/clear_quota', token, { appid: 7 }))).toBe(47001)
  })

  it('shares the 10 resets a month with clear_quota/v2, then answers 48006', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    for (let i = 0; i < 5; i++) expect((await clearQuota(emulator, OFFICIAL_ACCOUNT)).json['errcode']).toBe(0)
    for (let i = 0; i < 5; i++) {
      expect(
        errcodeOf(await apiPost(emulator, '/cgi-bin/clear_quota', token, { appid: OFFICIAL_ACCOUNT.appid }))
      ).toBe(0)
    }
    const over = await apiPost(emulator, '/cgi-bin/clear_quota', token, { appid: OFFICIAL_ACCOUNT.appid })
    expect(errcodeOf(over)).toBe(48006)
    expect(errcodeOf(await clearQuota(emulator, OFFICIAL_ACCOUNT))).toBe(48006)
  })
})

describe('POST /cgi-bin/openapi/rid/get', () => {
  const ctx = useCatalogue()

  it('says when, with what and from where the request behind a rid came', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const failed = await apiGet(emulator, '/cgi-bin/user/info', token, { lang: 'zh_CN' })
    expect(errcodeOf(failed)).toBe(41009)
    const rid = ridOf(failed)
    const answer = await apiPost(emulator, '/cgi-bin/openapi/rid/get', token, { rid })
    expect(answer.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      request: {
        invoke_time: Math.floor(clock.now() / 1000),
        cost_in_ms: expect.any(Number),
        request_url: `access_token=${encodeURIComponent(token)}&lang=zh_CN`,
        request_body: '',
        response_body: failed.text,
        client_ip: '127.0.0.1'
      }
    })
    // The rid's first group is that invoke time in hex.
    expect(parseInt(rid.slice(0, 8), 16)).toBe(Math.floor(clock.now() / 1000))
  })

  it("answers a 40164's rid with the caller's address: the definitive answer to a whitelist refusal", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    emulator.addApp({ ...OFFICIAL_ACCOUNT, ipWhitelist: ['203.0.113.7'] })
    const refused = await postJson(emulator, '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: OFFICIAL_ACCOUNT.appid,
      secret: OFFICIAL_ACCOUNT.secret
    })
    expect(errcodeOf(refused)).toBe(40164)
    const looked = await apiPost(emulator, '/cgi-bin/openapi/rid/get', token, { rid: ridOf(refused) })
    expect(looked.json['request']).toMatchObject({
      request_url: '',
      client_ip: '127.0.0.1',
      response_body: refused.text
    })
    expect(
      JSON.parse(String((looked.json['request'] as Record<string, unknown>)['request_body']))
    ).toMatchObject({
      appid: OFFICIAL_ACCOUNT.appid
    })
  })

  it('answers 76002 for a malformed rid, 76001 for an unknown one or one older than 7 days', async () => {
    const { emulator, clock } = ctx
    const rid = ridOf(
      await getToken(emulator, { grant_type: 'client_credential', appid: SANDBOX.appid, secret: 'x' })
    )
    const lookUp = async (value: unknown): Promise<unknown> =>
      errcodeOf(
        await apiPost(emulator, '/cgi-bin/openapi/rid/get', await tokenFor(emulator, SANDBOX), { rid: value })
      )
    expect(await lookUp('')).toBe(76002)
    expect(await lookUp('not-a-rid')).toBe(76002)
    expect(await lookUp(`${rid} `)).toBe(76002)
    expect(await lookUp(1)).toBe(47001)
    expect(await lookUp('00000000-00000000-00000000')).toBe(76001)
    expect(await lookUp(rid)).toBe(0)
    await clock.advance(7 * DAY - 1)
    expect(await lookUp(rid)).toBe(0)
    await clock.advance(1)
    expect(await lookUp(rid)).toBe(76001)
  })

  it("answers 76003 for another account's rid and 76022 for a /sns/ one", async () => {
    const { emulator } = ctx
    const official = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const theirs = ridOf(await apiGet(emulator, '/cgi-bin/menu/get', await tokenFor(emulator, TEST_ACCOUNT)))
    expect(errcodeOf(await apiPost(emulator, '/cgi-bin/openapi/rid/get', official, { rid: theirs }))).toBe(
      76003
    )
    const sns = await call(
      emulator,
      `/sns/jscode2session?appid=${MINI_PROGRAM.appid}&secret=${MINI_PROGRAM.secret}`
    )
    expect(errcodeOf(sns)).toBe(41008)
    const miniProgram = await tokenFor(emulator, MINI_PROGRAM)
    expect(
      errcodeOf(await apiPost(emulator, '/cgi-bin/openapi/rid/get', miniProgram, { rid: ridOf(sns) }))
    ).toBe(76022)
  })
})
