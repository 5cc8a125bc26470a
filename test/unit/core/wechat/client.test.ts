import { Agent } from 'undici'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../../src/core/time/clock'
import {
  createWeChatClient,
  failureToDeskError,
  type UpstreamCall,
  type WeChatClient
} from '../../../../src/core/wechat'
import type { WeChatClientOptions } from '../../../../src/core/wechat/client'
import { freePort, json, startUpstream, type Handler, type Upstream } from '../../../support/upstream-server'

const APPID = 'wx0123456789abcdef'
const SECRET = 'f3a9c1d2e4b5a6978877665544332211'
const TOKEN =
  '84_vWP_BMIMqPz8Xo3LkTqW9sYd2Fh7Jn4Rb6Uc1Ve5Ga8Hm0Kp3Ls6Nt9Qw2Ex5Zy7Ab0Cd3Ef6Gh9Ij2Kl5Mn8Op1Qr4St7Uv0'
const RID = '617682e0-0f4a2c7b-1d2e3f40'

let upstream: Upstream
const clients: WeChatClient[] = []
let calls: UpstreamCall[] = []

beforeAll(async () => {
  upstream = await startUpstream()
})
afterAll(async () => {
  await upstream.close()
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()))
  calls = []
})

function client(opts: WeChatClientOptions = {}): WeChatClient {
  const created = createWeChatClient({ timeoutMs: 2000, onCall: (c) => calls.push(c), ...opts })
  clients.push(created)
  return created
}

const tokenParams = () => ({ apiBase: upstream.base, appid: APPID, secret: SECRET })

