import { request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { APPID, SECRET } from '../../../support/keeper-world'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'
import { MIN_TOKEN_AGE_MS } from '../../../../src/core/tokens'

interface TokenBody {
  access_token: string
  expires_in: number
  expires_at: string
  obtained_at: string
  mode: string
  refreshed?: boolean
}
interface ErrorBody {
  error: { code: string; message: string; errcode?: number; errmsg?: string }
}

const TOKEN_PATH = `/v1/apps/${APPID}/access-token`

describe('the local API: authentication', () => {
  let w: LocalApiWorld
  beforeAll(async () => {
    w = await localApiWorld()
  })
  afterAll(() => w.close())

  it('answers /healthz without a key', async () => {
    const res = await w.call({ path: '/healthz' })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ ok: true })
  })

  it.each([
    ['no Authorization header', {}],
    ['a wrong key', { authorization: 'Bearer wrong-key-wrong-key-wrong-key-wrong-key' }],
    ['the key with one character changed', null],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['"Bearer" alone', { authorization: 'Bearer ' }]
  ])('refuses a request with %s (401, WWW-Authenticate)', async (_label, headers) => {
    const almost = `Bearer ${w.key.slice(0, -1)}${w.key.endsWith('A') ? 'B' : 'A'}`
    const res = await w.call({ path: '/v1/apps', headers: headers ?? { authorization: almost } })
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /)
    expect(res.json<ErrorBody>().error.code).toBe('unauthorized')
  })

  it('does not take the key from the query string', async () => {
    const res = await w.call({ path: `/v1/apps?key=${w.key}&access_token=${w.key}` })
    expect(res.status).toBe(401)
  })

  it('accepts the key with any capitalisation of "Bearer"', async () => {
    const res = await w.call({ path: '/v1/apps', headers: { authorization: `bEaReR ${w.key}` } })
    expect(res.status).toBe(200)
  })

  it('refuses the old key once the key is rotated', async () => {
    const old = w.key
    const next = 'rotated-key-0123456789-rotated-key-0123456789'
    w.server.setApiKey(next)
    try {
      expect((await w.call({ path: '/v1/apps', headers: { authorization: `Bearer ${old}` } })).status).toBe(
        401
      )
      expect((await w.call({ path: '/v1/apps', headers: { authorization: `Bearer ${next}` } })).status).toBe(
        200
      )
    } finally {
      w.server.setApiKey(old)
    }
  })
})

