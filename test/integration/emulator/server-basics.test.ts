import { describe, expect, it } from 'vitest'
import { SANDBOX_APP, SANDBOX_APPID, SANDBOX_SECRET, createEmulator } from '../../../src/emulator'
import { ManualClock } from '../../../src/core/time/clock'
import { parseRawResponse, rawExchange } from '../../support/raw-http'
import {
  MINUTE,
  NORMAL_APP,
  SECOND,
  call,
  classicFor,
  postJson,
  probe,
  stableFor,
  tokenOf,
  useEmulator
} from '../../support/emulator-client'

const RID = /rid: ([0-9a-f]{8})-([0-9a-f]{8})-([0-9a-f]{8})$/

describe('emulator lifecycle', () => {
  it('has no url before start, listens on 127.0.0.1 after it, and none after close', async () => {
    const emulator = createEmulator({ apps: [] })
    expect(emulator.running).toBe(false)
    expect(() => emulator.url).toThrow(/not running/)
    const url = await emulator.start()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(emulator.url).toBe(url)
    expect(await emulator.start()).toBe(url)
    await emulator.close()
    expect(emulator.running).toBe(false)
    expect(() => emulator.url).toThrow()
    await emulator.close()
  })

  it('ends up closed when close() is called while start() is still in flight', async () => {
    const emulator = createEmulator({ apps: [] })
    const starting = emulator.start()
    await emulator.close()
    await starting
    expect(emulator.running).toBe(false)
    expect(() => emulator.url).toThrow()
  })

  it('rejects start() when the port is taken, and can start once it is free', async () => {
    const first = createEmulator({ apps: [] })
    const port = Number(new URL(await first.start()).port)
    const second = createEmulator({ apps: [], port })
    await expect(second.start()).rejects.toMatchObject({ code: 'EADDRINUSE' })
    expect(second.running).toBe(false)
    await first.close()
    expect(await second.start()).toBe(`http://127.0.0.1:${port}`)
    await second.close()
  })

  it('serves the sandbox account when no accounts are given', async () => {
    expect(SANDBOX_APPID).toMatch(/^wx[0-9a-f]{16}$/)
    expect(SANDBOX_SECRET).toMatch(/^[0-9a-f]{32}$/)
    expect(SANDBOX_APP).toMatchObject({
      appid: SANDBOX_APPID,
      secret: SANDBOX_SECRET,
      accountType: 'test',
      name: 'Sandbox'
    })
    const emulator = createEmulator({ clock: new ManualClock() })
    await emulator.start()
    try {
      expect((await classicFor(emulator, SANDBOX_APP)).json['expires_in']).toBe(7200)
      expect((await stableFor(emulator, SANDBOX_APP)).json['expires_in']).toBe(7200)
    } finally {
      await emulator.close()
    }
  })
})