describe('GET /cgi-bin/token', () => {
  it('returns the grant and reports one redacted ok call', async () => {
    const clock = new ManualClock()
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const result = await client({ clock }).getToken(tokenParams())

    expect(result).toMatchObject({ ok: true, value: { accessToken: TOKEN, expiresIn: 7200 } })
    const [req] = upstream.requests
    expect(req?.method).toBe('GET')
    const sent = new URL(req?.url ?? '', upstream.base)
    expect(sent.pathname).toBe('/cgi-bin/token')
    expect(Object.fromEntries(sent.searchParams)).toEqual({
      grant_type: 'client_credential',
      appid: APPID,
      secret: SECRET
    })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toEqual(result.call)
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
      `${upstream.base}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=***`
    )
  })

  it('joins a path-prefixed apiBase with or without a trailing slash', async () => {
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = client()
    for (const apiBase of [`${upstream.base}/wx`, `${upstream.base}/wx/`, `${upstream.base}/wx//`]) {
      const result = await c.getToken({ ...tokenParams(), apiBase })
      expect(result.ok).toBe(true)
      expect(result.call.url.startsWith(`${upstream.base}/wx/cgi-bin/token?`)).toBe(true)
    }
    expect(upstream.requests.map((r) => new URL(r.url, upstream.base).pathname)).toEqual([
      '/wx/cgi-bin/token',
      '/wx/cgi-bin/token',
      '/wx/cgi-bin/token'
    ])
  })

  it('reads an errcode that comes with HTTP 200 as a WeChat failure, with its rid', async () => {
    const errmsg = `invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: ${RID}`
    upstream.answer(json({ errcode: 40164, errmsg }))
    const result = await client().getToken(tokenParams())

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
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }, 200, 'text/plain'))
    const result = await client().getToken(tokenParams())
    expect(result).toMatchObject({ ok: true, value: { accessToken: TOKEN, expiresIn: 7200 } })
  })

  it('accepts a success body that carries errcode 0', async () => {
    upstream.answer(json({ errcode: 0, errmsg: 'ok', access_token: TOKEN, expires_in: 7200 }))
    expect((await client().getToken(tokenParams())).ok).toBe(true)
  })

  it('reports an HTML 502 as http-status with a short snippet', async () => {
    upstream.answer(json('<html><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>', 502, 'text/html'))
    const result = await client().getToken(tokenParams())

    expect(result).toMatchObject({ ok: false, failure: { kind: 'http-status', status: 502 } })
    if (result.ok || result.failure.kind !== 'http-status') throw new Error('expected http-status')
    expect(result.failure.snippet).toContain('502 Bad Gateway')
    expect(result.failure.snippet).not.toContain('\n')
    expect(result.call).toMatchObject({ httpStatus: 502, errcode: null, outcome: 'error' })
  })

  it('treats an errcode relayed with a non-2xx status as a WeChat failure', async () => {
    upstream.answer(json({ errcode: -1, errmsg: 'system error' }, 503))
    const result = await client().getToken(tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'wechat', errcode: -1 } })
    expect(result.call.httpStatus).toBe(503)
  })

  it.each([
    [
      'an HTML page',
      '<!DOCTYPE html><html><body>Portal login</body></html>',
      'text/html',
      'HTML instead of JSON'
    ],
    ['an empty body', '', 'application/json', 'empty body'],
    ['truncated JSON', `{"access_token":"${TOKEN.slice(0, 20)}`, 'application/json', 'truncated JSON'],
    ['malformed JSON', '{"access_token": nope}', 'application/json', 'malformed JSON'],
    ['plain text', 'OK', 'text/plain', 'not JSON'],
    ['a JSON array', '[1,2]', 'application/json', 'JSON is not an object'],
    ['no expires_in', `{"access_token":"${TOKEN}"}`, 'application/json', 'expires_in'],
    ['no access_token', '{"expires_in":7200}', 'application/json', 'access_token'],
    ['an empty access_token', '{"access_token":"","expires_in":7200}', 'application/json', 'access_token'],
    ['expires_in as a string', `{"access_token":"x","expires_in":"7200"}`, 'application/json', 'expires_in'],
    ['a zero expires_in', `{"access_token":"x","expires_in":0}`, 'application/json', 'expires_in'],
    ['errcode 0 only', '{"errcode":0,"errmsg":"ok"}', 'application/json', 'access_token'],
    ['a non-numeric errcode', '{"errcode":"oops"}', 'application/json', 'errcode']
  ])('reports HTTP 200 with %s as bad-body', async (_name, body, contentType, reason) => {
    upstream.answer(json(body, 200, contentType))
    const result = await client().getToken(tokenParams())

    expect(result.ok).toBe(false)
    if (result.ok || result.failure.kind !== 'bad-body') throw new Error('expected bad-body')
    expect(result.failure).toMatchObject({ status: 200, contentType })
    expect(result.failure.reason).toContain(reason)
    expect(result.call).toMatchObject({ httpStatus: 200, errcode: null, outcome: 'error' })
    expect(result.call.detail).toContain(reason)
  })

  it('refuses a body larger than 1 MB', async () => {
    upstream.answer(json(`{"access_token":"${'a'.repeat(2 * 1024 * 1024)}","expires_in":7200}`))
    const result = await client().getToken(tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-body', status: 200 } })
    if (result.ok || result.failure.kind !== 'bad-body') throw new Error('expected bad-body')
    expect(result.failure.reason).toContain('larger than')
  })

  it('reports a body cut off mid-stream as bad-body', async () => {
    upstream.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
      res.write('{"access_token":"84_')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const result = await client().getToken(tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-body', status: 200 } })
    expect(result.call.httpStatus).toBe(200)
  })

  it('times out within timeoutMs when the server never answers', async () => {
    upstream.answer(() => undefined)
    const started = performance.now()
    const result = await client({ timeoutMs: 200 }).getToken(tokenParams())
    const took = performance.now() - started

    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', afterMs: 200 } })
    expect(took).toBeGreaterThanOrEqual(190)
    expect(took).toBeLessThan(1500)
    expect(result.call).toMatchObject({ httpStatus: null, outcome: 'error' })
    expect(calls).toHaveLength(1)
  })

  it('times out when the body stalls after the headers', async () => {
    upstream.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"access_token":')
    })
    const result = await client({ timeoutMs: 200 }).getToken(tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', afterMs: 200 } })
    expect(result.call.httpStatus).toBe(200)
  })

  it('treats a timeout raised by an injected dispatcher as a timeout', async () => {
    const agent = new Agent({ headersTimeout: 100 })
    upstream.answer(() => undefined)
    const result = await client({ dispatcher: agent, timeoutMs: 5000 }).getToken(tokenParams())
    await agent.close()
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' } })
    if (result.ok || result.failure.kind !== 'timeout') throw new Error('expected timeout')
    expect(result.failure.afterMs).toBeLessThan(5000)
  })

  it('reports a reset connection as a network failure, without retrying', async () => {
    upstream.answer((req) => req.socket.resetAndDestroy())
    const result = await client().getToken(tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } })
    expect(result.call).toMatchObject({ httpStatus: null, outcome: 'error' })
    expect(upstream.requests).toHaveLength(1)
    expect(calls).toHaveLength(1)
  })

  it('reports a refused port as a network failure', async () => {
    const port = await freePort()
    const result = await client().getToken({ ...tokenParams(), apiBase: `http://127.0.0.1:${port}` })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } })
    if (result.ok || result.failure.kind !== 'network') throw new Error('expected network')
    expect(result.failure.message).toContain('refused')
    expect(calls).toHaveLength(1)
  })

  it('reports an unusable apiBase as a network failure without sending anything', async () => {
    for (const apiBase of ['api.weixin.qq.com', 'ftp://api.weixin.qq.com']) {
      const result = await client().getToken({ ...tokenParams(), apiBase })
      expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } })
      expect(result.call.url).not.toContain(SECRET)
    }
    expect(calls).toHaveLength(2)
  })
})

