import { afterEach, describe, expect, it } from 'vitest'
import { APPID, SECRET } from '../../../support/keeper-world'
import { localApiWorld, type LocalApiWorld, type HttpAnswer } from '../../../support/local-api-world'

interface Grant {
  access_token: string
  expires_in: number
}
interface WxError {
  errcode: number
  errmsg: string
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001])

/**
 * What an SDK with a configurable API host does (WxJava's WxMpHostConfig, wechatpy's API_BASE_URL,
 * co-wechat-api's prefix): build the WeChat URL on the desk's origin, parse the JSON, branch on errcode,
 * cache the token for expires_in minus a margin, and call the real API with it.
 */
class SdkLikeClient {
  private cached: { token: string; until: number } | null = null
  fetches = 0

  constructor(
    private readonly w: LocalApiWorld,
    private readonly style: 'classic' | 'stable'
  ) {}

  async accessToken(): Promise<string> {
    if (this.cached && this.cached.until > this.w.clock.now()) return this.cached.token
    this.fetches++
    const answer =
      this.style === 'classic'
        ? await this.w.call({
            path: `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`
          })
        : await this.w.call({
            method: 'POST',
            path: '/cgi-bin/stable_token',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              grant_type: 'client_credential',
              appid: APPID,
              secret: SECRET,
              force_refresh: false
            })
          })
    const body = answer.json<Grant & Partial<WxError>>()
    if (body.errcode) throw new Error(`WeChat error ${body.errcode}: ${body.errmsg}`)
    this.cached = { token: body.access_token, until: this.w.clock.now() + (body.expires_in - 200) * 1000 }
    return body.access_token
  }

  /** A real WeChat API call against the emulator, with the token the desk handed out. */
  async callbackIps(): Promise<{ ip_list?: string[]; errcode?: number }> {
    const token = await this.accessToken()
    const res = await fetch(
      `${this.w.emulator.url}/cgi-bin/getcallbackip?access_token=${encodeURIComponent(token)}`
    )
    return (await res.json()) as { ip_list?: string[]; errcode?: number }
  }
}

const wx = (res: HttpAnswer): WxError => {
  expect(res.status).toBe(200) // WeChat reports errors with HTTP 200
  expect(res.headers['content-type']).toBe('application/json; encoding=utf-8')
  return res.json<WxError>()
}

