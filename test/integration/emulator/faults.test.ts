import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import {
  NORMAL_APP,
  TEST_APP,
  call,
  classicFor,
  postJson,
  probe,
  stableFor,
  tokenOf,
  useEmulator
} from '../../support/emulator-client'

describe('injected faults', () => {
  const ctx = useEmulator()

  it('answers system-error with errcode -1 over HTTP 200', async () => {
    ctx.emulator.injectFault('system-error')
    const answer = await classicFor(ctx.emulator, NORMAL_APP)
    expect(answer.status).toBe(200)
    expect(answer.json['errcode']).toBe(-1)
    expect(answer.json['errmsg']).toMatch(/^system error rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/)
  })

  it('answers quota with 45009', async () => {
    ctx.emulator.injectFault('quota')
    expect((await stableFor(ctx.emulator, NORMAL_APP)).json['errcode']).toBe(45009)
  })

  it('answers ip-whitelist with 40164 naming the real caller', async () => {
    ctx.emulator.injectFault('ip-whitelist')
    const answer = await classicFor(ctx.emulator, NORMAL_APP)
    expect(answer.json['errcode']).toBe(40164)
    expect(answer.json['errmsg']).toMatch(
      /^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: /
    )
  })

  it('answers http-500-html with an HTTP 502 nginx page in text/html', async () => {
    ctx.emulator.injectFault('http-500-html')
    const answer = await classicFor(ctx.emulator, NORMAL_APP)
    expect(answer.status).toBe(502)
    expect(answer.contentType).toBe('text/html')
    expect(answer.text).toContain('<title>502 Bad Gateway</title>')
    expect(answer.text).toContain('nginx')
  })

  it('answers malformed-json with HTTP 200 JSON that does not parse', async () => {
    const { emulator } = ctx
    const token = tokenOf(await stableFor(emulator, NORMAL_APP))
    emulator.injectFault('malformed-json', 3)
    const answers = [
      await classicFor(emulator, NORMAL_APP),
      await stableFor(emulator, NORMAL_APP),
      await probe(emulator, token)
    ]
    for (const answer of answers) {
      expect(answer.status).toBe(200)
      expect(answer.contentType).toBe('application/json; encoding=utf-8')
      expect(answer.text.startsWith('{')).toBe(true)
      expect(() => JSON.parse(answer.text) as unknown).toThrow(SyntaxError)
    }
  })

  it('answers connection-reset by dropping the connection unanswered', async () => {
    ctx.emulator.injectFault('connection-reset')
    await expect(classicFor(ctx.emulator, NORMAL_APP)).rejects.toThrow(TypeError)
    expect((await classicFor(ctx.emulator, NORMAL_APP)).json['expires_in']).toBe(7200)
  })

  it('answers hang with silence: a client with a short timeout gives up', async () => {
    ctx.emulator.injectFault('hang')
    const gaveUp = call(ctx.emulator, `/cgi-bin/token?appid=${NORMAL_APP.appid}`, {
      signal: AbortSignal.timeout(200)
    })
    await expect(gaveUp).rejects.toMatchObject({ name: 'TimeoutError' })
    expect((await classicFor(ctx.emulator, NORMAL_APP)).json['expires_in']).toBe(7200)
  })

  it('still closes promptly while a hung request holds its socket open', async () => {
    const { emulator } = ctx
    emulator.injectFault('hang')
    const clientError = new Promise<Error>((resolve) => {
      const req = request(`${emulator.url}/cgi-bin/getcallbackip?access_token=x`, (res) => {
        resolve(new Error(`unexpected answer ${res.statusCode ?? 0}`))
      })
      req.on('error', resolve)
      req.end()
    })
    await expect.poll(() => emulator.pendingFaults()).toEqual([])

    const closed = emulator.close().then(() => 'closed')
    const late = new Promise((resolve) => setTimeout(() => resolve('still open after 2 s'), 2000).unref())
    expect(await Promise.race([closed, late])).toBe('closed')
    expect((await clientError).message).toMatch(/socket hang up|ECONNRESET/)
    expect(() => emulator.url).toThrow()
  })

  it('serves queued faults in order, one per request, across the three token endpoints', async () => {
    const { emulator } = ctx
    const token = tokenOf(await classicFor(emulator, NORMAL_APP))
    emulator.injectFault('system-error')
    emulator.injectFault('quota', 2)
    emulator.injectFault('http-500-html')
    expect(emulator.pendingFaults()).toEqual(['system-error', 'quota', 'quota', 'http-500-html'])

    expect((await stableFor(emulator, NORMAL_APP)).json['errcode']).toBe(-1)
    expect((await probe(emulator, token)).json['errcode']).toBe(45009)
    expect((await classicFor(emulator, NORMAL_APP)).json['errcode']).toBe(45009)
    expect(emulator.pendingFaults()).toEqual(['http-500-html'])
    expect((await probe(emulator, token)).status).toBe(502)
    expect((await probe(emulator, token)).json['ip_list']).toBeInstanceOf(Array)
  })

  it('leaves clear_quota/v2 and unknown paths out of the fault queue', async () => {
    const { emulator } = ctx
    emulator.injectFault('system-error')
    expect(
      (
        await postJson(emulator, '/cgi-bin/clear_quota/v2', {
          appid: TEST_APP.appid,
          appsecret: TEST_APP.secret
        })
      ).json
    ).toEqual({ errcode: 0, errmsg: 'ok' })
    expect((await call(emulator, '/cgi-bin/nope')).status).toBe(404)
    expect(emulator.pendingFaults()).toEqual(['system-error'])
  })

  it('mints nothing and spends no quota while serving a fault, but counts the request', async () => {
    const { emulator } = ctx
    const token = tokenOf(await classicFor(emulator, TEST_APP))
    emulator.injectFault('system-error', 5)
    for (let i = 0; i < 5; i++) await classicFor(emulator, TEST_APP)
    expect(emulator.tokenState(token)).toBe('valid')
    for (let i = 0; i < 199; i++) expect((await classicFor(emulator, TEST_APP)).json['expires_in']).toBe(7200)
    expect((await classicFor(emulator, TEST_APP)).json['errcode']).toBe(45009)
    expect(emulator.stats(TEST_APP.appid).classic).toBe(206)
  })

  it('can be cleared, and refuses unknown faults or counts', () => {
    const { emulator } = ctx
    emulator.injectFault('hang', 3)
    emulator.clearFaults()
    expect(emulator.pendingFaults()).toEqual([])
    expect(() => emulator.injectFault('hang', 0)).toThrow(RangeError)
    expect(() => emulator.injectFault('hang', 1.5)).toThrow(RangeError)
  })
})