describe('POST /cgi-bin/stable_token', () => {
  it.each([false, true])('sends the JSON body with force_refresh %s', async (forceRefresh) => {
    upstream.answer(json({ access_token: TOKEN, expires_in: forceRefresh ? 7200 : 345 }))
    const result = await client().getStableToken({ ...tokenParams(), forceRefresh })

    expect(result).toMatchObject({
      ok: true,
      value: { accessToken: TOKEN, expiresIn: forceRefresh ? 7200 : 345 }
    })
    const [req] = upstream.requests
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
      url: `${upstream.base}/cgi-bin/stable_token`,
      outcome: 'ok'
    })
  })

  it('posts to a path-prefixed apiBase', async () => {
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    await client().getStableToken({ ...tokenParams(), apiBase: `${upstream.base}/wx/`, forceRefresh: false })
    expect(upstream.requests[0]?.url).toBe('/wx/cgi-bin/stable_token')
  })

  it('reports 45009 with its errmsg', async () => {
    upstream.answer(json({ errcode: 45009, errmsg: `reach max api daily quota limit rid: ${RID}` }))
    const result = await client().getStableToken({ ...tokenParams(), forceRefresh: true })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'wechat', errcode: 45009, rid: RID } })
  })
})

describe('GET /cgi-bin/getcallbackip', () => {
  it('returns the ip list (CIDR entries included) and masks the token in the logged URL', async () => {
    upstream.answer(json({ ip_list: ['101.226.103.0/25', '101.89.47.18'] }))
    const result = await client().getCallbackIp({ apiBase: upstream.base, accessToken: TOKEN })

    expect(result).toMatchObject({ ok: true, value: { ipList: ['101.226.103.0/25', '101.89.47.18'] } })
    const sent = new URL(upstream.requests[0]?.url ?? '', upstream.base)
    expect(sent.pathname).toBe('/cgi-bin/getcallbackip')
    expect(sent.searchParams.get('access_token')).toBe(TOKEN)
    expect(result.call.url).toBe(`${upstream.base}/cgi-bin/getcallbackip?access_token=***`)
  })

  it('reports a superseded token as 40001', async () => {
    upstream.answer(
      json({
        errcode: 40001,
        errmsg: `invalid credential, access_token is invalid or not latest rid: ${RID}`
      })
    )
    const result = await client().getCallbackIp({ apiBase: upstream.base, accessToken: TOKEN })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'wechat', errcode: 40001 } })
  })

  it('reports a body without ip_list as bad-body', async () => {
    upstream.answer(json({ ip_list: 'nope' }))
    const result = await client().getCallbackIp({ apiBase: upstream.base, accessToken: TOKEN })
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: 'bad-body', reason: expect.stringContaining('ip_list') }
    })
  })
})