describe('WeChat-compatible token endpoints', () => {
  let w: LocalApiWorld
  afterEach(() => w.close())

  it('GET /cgi-bin/token answers in WeChat’s exact shape with the shared token and its remaining life', async () => {
    w = await localApiWorld({ mode: 'stable' })
    const sdk = new SdkLikeClient(w, 'classic')
    const ips = await sdk.callbackIps()
    expect(ips.ip_list?.length).toBeGreaterThan(0)

    await w.clock.advance(1_000_000)
    const res = await w.call({
      path: `/cgi-bin/token?appid=${APPID}&secret=${SECRET}&grant_type=client_credential`
    })
    expect(res.headers['content-type']).toBe('application/json; encoding=utf-8')
    const body = res.json<Grant>()
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in'])
    expect(body.access_token).toBe(w.keeper.current(w.profileId)?.value)
    expect(body.expires_in).toBe(
      Math.floor((w.keeper.current(w.profileId)!.expiresAt - w.clock.now()) / 1000)
    )
    expect(w.upstreamCalls()).toBe(1)
  })

  it('never mints a token per call: ten SDK instances share one upstream call', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => new SdkLikeClient(w, 'classic').accessToken())
    )
    const stable = await Promise.all(
      Array.from({ length: 10 }, () => new SdkLikeClient(w, 'stable').accessToken())
    )
    expect(new Set([...tokens, ...stable]).size).toBe(1)
    expect(w.emulator.stats(APPID)).toMatchObject({ classic: 1, stable: 0, force: 0 })
  })

  it('POST /cgi-bin/stable_token answers the same shared token', async () => {
    w = await localApiWorld({ mode: 'stable' })
    const held = await w.keeper.ensure(w.profileId)
    const sdk = new SdkLikeClient(w, 'stable')
    expect(await sdk.accessToken()).toBe(held.value)
    expect((await sdk.callbackIps()).ip_list).toBeDefined()
    expect(w.upstreamCalls()).toBe(1)
  })

  it.each([
    ['a wrong secret', `appid=${APPID}&secret=${'f'.repeat(32)}&grant_type=client_credential`, 40125],
    ['a secret of the wrong length', `appid=${APPID}&secret=abc&grant_type=client_credential`, 40125],
    ['an unknown appid', `appid=wx0000000000000000&secret=${SECRET}&grant_type=client_credential`, 40013],
    ['no appid', `secret=${SECRET}&grant_type=client_credential`, 41002],
    ['no secret', `appid=${APPID}&grant_type=client_credential`, 41004],
    ['an empty secret', `appid=${APPID}&secret=&grant_type=client_credential`, 41004],
    ['a wrong grant_type', `appid=${APPID}&secret=${SECRET}&grant_type=authorization_code`, 40002]
  ])('GET /cgi-bin/token with %s → errcode %i with HTTP 200', async (_label, query, errcode) => {
    w = await localApiWorld()
    const body = wx(await w.call({ path: `/cgi-bin/token?${query}` }))
    expect(body.errcode).toBe(errcode)
    expect(typeof body.errmsg).toBe('string')
    expect(w.upstreamCalls()).toBe(0)
  })

  it.each([
    ['GET', undefined, 43002],
    ['POST', '', 44002],
    ['POST', '{"appid":', 47001],
    ['POST', '"just a string"', 47001],
    [
      'POST',
      JSON.stringify({
        grant_type: 'client_credential',
        appid: APPID,
        secret: SECRET,
        force_refresh: 'true'
      }),
      47001
    ],
    ['POST', JSON.stringify({ grant_type: 'client_credential', appid: 42, secret: SECRET }), 47001],
    ['POST', JSON.stringify({ grant_type: 'client_credential', secret: SECRET }), 41002],
    ['POST', JSON.stringify({ grant_type: 'client_credential', appid: APPID }), 41004],
    [
      'POST',
      JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: 'x'.repeat(32) }),
      40125
    ],
    [
      'POST',
      JSON.stringify({ grant_type: 'client_credential', appid: 'wx0000000000000000', secret: SECRET }),
      40013
    ]
  ])('%s /cgi-bin/stable_token with body %j → errcode %i', async (method, body, errcode) => {
    w = await localApiWorld()
    const res = await w.call({ method, path: '/cgi-bin/stable_token', body })
    expect(wx(res).errcode).toBe(errcode)
    expect(w.upstreamCalls()).toBe(0)
  })

  it('answers POST /cgi-bin/token with 43001 (GET only), as WeChat does', async () => {
    w = await localApiWorld()
    const res = await w.call({ method: 'POST', path: `/cgi-bin/token?appid=${APPID}&secret=${SECRET}` })
    expect(wx(res).errcode).toBe(43001)
  })

  it('passes WeChat’s own refusal through in WeChat’s shape, and remembers the ones retrying cannot fix', async () => {
    w = await localApiWorld()
    const ask = async (): Promise<WxError> =>
      wx(
        await w.call({ path: `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}` })
      )
    w.emulator.injectFault('http-500-html')
    expect((await ask()).errcode).toBe(-1) // a transient failure comes back as WeChat's -1, and is not remembered
    w.emulator.injectFault('ip-whitelist')
    const body = await ask()
    expect(body.errcode).toBe(40164)
    expect(body.errmsg).toContain('not in whitelist')
    // Asking again changes nothing until the whitelist does: the same answer, from memory.
    const calls = w.upstreamCalls()
    expect((await ask()).errcode).toBe(40164)
    expect(w.upstreamCalls()).toBe(calls)
    // After the pause (1 min) the desk asks WeChat again by itself, and recovers.
    await w.clock.advance(60_000)
    expect(w.upstreamCalls()).toBe(calls + 1)
    expect((await ask()).errcode).toBeUndefined()
  })

  it('treats force_refresh:true as a passive refresh of the current token, governed: a young token is probed, not replaced', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const force = async (): Promise<Grant> =>
      (
        await w.call({
          method: 'POST',
          path: '/cgi-bin/stable_token',
          body: JSON.stringify({
            grant_type: 'client_credential',
            appid: APPID,
            secret: SECRET,
            force_refresh: true
          })
        })
      ).json<Grant>()
    const first = await w.keeper.ensure(w.profileId)
    await w.clock.advance(30_000)
    const a = await force()
    expect(a.access_token).not.toBe(first.value)
    expect(w.upstreamCalls()).toBe(2)

    await w.clock.advance(10_000)
    const b = await force()
    expect(b.access_token).toBe(a.access_token) // 10 s old and alive (a probe says so): kept, no new token
    expect(w.upstreamCalls()).toBe(2)
    expect(w.emulator.stats(APPID).probe).toBe(1)

    await w.clock.advance(20_000)
    const c = await force()
    expect(c.access_token).not.toBe(a.access_token)
    expect(w.upstreamCalls()).toBe(3)
    expect(w.emulator.stats(APPID).force).toBe(0) // the desk never sends WeChat a force refresh on a caller's word
  })

  it('gives every concurrent force_refresh caller the new token', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const first = await w.keeper.ensure(w.profileId)
    await w.clock.advance(30_000)
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        w.call({
          method: 'POST',
          path: '/cgi-bin/stable_token',
          body: JSON.stringify({
            grant_type: 'client_credential',
            appid: APPID,
            secret: SECRET,
            force_refresh: true
          })
        })
      )
    )
    const tokens = new Set(answers.map((answer) => answer.json<Grant>().access_token))
    expect(tokens.size).toBe(1)
    expect(tokens.has(first.value)).toBe(false)
    expect(w.upstreamCalls()).toBe(2)
  })

  it('hands a classic SDK whose token was killed elsewhere a working token on its first retry', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const sdk = new SdkLikeClient(w, 'classic')
    const token = await sdk.accessToken()
    // Another system mints twice behind the desk's back: the desk's token is dead at once (wechat-api.md §1).
    for (let i = 0; i < 2; i++) {
      await fetch(
        `${w.emulator.url}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`
      )
    }
    const refused = await fetch(
      `${w.emulator.url}/cgi-bin/getcallbackip?access_token=${encodeURIComponent(token)}`
    )
    expect(TOKEN_ERRORS.has(((await refused.json()) as WxError).errcode)).toBe(true)
    // The SDK drops its cache and asks again at once: the desk verifies the token it handed out a moment ago.
    const retry = new SdkLikeClient(w, 'classic')
    expect((await retry.callbackIps()).ip_list).toBeDefined()
    expect(await retry.accessToken()).not.toBe(token)
    // …and says who did it.
    expect(w.keeper.view(w.profileId).stomping).toMatchObject({ countToday: 1 })
  })
})

describe('the request log of the WeChat-compatible endpoints', () => {
  let w: LocalApiWorld
  afterEach(() => w.close())

  it('keeps the errcode of a refusal answered with HTTP 200, so the panel does not show it as a success', async () => {
    w = await localApiWorld()
    const answer = await w.call({
      path: `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${'0'.repeat(32)}`
    })
    expect(answer.status).toBe(200)
    const entry = w.requestLog.since(0).find((e) => e.route === '/cgi-bin/token')
    expect(entry).toMatchObject({ status: 200, errcode: 40125 })
  })
})
