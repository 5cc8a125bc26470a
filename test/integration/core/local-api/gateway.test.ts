import { randomBytes } from 'node:crypto'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { logStomps } from '../../../../src/core/call-log'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'
import { APPID, SECRET } from '../../../support/keeper-world'
import { json, startUpstream, type Handler, type Upstream } from '../../../support/upstream-server'

/**
 * The gateway against a raw stand-in for WeChat (each test decides how it answers), so what crosses the desk
 * can be compared byte for byte. The stand-in also mints the app's tokens: a new one per token call.
 */

interface RawAnswer {
  status: number
  headers: IncomingHttpHeaders
  bytes: Buffer
}

function send(
  base: string,
  call: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }
): Promise<RawAnswer> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: call.method ?? 'GET',
        path: call.path,
        headers: call.headers,
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(call.body)
  })
}

const TOKEN = (n: number): string => `${String(n).padStart(2, '8')}_${'A'.repeat(60)}${n}`

let w: LocalApiWorld
let upstream: Upstream
let minted = 0

/** Answers token calls with a fresh token, everything else with `rest`. */
function upstreamAnswers(rest: Handler): void {
  upstream.answer((req, res, body) => {
    if (req.url?.startsWith('/cgi-bin/stable_token') || req.url?.startsWith('/cgi-bin/token')) {
      json({ access_token: TOKEN(++minted), expires_in: 7200 })(req, res, body)
      return
    }
    rest(req, res, body)
  })
}

async function world(): Promise<string> {
  upstream = await startUpstream()
  minted = 0
  upstreamAnswers(json({ errcode: 0, errmsg: 'ok' }))
  w = await localApiWorld({ apiBase: upstream.base })
  return (await w.keeper.ensure(w.profileId)).value
}

const relayedCalls = () => upstream.requests.filter((r) => !/^\/cgi-bin\/(stable_)?token/.test(r.url))

afterEach(async () => {
  await w.close()
  await upstream.close()
})