describe('the local API: routes', () => {
  let w: LocalApiWorld
  afterEach(() => w.close())

  it('lists the apps with whether a token is held and until when, and never a secret', async () => {
    w = await localApiWorld({ name: 'Shop OA', env: 'test' })
    const before = await w.authed({ path: '/v1/apps' })
    expect(before.status).toBe(200)
    expect(before.json()).toEqual({
      apps: [
        {
          appid: APPID,
          name: 'Shop OA',
          kind: 'official-account',
          env: 'test',
          mode: 'stable',
          token_held: false,
          expires_at: null,
          error: null,
          stomping: null
        }
      ]
    })
    const held = await w.keeper.ensure(w.profileId)
    const after = await w.authed({ path: '/v1/apps' })
    expect(after.json()).toMatchObject({
      apps: [{ token_held: true, expires_at: new Date(held.expiresAt).toISOString() }]
    })
    expect(after.text).not.toContain(SECRET)
    expect(after.text).not.toContain(held.value)
  })

  it('obtains a token when none is held, then serves the held one with its remaining life', async () => {
    w = await localApiWorld()
    const askedAt = w.clock.now()
    const first = await w.authed({ path: TOKEN_PATH })
    expect(first.status).toBe(200)
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(first.headers['cache-control']).toBe('no-store')
    const body = first.json<TokenBody>()
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'expires_at', 'obtained_at', 'mode'])
    expect(body.mode).toBe('stable')
    expect(w.emulator.tokenState(body.access_token)).toBe('valid')
    expect(w.upstreamCalls()).toBe(1)

    await w.clock.advance(600_000)
    const second = (await w.authed({ path: TOKEN_PATH })).json<TokenBody>()
    expect(second.access_token).toBe(body.access_token)
    expect(second.expires_in).toBe(body.expires_in - 600)
    expect(Date.parse(second.expires_at)).toBe(w.clock.now() + second.expires_in * 1000)
    expect(second.obtained_at).toBe(body.obtained_at)
    expect(w.upstreamCalls()).toBe(1)

    // The log: the answer that waited for WeChat is timed; the one served at once is recorded as 0 ms.
    const [served, obtained] = w.requestLog.recent()
    expect(obtained).toMatchObject({ method: 'GET', route: TOKEN_PATH, status: 200, at: askedAt })
    expect(obtained?.durationMs).toBeGreaterThan(0)
    expect(served).toMatchObject({ route: TOKEN_PATH, status: 200, at: w.clock.now(), durationMs: 0 })
  })

  it('counts expires_in from when a request body has arrived, not from when the request began', async () => {
    w = await localApiWorld()
    const held = await w.keeper.ensure(w.profileId)
    const answer = new Promise<TokenBody>((resolve, reject) => {
      const req = request(`${w.url}${TOKEN_PATH}`, {
        headers: { authorization: `Bearer ${w.key}`, 'content-length': '2' }
      })
      req.on('response', (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve(JSON.parse(text) as TokenBody))
      })
      req.on('error', reject)
      req.flushHeaders()
      // The body follows ten (simulated) minutes after the headers.
      setTimeout(() => {
        void w.clock.advance(600_000).then(() => req.end('{}'))
      }, 100)
    })
    const body = await answer
    expect(body.expires_in).toBe(Math.floor((held.expiresAt - w.clock.now()) / 1000))
  })

  it('gives every caller within a second the same answer, and a fresh one as the seconds go by', async () => {
    w = await localApiWorld()
    await w.keeper.ensure(w.profileId)
    const answers = await Promise.all(Array.from({ length: 5 }, () => w.authed({ path: TOKEN_PATH })))
    expect(new Set(answers.map((a) => a.text)).size).toBe(1)
    const [one] = answers
    expect(Number(one?.headers['content-length'])).toBe(Buffer.byteLength(one?.text ?? ''))
    const before = one?.json<TokenBody>().expires_in ?? 0
    await w.clock.advance(1_000)
    const later = await w.authed({ path: TOKEN_PATH })
    expect(later.json<TokenBody>().expires_in).toBe(before - 1)
    expect(Number(later.headers['content-length'])).toBe(Buffer.byteLength(later.text))
  })

  it('answers HEAD like GET, without a body', async () => {
    w = await localApiWorld()
    const res = await w.authed({ method: 'HEAD', path: TOKEN_PATH })
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
  })

  it('says 404 for an unknown app, naming it only when it looks like an AppID', async () => {
    w = await localApiWorld()
    const unknown = await w.authed({ path: '/v1/apps/wx0000000000000000/access-token' })
    expect(unknown.status).toBe(404)
    expect(unknown.json<ErrorBody>().error).toMatchObject({ code: 'unknown-app' })
    expect(unknown.json<ErrorBody>().error.message).toContain('wx0000000000000000')
    const odd = await w.authed({ path: `/v1/apps/${encodeURIComponent('<script>')}/access-token` })
    expect(odd.status).toBe(404)
    expect(odd.text).not.toContain('script')
  })

  it('says 409 when two profiles use the AppID and the desk cannot tell which one is meant', async () => {
    w = await localApiWorld()
    w.profiles.create({
      name: 'Same AppID via a proxy',
      appId: APPID,
      secret: SECRET,
      kind: 'official-account',
      env: 'dev',
      mode: 'stable',
      apiBase: 'http://127.0.0.1:9'
    })
    const res = await w.authed({ path: TOKEN_PATH })
    expect(res.status).toBe(409)
    expect(res.json<ErrorBody>().error.code).toBe('ambiguous-app')
    expect(w.upstreamCalls()).toBe(0)
  })

  it.each([
    ['quota', 45009],
    ['ip-whitelist', 40164]
  ] as const)(
    'passes a WeChat refusal (%s) on as 502 with the errcode and the decoded message',
    async (fault, errcode) => {
      w = await localApiWorld()
      w.emulator.injectFault(fault)
      const res = await w.authed({ path: TOKEN_PATH })
      expect(res.status).toBe(502)
      const { error } = res.json<ErrorBody>()
      expect(error.code).toBe('wechat')
      expect(error.errcode).toBe(errcode)
      expect(error.message).toMatch(new RegExp(`^WeChat error ${errcode}: `))
      expect(error.message.length).toBeGreaterThan(40) // the catalogue's title and fix, not just the code
    }
  )

  it.each(['http-500-html', 'connection-reset', 'malformed-json'] as const)(
    'says 503 when no token can be obtained (%s)',
    async (fault) => {
      w = await localApiWorld()
      w.emulator.injectFault(fault)
      const res = await w.authed({ path: TOKEN_PATH })
      expect(res.status).toBe(503)
      const { error } = res.json<ErrorBody>()
      expect(['bad-response', 'network', 'timeout']).toContain(error.code)
      expect(error.message).not.toBe('')
    }
  )

  it('mints for a prod classic app when a caller asks and none is held (enabling the API is the consent)', async () => {
    w = await localApiWorld({ env: 'prod', mode: 'classic' })
    const res = await w.authed({ path: TOKEN_PATH })
    expect(res.status).toBe(200)
    expect(res.json<TokenBody>().mode).toBe('classic')
    expect(w.emulator.stats(APPID).classic).toBe(1)
  })

  it('answers unknown routes 404 and wrong methods 405 with Allow, as JSON errors', async () => {
    w = await localApiWorld()
    const missing = await w.authed({ path: '/v1/nope' })
    expect(missing.status).toBe(404)
    expect(missing.json<ErrorBody>().error.code).toBe('not-found')
    const wrong = await w.authed({ method: 'DELETE', path: TOKEN_PATH })
    expect(wrong.status).toBe(405)
    expect(wrong.headers['allow']).toBe('GET, HEAD')
    expect(wrong.json<ErrorBody>().error.code).toBe('method-not-allowed')
    const getRefresh = await w.authed({ path: `${TOKEN_PATH}/refresh` })
    expect(getRefresh.status).toBe(405)
    expect(getRefresh.headers['allow']).toBe('POST')
  })
})

