import { describe, expect, it } from 'vitest'
import { ManualClock } from '../../../../src/core/time/clock'
import { json } from '../../../support/upstream-server'
import { APPID, clientHarness, RID, SECRET, TOKEN } from './client-harness'

const h = clientHarness()

describe('GET /cgi-bin/token', () => {
  it('returns the grant and reports one redacted ok call', async () => {
    const clock = new ManualClock()
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const result = await h.client({ clock }).getToken(h.tokenParams())

    expect(result).toMatchObject({ ok: true, value: { accessToken: TOKEN, expiresIn: 7200 } })
    const [req] = h.upstream.requests
    expect(req?.method).toBe('GET')
    const sent = new URL(req?.url ?? '', h.upstream.base)
    expect(sent.pathname).toBe('/cgi-bin/token')
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      grant_type: 'client_credential',
      appid: APPID,
      secret: SECRET
    })
    expect(h.calls).toHaveLength(1)
    expect(h.calls[0]).toEqual(result.call)
    expect(result.call).toMatchObject({
      endpoint: '/cgi-bin/token',
      method: 'GET',
      at: clock.now(),
      httpStatus: 200,
      errcode: null,
      rid: null,
      outcome: 'ok',
      detail: null
    })
    expect(result.call.url).toBe(
      `${h.upstream.base}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=***`
    )
  })

  it('joins a path-prefixed apiBase with or without a trailing slash', async () => {
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = h.client()
    for (const apiBase of [`${h.upstream.base}/wx`, `${h.upstream.base}/wx/`, `${h.upstream.base}/wx//`]) {
      const result = await c.getToken({ ...h.tokenParams(), apiBase })
      expect(result.ok).toBe(true)
      expect(result.call.url.startsWith(`${h.upstream.base}/wx/cgi-bin/token?`)).toBe(true)
    }
    expect(h.upstream.requests.map((r) => new URL(r.url, h.upstream.base).pathname)).toEqual([
      '/wx/cgi-bin/token',
      '/wx/cgi-bin/token',
      '/wx/cgi-bin/token'
    ])
  })

  it('reads an errcode that comes with HTTP 200 as a WeChat failure, with its rid', async () => {
    const errmsg = `invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: ${RID}`
    h.upstream.answer(json({ errcode: 40164, errmsg }))
    const result = await h.client().getToken(h.tokenParams())

    expect(result).toMatchObject({ ok: false, failure: { kind: 'wechat', errcode: 40164, errmsg, rid: RID } })
    expect(result.call).toMatchObject({
      httpStatus: 200,
      errcode: 40164,
      rid: RID,
      outcome: 'error',
      detail: errmsg
    })
  })

  it('parses JSON labelled text/plain', async () => {
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }, 200, 'text/plain'))
    const result = await h.client().getToken(h.tokenParams())
    expect(result).toMatchObject({ ok: true, value: { accessToken: TOKEN, expiresIn: 7200 } })
  })

  it('accepts a success body that carries errcode 0', async () => {
    h.upstream.answer(json({ errcode: 0, errmsg: 'ok', access_token: TOKEN, expires_in: 7200 }))
    expect((await h.client().getToken(h.tokenParams())).ok).toBe(true)
  })
})

describe('POST /cgi-bin/stable_token', () => {
  it.each([false, true])('sends the JSON body with force_refresh %s', async (forceRefresh) => {
    h.upstream.answer(json({ access_token: TOKEN, expires_in: forceRefresh ? 7200 : 345 }))
    const result = await h.client().getStableToken({ ...h.tokenParams(), forceRefresh })

    expect(result).toMatchObject({
      ok: true,
      value: { accessToken: TOKEN, expiresIn: forceRefresh ? 7200 : 345 }
    })
    const [req] = h.upstream.requests
    expect(req?.method).toBe('POST')
    expect(req?.url).toBe('/cgi-bin/stable_token')
    expect(req?.headers['content-type']).toBe('application/json')
    expect(JSON.parse(req?.body ?? '')).toEqual({
      grant_type: 'client_credential',
      appid: APPID,
      secret: SECRET,
      force_refresh: forceRefresh
    })
    expect(result.call).toMatchObject({
      endpoint: '/cgi-bin/stable_token',
      method: 'POST',
      url: `${h.upstream.base}/cgi-bin/stable_token`,
      outcome: 'ok'
    })
  })

  it('posts to a path-prefixed apiBase', async () => {
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    await h
      .client()
      .getStableToken({ ...h.tokenParams(), apiBase: `${h.upstream.base}/wx/`, forceRefresh: false })
    expect(h.upstream.requests[0]?.url).toBe('/wx/cgi-bin/stable_token')
  })

  it('reports 45009 with its errmsg', async () => {
    h.upstream.answer(json({ errcode: 45009, errmsg: `reach max api daily quota limit rid: ${RID}` }))
    const result = await h.client().getStableToken({ ...h.tokenParams(), forceRefresh: true })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'wechat', errcode: 45009, rid: RID } })
  })
})

describe('GET /cgi-bin/getcallbackip', () => {
  it('returns the ip list (CIDR entries included) and masks the token in the logged URL', async () => {
    h.upstream.answer(json({ ip_list: ['101.226.103.0/25', '101.89.47.18'] }))
    const result = await h.client().getCallbackIp({ apiBase: h.upstream.base, accessToken: TOKEN })

    expect(result).toMatchObject({ ok: true, value: { ipList: ['101.226.103.0/25', '101.89.47.18'] } })
    const sent = new URL(h.upstream.requests[0]?.url ?? '', h.upstream.base)
    expect(sent.pathname).toBe('/cgi-bin/getcallbackip')
    expect(sent.searchParams.get('access_token')).toBe(TOKEN)
    expect(result.call.url).toBe(`${h.upstream.base}/cgi-bin/getcallbackip?access_token=***`)
  })

  it('reports a superseded token as 40001', async () => {
    h.upstream.answer(
      json({
        errcode: 40001,
        errmsg: `invalid credential, access_token is invalid or not latest rid: ${RID}`
      })
    )
    const result = await h.client().getCallbackIp({ apiBase: h.upstream.base, accessToken: TOKEN })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'wechat', errcode: 40001 } })
  })

  it('reports a body without ip_list as bad-body', async () => {
    h.upstream.answer(json({ ip_list: 'nope' }))
    const result = await h.client().getCallbackIp({ apiBase: h.upstream.base, accessToken: TOKEN })
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'bad-body', reason: expect.stringContaining('ip_list') }
    })
  })
})