describe('the gateway relays byte for byte', () => {
  it('passes a binary answer back byte-identical, with its status and header fields', async () => {
    const token = await world()
    const image = randomBytes(300 * 1024)
    upstreamAnswers((_req, res) => {
      res.writeHead(200, {
        'content-type': 'image/jpeg',
        'content-length': image.length,
        'x-upstream': 'yes',
        'content-disposition': 'inline'
      })
      res.end(image)
    })
    const answer = await send(w.url, {
      method: 'POST',
      path: `/wxa/getwxacodeunlimit?access_token=${token}`,
      headers: { 'content-type': 'application/json' },
      body: '{"scene":"a=1"}'
    })
    expect(answer.status).toBe(200)
    expect(answer.bytes.equals(image)).toBe(true)
    expect(answer.headers['content-type']).toBe('image/jpeg')
    expect(answer.headers['x-upstream']).toBe('yes')
    expect(answer.headers['content-length']).toBe(String(image.length))
    const entry = w.callLog.list(w.profileId)[0]
    expect(entry).toMatchObject({
      source: 'gateway',
      endpoint: '/wxa/getwxacodeunlimit',
      responseBytes: image.length
    })
    expect(w.callLog.detail(entry!.id).response?.body).toMatchObject({
      text: null,
      contentType: 'image/jpeg'
    })
  })

  it('relays a multipart upload byte for byte, boundary and all', async () => {
    const token = await world()
    upstreamAnswers(json({ type: 'image', media_id: 'MEDIA_ID', created_at: 1700000000 }))
    const boundary = '----desk-test-boundary'
    const picture = randomBytes(50_000)
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\n`),
      Buffer.from('Content-Type: image/jpeg\r\n\r\n'),
      picture,
      Buffer.from(`\r\n--${boundary}--\r\n`)
    ])
    const type = `multipart/form-data; boundary=${boundary}`
    const answer = await send(w.url, {
      method: 'POST',
      path: `/cgi-bin/media/upload?access_token=${token}&type=image`,
      headers: { 'content-type': type },
      body
    })
    expect(JSON.parse(answer.bytes.toString())).toMatchObject({ media_id: 'MEDIA_ID' })
    const [seen] = relayedCalls()
    expect(seen?.bytes.equals(body)).toBe(true)
    expect(seen?.headers['content-type']).toBe(type)
    expect(seen?.url).toBe(`/cgi-bin/media/upload?access_token=${token}&type=image`)
  })

  it('relays a 1 MB body whole, and a larger one streamed', async () => {
    const token = await world()
    upstreamAnswers(json({ errcode: 0, errmsg: 'ok' }))
    for (const size of [1024 * 1024, 3 * 1024 * 1024]) {
      const body = randomBytes(size)
      const answer = await send(w.url, {
        method: 'POST',
        path: `/cgi-bin/material/add_material?access_token=${token}&type=video`,
        headers: { 'content-type': 'application/octet-stream' },
        body
      })
      expect(answer.status).toBe(200)
      expect(relayedCalls().at(-1)?.bytes.equals(body)).toBe(true)
      expect(w.callLog.list(w.profileId)[0]).toMatchObject({ requestBytes: size, outcome: 'ok' })
    }
  })

  it('keeps the query string as sent: order, repeats and encoding', async () => {
    const token = await world()
    const query = `b=2&access_token=${token}&a=1&a=0&x=%E4%B8%AD+y&empty=&flag`
    await send(w.url, { path: `/cgi-bin/user/get?${query}` })
    expect(relayedCalls()[0]?.url).toBe(`/cgi-bin/user/get?${query}`)
  })

  it('drops hop-by-hop fields and the desk’s API key, and sends the upstream its own Host', async () => {
    const token = await world()
    await send(w.url, {
      path: `/cgi-bin/menu/get?access_token=${token}`,
      headers: { authorization: `Bearer ${w.key}`, connection: 'x-drop', 'x-drop': '1', 'x-keep': 'kept' }
    })
    const [seen] = relayedCalls()
    expect(seen?.headers['x-keep']).toBe('kept')
    expect(seen?.headers['x-drop']).toBeUndefined()
    expect(seen?.headers['authorization']).toBeUndefined()
    expect(seen?.headers['host']).toBe(new URL(upstream.base).host)
    expect(JSON.stringify(w.callLog.list())).not.toContain(w.key)
  })
})

describe('the desk’s own WeChat answers in the call log', () => {
  it('logs a token hand-out, from memory when no upstream call was made, with the secret and token masked', async () => {
    const held = await world()
    const path = `/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`
    const answer = await send(w.url, { path })
    expect(JSON.parse(answer.bytes.toString())).toMatchObject({ access_token: held })
    const entry = w.callLog.list(w.profileId)[0]!
    expect(entry).toMatchObject({
      source: 'gateway',
      endpoint: '/cgi-bin/token',
      flags: ['memory'],
      errcode: null
    })
    expect(entry.url).toContain('secret=***')
    const shown = JSON.stringify(w.callLog.detail(entry.id))
    expect(shown).not.toContain(SECRET)
    expect(shown).not.toContain(held)
  })
})

describe('the gateway is no open relay', () => {
  it.each([
    ['no credential at all', '/cgi-bin/user/get', 41001],
    ['a token the desk never issued', `/cgi-bin/user/get?access_token=${TOKEN(99)}`, 40001],
    [
      'an AppID the desk does not manage',
      '/sns/jscode2session?appid=wx0000000000000000&secret=x&js_code=c',
      40013
    ],
    ['a wrong AppSecret', `/sns/jscode2session?appid=${APPID}&secret=${'0'.repeat(32)}&js_code=c`, 40125],
    ['an appid without its secret', `/sns/jscode2session?appid=${APPID}&js_code=c`, 41004]
  ])('refuses %s in WeChat’s shape, saying why, and relays nothing', async (_case, path, errcode) => {
    await world()
    const answer = await send(w.url, { path })
    expect(answer.status).toBe(200)
    const body = JSON.parse(answer.bytes.toString()) as { errcode: number; errmsg: string }
    expect(body.errcode).toBe(errcode)
    expect(body.errmsg).toContain('wechat-token-desk:')
    expect(relayedCalls()).toHaveLength(0)
    expect(w.callLog.list()[0]).toMatchObject({ source: 'gateway', errcode, outcome: 'error' })
    expect(JSON.stringify(w.callLog.list())).not.toContain(SECRET)
  })

  it('relays for the app whose AppSecret the caller holds (jscode2session)', async () => {
    await world()
    upstreamAnswers(json({ openid: 'o1', session_key: 'c2Vzc2lvbi1rZXktdmFsdWU=' }))
    const answer = await send(w.url, {
      path: `/sns/jscode2session?appid=${APPID}&secret=${SECRET}&js_code=c&grant_type=authorization_code`
    })
    expect(JSON.parse(answer.bytes.toString())).toMatchObject({ openid: 'o1' })
    const entry = w.callLog.list(w.profileId)[0]!
    const shown = JSON.stringify(w.callLog.detail(entry.id))
    expect(shown).not.toContain(SECRET)
    expect(shown).not.toContain('c2Vzc2lvbi1rZXktdmFsdWU=')
  })

  it('keeps the desk’s own paths: an unknown /v1 path is still the API’s 404', async () => {
    await world()
    const answer = await send(w.url, { path: '/v1/nope', headers: { authorization: `Bearer ${w.key}` } })
    expect(answer.status).toBe(404)
    expect(relayedCalls()).toHaveLength(0)
  })

  it('answers 502 in WeChat’s shape when the upstream cannot be reached', async () => {
    const token = await world()
    await upstream.close()
    const answer = await send(w.url, { path: `/cgi-bin/menu/get?access_token=${token}` })
    expect(answer.status).toBe(502)
    expect(JSON.parse(answer.bytes.toString())).toMatchObject({ errcode: -1 })
    upstream = await startUpstream() // for afterEach
  })
})

describe('the gateway heals token errors once', () => {
  it('replaces a token WeChat rejects and retries: the caller sees the retried answer, the log both', async () => {
    const first = await world()
    const stop = logStomps(w.keeper, w.callLog)
    upstreamAnswers((req, res, body) => {
      const dead = req.url?.includes(first) ?? false
      json(
        dead
          ? { errcode: 40001, errmsg: 'invalid credential rid: 6563a5c0-1a2b3c4d-5e6f7a8b' }
          : { menu: { button: [] } }
      )(req, res, body)
    })
    const answer = await send(w.url, {
      method: 'POST',
      path: `/cgi-bin/menu/create?access_token=${first}`,
      headers: { 'content-type': 'application/json' },
      body: '{"button":[]}'
    })
    expect(JSON.parse(answer.bytes.toString())).toEqual({ menu: { button: [] } })
    const [tried, again] = relayedCalls().slice(-2)
    expect(tried?.url).toContain(first)
    expect(again?.url).toContain(TOKEN(2))
    expect(again?.body).toBe('{"button":[]}')
    const log = w.callLog.list(w.profileId)
    const relayed = log.filter((e) => e.endpoint === '/cgi-bin/menu/create')
    expect(relayed.map((e) => e.flags)).toEqual([['healed'], ['retried']])
    expect(relayed[1]).toMatchObject({ errcode: 40001, rid: '6563a5c0-1a2b3c4d-5e6f7a8b' })
    expect(log.some((e) => e.source === 'governor' && e.endpoint === 'token-stomped')).toBe(true)
    stop()
  })

  it('does not replay a body it streamed, and says so', async () => {
    const first = await world()
    upstreamAnswers(json({ errcode: 40001, errmsg: 'invalid credential' }))
    const answer = await send(w.url, {
      method: 'POST',
      path: `/cgi-bin/material/add_material?access_token=${first}&type=video`,
      headers: { 'content-type': 'application/octet-stream' },
      body: randomBytes(2 * 1024 * 1024)
    })
    expect(JSON.parse(answer.bytes.toString())).toMatchObject({ errcode: 40001 })
    expect(relayedCalls()).toHaveLength(1)
    expect(w.callLog.list(w.profileId)[0]).toMatchObject({ errcode: 40001, flags: ['streamed'] })
  })

  it('never heals a user token: it is the caller’s own', async () => {
    await world()
    upstreamAnswers(json({ errcode: 40001, errmsg: 'invalid credential' }))
    const answer = await send(w.url, { path: `/sns/userinfo?access_token=USER&openid=o&appid=${APPID}` })
    expect(JSON.parse(answer.bytes.toString())).toMatchObject({ errcode: 40001 })
    expect(relayedCalls()).toHaveLength(1)
  })
})