describe('redaction', () => {
  /** A hostile or buggy upstream that echoes everything it was sent. */
  const echoRequest: Handler[] = [
    (req, res, body) => {
      res.writeHead(502, { 'content-type': 'text/html' })
      res.end(`<html><body>Bad Gateway for ${req.url ?? ''} ${body}</body></html>`)
    },
    (req, res, body) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end(`<html>login first: ${req.url ?? ''} ${body}</html>`)
    },
    (req, res, body) => {
      const sent = `${decodeURIComponent(req.url ?? '')} ${body}`.replace(/[&?={}":,]/g, ' ')
      json({ errcode: 40013, errmsg: `invalid appid, you sent ${sent}` })(req, res, body)
    }
  ]
  const echoes: Handler[] = [
    ...echoRequest,
    json({ errcode: 40125, errmsg: `invalid appsecret ${SECRET} for ${TOKEN}` }),
    json({ access_token: TOKEN }),
    json(`{"access_token":"${TOKEN}","secret":"${SECRET}"`),
    json({ errcode: 40001, errmsg: `token ${encodeURIComponent(TOKEN)} secret=${SECRET}&x=1` })
  ]

  it('never puts the AppSecret or a token into calls, failures or DeskErrors', async () => {
    const c = client()
    const seen: unknown[] = []
    for (const handler of echoes) {
      upstream.answer(handler)
      const results = [
        await c.getToken(tokenParams()),
        await c.getStableToken({ ...tokenParams(), forceRefresh: false }),
        await c.getCallbackIp({ apiBase: upstream.base, accessToken: TOKEN })
      ]
      for (const r of results) {
        expect(r.ok).toBe(false)
        if (r.ok) continue
        seen.push(r.failure, r.call)
        for (const context of ['token-fetch', 'token-use', 'oauth', 'other'] as const) {
          seen.push(failureToDeskError(r.failure, context))
        }
      }
    }
    seen.push(...calls)
    const everything = JSON.stringify(seen)
    expect(everything).not.toContain(SECRET)
    expect(everything).not.toContain(TOKEN)
    expect(everything).not.toContain(TOKEN.slice(0, 20))
    expect(everything).toContain('***')
  })

  it('masks credentials of any shape that it sent, when they are echoed back', async () => {
    const secret = 'odd.Secret~shape!'
    const token = 'odd~token.shape'
    const c = client()
    const seen: unknown[] = []
    for (const handler of echoRequest) {
      upstream.answer(handler)
      seen.push(
        await c.getToken({ ...tokenParams(), secret }),
        await c.getStableToken({ ...tokenParams(), secret, forceRefresh: true }),
        await c.getCallbackIp({ apiBase: upstream.base, accessToken: token })
      )
    }
    expect(upstream.requests.length).toBeGreaterThan(0)
    const everything = JSON.stringify([seen, calls])
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain(token)
  })

  it('keeps the secret out of timeout and network failures too', async () => {
    upstream.answer(() => undefined)
    const timedOut = await client({ timeoutMs: 100 }).getToken(tokenParams())
    const refused = await client().getToken({
      ...tokenParams(),
      apiBase: `http://127.0.0.1:${await freePort()}`
    })
    const everything = JSON.stringify([timedOut, refused, calls])
    expect(everything).not.toContain(SECRET)
  })
})

describe('lifecycle', () => {
  it('close() shuts its own agent; later calls fail as network and are still reported', async () => {
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = client()
    expect((await c.getToken(tokenParams())).ok).toBe(true)
    await c.close()
    await c.close()
    const after = await c.getToken(tokenParams())
    expect(after).toMatchObject({
      ok: false,
      failure: { kind: 'network', message: expect.stringContaining('closed') }
    })
    expect(calls).toHaveLength(2)
  })

  it('uses an injected dispatcher and leaves it open on close()', async () => {
    const agent = new Agent()
    let dispatched = 0
    const counting = agent.compose((dispatch) => (opts, handler) => {
      dispatched++
      return dispatch(opts, handler)
    })
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = client({ dispatcher: counting })
    expect((await c.getToken(tokenParams())).ok).toBe(true)
    await c.close()
    expect(dispatched).toBe(1)
    expect(agent.closed).toBe(false)
    await agent.close()
  })

  it('a throwing onCall listener does not change the result', async () => {
    upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = client({
      onCall: () => {
        throw new Error('logger broke')
      }
    })
    expect((await c.getToken(tokenParams())).ok).toBe(true)
  })

  it('serves concurrent calls independently', async () => {
    let n = 0
    upstream.answer((_req, res) => {
      n++
      const mine = n
      setTimeout(
        () => json({ access_token: `${TOKEN}${mine}`, expires_in: 7200 })(_req, res, ''),
        10 * (5 - mine)
      )
    })
    const c = client()
    const results = await Promise.all([1, 2, 3, 4].map(() => c.getToken(tokenParams())))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => (r.ok ? r.value.accessToken : ''))).size).toBe(4)
    expect(calls).toHaveLength(4)
  })
})