describe('emulator HTTP conventions', () => {
  const ctx = useEmulator()

  it('ends every errmsg with a rid whose first group is the request time in hex seconds', async () => {
    const { emulator, clock } = ctx
    const first = await classicFor(emulator, { ...NORMAL_APP, secret: 'wrong' })
    const match = RID.exec(String(first.json['errmsg']))
    expect(match?.[1]).toBe(Math.floor(clock.now() / 1000).toString(16))

    await clock.advance(90 * SECOND)
    const later = await probe(emulator, 'garbage')
    const laterMatch = RID.exec(String(later.json['errmsg']))
    expect(parseInt(laterMatch?.[1] ?? '', 16)).toBe(Math.floor(clock.now() / 1000))
    expect(laterMatch?.[2]).not.toBe(match?.[2])
  })

  it('answers an unknown path with HTTP 404 and says which', async () => {
    const answer = await call(ctx.emulator, '/cgi-bin/does_not_exist?x=1')
    expect(answer.status).toBe(404)
    expect(answer.json).toEqual({
      errcode: 404,
      errmsg: 'emulator: no such endpoint /cgi-bin/does_not_exist'
    })
  })

  it('refuses a body over 16 KB with HTTP 413', async () => {
    const { emulator } = ctx
    const big = JSON.stringify({ appid: NORMAL_APP.appid, padding: 'x'.repeat(17 * 1024) })
    const answer = await postJson(emulator, '/cgi-bin/stable_token', big)
    expect(answer.status).toBe(413)
    expect(answer.json['errcode']).toBe(413)
    const justUnder = JSON.stringify({
      grant_type: 'client_credential',
      appid: NORMAL_APP.appid,
      secret: NORMAL_APP.secret,
      padding: 'x'.repeat(16 * 1024 - 200)
    })
    expect((await postJson(emulator, '/cgi-bin/stable_token', justUnder)).json['expires_in']).toBe(7200)
  })

  it('sends no CORS headers, even to a preflight', async () => {
    const { emulator } = ctx
    const answers = [
      await classicFor(emulator, NORMAL_APP),
      await call(emulator, '/cgi-bin/stable_token', {
        method: 'OPTIONS',
        headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' }
      })
    ]
    for (const answer of answers) {
      expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([])
    }
  })

  it('says nosniff on every answer: JSON, errors and pages', async () => {
    const { emulator } = ctx
    const answers = [
      await classicFor(emulator, NORMAL_APP),
      await classicFor(emulator, { ...NORMAL_APP, secret: 'wrong' }),
      await call(emulator, '/cgi-bin/does_not_exist'),
      await call(emulator, '/connect/oauth2/authorize')
    ]
    for (const answer of answers) expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('answers only requests whose Host names it (127.0.0.1:port or localhost:port)', async () => {
    const { emulator } = ctx
    const port = Number(new URL(emulator.url).port)
    const classic = `/cgi-bin/token?grant_type=client_credential&appid=${NORMAL_APP.appid}&secret=${NORMAL_APP.secret}`
    const ask = async (...hosts: string[]) =>
      parseRawResponse(
        await rawExchange(
          port,
          `GET ${classic} HTTP/1.1\r\n${hosts.map((h) => `Host: ${h}\r\n`).join('')}Connection: close\r\n\r\n`
        )
      )
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect(JSON.parse((await ask(host))?.body ?? '{}'), host).toHaveProperty('access_token')
    }
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', '127.0.0.1']) {
      const refused = await ask(host)
      expect(refused?.status, host).toBe(403)
      expect(refused?.body, host).not.toContain('access_token')
    }
    // Node itself refuses an HTTP/1.1 request without a Host header.
    expect((await ask())?.status).toBe(400)
    const twice = await ask(`127.0.0.1:${port}`, 'evil.example')
    expect(twice?.status).toBe(400)
    expect(twice?.body).not.toContain('access_token')
    expect(emulator.stats(NORMAL_APP.appid).classic).toBe(3)
  })

  it('answers getcallbackip with a few IPs and one CIDR block', async () => {
    const { emulator } = ctx
    const answer = await probe(emulator, tokenOf(await classicFor(emulator, NORMAL_APP)))
    expect(answer.contentType).toBe('application/json; encoding=utf-8')
    const list = answer.json['ip_list'] as string[]
    expect(list.length).toBeGreaterThanOrEqual(3)
    expect(list.filter((entry) => entry.includes('/'))).toHaveLength(1)
  })

  it('answers getcallbackip without a token with 41001 and a garbage token with 40014', async () => {
    const { emulator } = ctx
    const missing = await call(emulator, '/cgi-bin/getcallbackip')
    expect(missing.json['errcode']).toBe(41001)
    expect(missing.json['errmsg']).toMatch(/^access_token missing rid: /)
    expect((await call(emulator, '/cgi-bin/getcallbackip?access_token=')).json['errcode']).toBe(41001)
    const garbage = await probe(emulator, '2')
    expect(garbage.json['errcode']).toBe(40014)
    expect(garbage.json['errmsg']).toMatch(/^invalid access_token rid: /)
  })

  it('answers getcallbackip with 40001 for a well-formed token it never issued', async () => {
    const { emulator } = ctx
    const real = tokenOf(await classicFor(emulator, NORMAL_APP))
    const forged = `${real.slice(0, 3)}${'A'.repeat(real.length - 3)}`
    expect((await probe(emulator, forged)).json['errcode']).toBe(40001)
    expect(emulator.tokenState(forged)).toBe('unknown')
  })

  it('counts stable, force and probe requests per account', async () => {
    const { emulator, clock } = ctx
    const token = tokenOf(await stableFor(emulator, NORMAL_APP))
    await stableFor(emulator, NORMAL_APP, true)
    await clock.advance(MINUTE)
    await probe(emulator, token)
    await probe(emulator, 'garbage')
    expect(emulator.stats(NORMAL_APP.appid)).toEqual({ classic: 0, stable: 1, force: 1, probe: 1, total: 3 })
    expect(emulator.stats('wx9999999999999999')).toEqual({
      classic: 0,
      stable: 0,
      force: 0,
      probe: 0,
      total: 0
    })
  })
})
