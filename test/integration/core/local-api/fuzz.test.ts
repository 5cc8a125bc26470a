import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APPID, SECRET } from '../../../support/keeper-world'
import {
  localApiWorld,
  parseRawResponse,
  rawExchange,
  type LocalApiWorld,
  type HttpAnswer
} from '../../../support/local-api-world'

/**
 * Random paths, methods, headers and bodies thrown at the API: every answer must be well-formed JSON,
 * errors in the `{"error":{"code","message"}}` shape, nothing 5xx, and the server must keep serving.
 */

const KNOWN_PATHS = [
  '/healthz',
  '/v1/apps',
  '/v1/events',
  `/v1/apps/${APPID}/access-token`,
  `/v1/apps/${APPID}/access-token/refresh`,
  '/cgi-bin/token',
  '/cgi-bin/stable_token'
]

const segment = fc.oneof(
  fc.constantFrom(
    'v1',
    'apps',
    APPID,
    'access-token',
    'refresh',
    'cgi-bin',
    'token',
    '..',
    '.',
    '%2F',
    '%00'
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent)
)
const randomPath = fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => `/${parts.join('/')}`)
const query = fc.option(
  fc
    .dictionary(
      fc.constantFrom('grant_type', 'appid', 'secret', 'key', 'x', 'access_token'),
      fc.oneof(fc.constantFrom(APPID, SECRET, 'client_credential', ''), fc.string({ maxLength: 20 }))
    )
    .map((params) => new URLSearchParams(params).toString()),
  { nil: undefined }
)
const path = fc
  .tuple(fc.oneof(fc.constantFrom(...KNOWN_PATHS), randomPath), query)
  .map(([p, q]) => (q === undefined || q === '' ? p : `${p}?${q}`))

const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE')
const headerName = fc.stringMatching(/^x-[a-z0-9-]{1,16}$/)
const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim())

const body = fc.option(
  fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc
      .record({ stale_token: fc.oneof(fc.string(), fc.integer(), fc.constant(null)) })
      .map((v) => JSON.stringify(v)),
    fc
      .record({
        grant_type: fc.constantFrom('client_credential', 'x'),
        appid: fc.constantFrom(APPID, 'wx0000000000000000', ''),
        secret: fc.constantFrom(SECRET, 'nope', ''),
        force_refresh: fc.oneof(fc.boolean(), fc.constant('true'), fc.constant(null))
      })
      .map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes))
  ),
  { nil: undefined }
)

/** Paths outside the desk's own API are WeChat's: the gateway relays them, and WeChat's error shape comes back. */
const isDeskPath = (target: string): boolean => {
  const p = target.split('?')[0] ?? ''
  return p === '/healthz' || p === '/v1' || p.startsWith('/v1/')
}

function expectWellFormed(res: HttpAnswer, requestMethod: string, relayed: boolean): void {
  expect(res.status).toBeGreaterThanOrEqual(200)
  expect(res.status).toBeLessThan(500)
  if (requestMethod === 'HEAD') return
  const json = JSON.parse(res.text) as unknown
  const deskShape = { error: { code: expect.any(String), message: expect.any(String) } }
  if (res.status >= 400 && relayed) {
    // Relayed: WeChat's (here the emulator's) error, unless the desk refused the request before relaying it.
    const wechatShape = { errcode: expect.any(Number), errmsg: expect.any(String) }
    expect(
      [wechatShape, deskShape].some((shape) => expect.objectContaining(shape).asymmetricMatch(json))
    ).toBe(true)
  } else if (res.status >= 400) {
    expect(json).toMatchObject(deskShape)
  } else {
    expect(typeof json).toBe('object')
  }
}

describe('fuzzing the local API', () => {
  let w: LocalApiWorld
  beforeAll(async () => {
    w = await localApiWorld({}, { timeouts: { headersMs: 500, requestMs: 800, checkIntervalMs: 100 } })
    await w.keeper.ensure(w.profileId)
  })
  afterAll(() => w.close())

  it('answers random requests with well-formed JSON and never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        path,
        fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
        fc.constantFrom('none', 'right', 'wrong'),
        fc.constantFrom('own', 'localhost', 'foreign'),
        body,
        async (m, p, headers, auth, host, payload) => {
          // An event stream never ends by itself; it is covered by its own tests.
          if (m === 'GET' && p.split('?')[0] === '/v1/events' && auth === 'right' && host !== 'foreign') {
            return
          }
          const authorization: Record<string, string> =
            auth === 'right'
              ? { authorization: `Bearer ${w.key}` }
              : auth === 'wrong'
                ? { authorization: 'Bearer x' }
                : {}
          const res = await w.call({
            method: m,
            path: p,
            host: host === 'own' ? undefined : host === 'localhost' ? `localhost:${w.port}` : 'evil.example',
            headers: { ...headers, ...authorization },
            body: m === 'GET' || m === 'HEAD' ? undefined : payload
          })
          // A foreign Host is refused by the desk before any routing, in the desk's own shape.
          expectWellFormed(res, m, host !== 'foreign' && !isDeskPath(p))
        }
      ),
      { numRuns: 400 }
    )
    expect((await w.call({ path: '/healthz' })).status).toBe(200)
    for (const text of w.bodies) {
      expect(text).not.toContain(w.key)
      expect(text).not.toContain(SECRET)
    }
  })

  it('answers garbage on the wire with a 4xx JSON error, and keeps serving', async () => {
    const line = fc.string({ unit: 'binary-ascii', maxLength: 60 })
    await fc.assert(
      fc.asyncProperty(line, fc.array(line, { maxLength: 4 }), async (first, rest) => {
        const raw = await rawExchange(w.port, `${first}\r\n${rest.join('\r\n')}\r\n\r\n`, 2_000)
        const res = parseRawResponse(raw)
        expect(res, raw.slice(0, 200)).not.toBeNull()
        expect(res?.status).toBeGreaterThanOrEqual(200)
        expect(res?.status).toBeLessThan(500)
        if ((res?.status ?? 0) >= 400) {
          expect(JSON.parse(res?.body ?? '')).toMatchObject({ error: { code: expect.any(String) } })
        }
      }),
      { numRuns: 150 }
    )
    expect((await w.call({ path: '/healthz' })).status).toBe(200)
  })
})
