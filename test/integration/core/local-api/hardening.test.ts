import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APPID, SECRET } from '../../../support/keeper-world'
import {
  localApiWorld,
  parseRawResponse,
  rawExchange,
  type LocalApiWorld
} from '../../../support/local-api-world'

interface ErrorBody {
  error: { code: string; message: string }
}

describe('hardening of the local API', () => {
  let w: LocalApiWorld
  beforeAll(async () => {
    w = await localApiWorld(
      {},
      {
        timeouts: { headersMs: 400, requestMs: 600, checkIntervalMs: 100, keepAliveMs: 1_000, idleMs: 5_000 }
      }
    )
  })
  afterAll(() => w.close())

  it.each([
    ['a foreign name (DNS rebinding)', 'evil.example'],
    ['a foreign name with our port', 'evil.example:PORT'],
    ['our address with another port', '127.0.0.1:1'],
    ['a LAN address', '192.168.1.10:PORT'],
    ['the address without the port', '127.0.0.1']
  ])('refuses a Host header naming %s (403)', async (_label, host) => {
    const res = await w.authed({
      path: `/v1/apps/${APPID}/access-token`,
      host: host.replace('PORT', String(w.port))
    })
    expect(res.status).toBe(403)
    expect(res.json<ErrorBody>().error.code).toBe('forbidden-host')
    expect(w.upstreamCalls()).toBe(0)
  })

  it('accepts 127.0.0.1:PORT and localhost:PORT in any case', async () => {
    for (const host of [`127.0.0.1:${w.port}`, `localhost:${w.port}`, `LOCALHOST:${w.port}`]) {
      expect((await w.call({ path: '/healthz', host })).status).toBe(200)
    }
  })

  it('refuses a request with two Host headers (400), whichever comes first', async () => {
    for (const [first, second] of [
      [`127.0.0.1:${w.port}`, 'evil.example'],
      ['evil.example', `127.0.0.1:${w.port}`],
      [`127.0.0.1:${w.port}`, `127.0.0.1:${w.port}`]
    ]) {
      const raw = await rawExchange(
        w.port,
        `GET /v1/apps/${APPID}/access-token HTTP/1.1\r\nHost: ${first}\r\nAuthorization: Bearer ${w.key}\r\n` +
          `Host: ${second}\r\nConnection: close\r\n\r\n`
      )
      const res = parseRawResponse(raw)
      expect(res?.status, `${first} then ${second}`).toBeGreaterThanOrEqual(400)
      expect(res?.status).toBeLessThan(500)
      expect(res?.body).not.toContain('access_token')
    }
    const own = `127.0.0.1:${w.port}`
    const twice = parseRawResponse(
      await rawExchange(w.port, `GET /healthz HTTP/1.1\r\nHost: ${own}\r\nhost: ${own}\r\n\r\n`)
    )
    expect(twice?.status).toBe(400)
    expect(JSON.parse(twice?.body ?? '')).toMatchObject({ error: { code: 'bad-request' } })
    expect(w.upstreamCalls()).toBe(0)
  })

  it('refuses an HTTP/1.0 request without a Host header', async () => {
    const raw = await rawExchange(w.port, 'GET /healthz HTTP/1.0\r\n\r\n')
    const res = parseRawResponse(raw)
    expect(res?.status).toBe(403)
  })

  it('sends no CORS headers, and a browser preflight gets 405', async () => {
    const origin = { origin: 'https://evil.example', 'access-control-request-method': 'GET' }
    const preflight = await w.call({
      method: 'OPTIONS',
      path: `/v1/apps/${APPID}/access-token`,
      headers: origin
    })
    expect(preflight.status).toBe(405)
    const get = await w.authed({ path: '/v1/apps', headers: { origin: 'https://evil.example' } })
    for (const res of [preflight, get]) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    }
  })

  it('refuses a declared body over 16 KB with 413 and closes the connection', async () => {
    const res = await w.authed({
      method: 'POST',
      path: `/v1/apps/${APPID}/access-token/refresh`,
      body: 'x'.repeat(16 * 1024 + 1)
    })
    expect(res.status).toBe(413)
    expect(res.headers['connection']).toBe('close')
  })

  it('refuses a chunked body that grows past 16 KB with 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: w.port,
          method: 'POST',
          path: '/cgi-bin/stable_token',
          headers: { 'transfer-encoding': 'chunked' },
          agent: false
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        }
      )
      req.on('error', reject)
      for (let i = 0; i < 20; i++) req.write('y'.repeat(1024))
      req.end()
    })
    expect(status).toBe(413)
  })

  it('drops a client that sends its headers too slowly, with a 408 JSON answer', async () => {
    const started = Date.now()
    const raw = await new Promise<string>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: w.port })
      let data = ''
      socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')))
      socket.on('close', () => resolve(data))
      socket.on('error', () => undefined)
      socket.write(`GET /v1/apps HTTP/1.1\r\nHost: 127.0.0.1:${w.port}\r\n`) // …and never finishes
    })
    const res = parseRawResponse(raw)
    expect(res?.status).toBe(408)
    expect(JSON.parse(res?.body ?? '')).toMatchObject({ error: { code: 'request-timeout' } })
    expect(Date.now() - started).toBeLessThan(3_000)
  })

  it('answers a malformed request with a 400 JSON error', async () => {
    const res = parseRawResponse(await rawExchange(w.port, 'GET /healthz HTTP/9.9 nonsense\r\n\r\n'))
    expect(res?.status).toBe(400)
    expect(res?.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(res?.body ?? '')).toMatchObject({ error: { code: 'bad-request' } })
  })

  it('answers oversized headers with a 431 JSON error', async () => {
    const huge = `X-Filler: ${'z'.repeat(20_000)}\r\n`
    const res = parseRawResponse(
      await rawExchange(w.port, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${w.port}\r\n${huge}\r\n`)
    )
    expect(res?.status).toBe(431)
    expect(JSON.parse(res?.body ?? '')).toMatchObject({ error: { code: 'headers-too-large' } })
  })

  it('still serves after all of the above', async () => {
    expect((await w.call({ path: '/healthz' })).status).toBe(200)
  })

  it('never returns the API key or the AppSecret, and never logs them or a query string', async () => {
    const attempts = [
      w.call({ path: `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}` }),
      w.call({ path: `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}x` }),
      w.call({ path: `/v1/apps/${w.key}/access-token`, headers: { authorization: `Bearer ${w.key}` } }),
      w.call({ path: `/nothing/${w.key}?secret=${SECRET}` }),
      w.call({ path: `/v1/apps?key=${w.key}` }),
      w.authed({ path: '/v1/apps' }),
      w.authed({ path: `/v1/apps/${APPID}/access-token` }),
      w.authed({
        method: 'POST',
        path: `/v1/apps/${APPID}/access-token/refresh`,
        body: JSON.stringify({ stale_token: SECRET })
      }),
      w.call({
        method: 'POST',
        path: '/cgi-bin/stable_token',
        body: JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET })
      })
    ]
    await Promise.all(attempts)
    for (const body of w.bodies) {
      expect(body).not.toContain(w.key)
      expect(body).not.toContain(SECRET)
    }
    const log = JSON.stringify(w.requestLog.recent())
    expect(w.requestLog.recent().length).toBeGreaterThan(5)
    expect(log).not.toContain(w.key)
    expect(log).not.toContain(SECRET)
    expect(log).not.toContain('?')
    const token = w.keeper.current(w.profileId)?.value ?? 'no token'
    expect(log).not.toContain(token)
  })
})