describe('the local API: passive refresh', () => {
  let w: LocalApiWorld
  afterEach(() => w.close())
  const refresh = (body: string) =>
    w.authed({
      method: 'POST',
      path: `${TOKEN_PATH}/refresh`,
      body,
      headers: { 'content-type': 'application/json' }
    })

  it('returns the current token without calling WeChat when the stale token is no longer current', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const old = await w.keeper.ensure(w.profileId)
    await w.clock.advance(MIN_TOKEN_AGE_MS) // the refresh governor keeps a younger token
    const current = await w.keeper.refresh(w.profileId)
    const res = await refresh(JSON.stringify({ stale_token: old.value }))
    expect(res.status).toBe(200)
    expect(res.json<TokenBody>()).toMatchObject({
      access_token: current.value,
      refreshed: false,
      mode: 'classic'
    })
    expect(w.upstreamCalls()).toBe(2)
  })

  it('refreshes once when the stale token is the current one, however many callers report it', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const current = await w.keeper.ensure(w.profileId)
    await w.clock.advance(MIN_TOKEN_AGE_MS)
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => refresh(JSON.stringify({ stale_token: current.value })))
    )
    const bodies = answers.map((a) => a.json<TokenBody>())
    expect(new Set(bodies.map((b) => b.access_token)).size).toBe(1)
    expect(bodies[0]?.access_token).not.toBe(current.value)
    // Callers that arrive while the refresh is in flight share it (refreshed: true); later ones already
    // report a token that is no longer current and get the new one back (refreshed: false).
    expect(bodies.some((b) => b.refreshed === true)).toBe(true)
    expect(w.upstreamCalls()).toBe(2)
    expect(w.emulator.tokenState(bodies[0]?.access_token ?? '')).toBe('valid')
  })

  it('refreshes when nothing is held yet', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const res = await refresh(JSON.stringify({ stale_token: 'whatever-the-caller-had' }))
    expect(res.status).toBe(200)
    expect(res.json<TokenBody>().refreshed).toBe(true)
    expect(w.upstreamCalls()).toBe(1)
  })

  it.each([
    ['no body', '', 'invalid-input'],
    ['an empty object', '{}', 'invalid-input'],
    ['a number as stale_token', '{"stale_token":42}', 'invalid-input'],
    ['an empty stale_token', '{"stale_token":""}', 'invalid-input'],
    ['an array', '["stale"]', 'invalid-input'],
    ['broken JSON', '{"stale_token":', 'bad-json']
  ])('answers 400 for %s, without calling WeChat', async (_label, body, code) => {
    w = await localApiWorld()
    const res = await refresh(body)
    expect(res.status).toBe(400)
    expect(res.json<ErrorBody>().error.code).toBe(code)
    expect(w.upstreamCalls()).toBe(0)
  })

  it('refuses a body over 16 KB with 413', async () => {
    w = await localApiWorld()
    const res = await refresh(JSON.stringify({ stale_token: 'x'.repeat(17 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.json<ErrorBody>().error.code).toBe('payload-too-large')
    expect(w.upstreamCalls()).toBe(0)
  })
})

describe('the local API under load', () => {
  let w: LocalApiWorld
  afterAll(() => w.close())

  it('serves 200 concurrent callers with one upstream call', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const answers = await Promise.all(Array.from({ length: 200 }, () => w.authed({ path: TOKEN_PATH })))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(new Set(answers.map((a) => a.json<TokenBody>().access_token)).size).toBe(1)
    expect(w.emulator.stats(APPID)).toMatchObject({ classic: 1, stable: 0, force: 0 })
  })
})
