import { describe, expect, it } from 'vitest'
import { failureToDeskError } from '../../../../src/core/wechat'
import { freePort, json, type Handler } from '../../../support/upstream-server'
import { clientHarness, SECRET, TOKEN } from './client-harness'

const h = clientHarness()

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

  it('never puts the AppSecret or a token into h.calls, failures or DeskErrors', async () => {
    const c = h.client()
    const seen: unknown[] = []
    for (const handler of echoes) {
      h.upstream.answer(handler)
      const results = [
        await c.getToken(h.tokenParams()),
        await c.getStableToken({ ...h.tokenParams(), forceRefresh: false }),
        await c.getCallbackIp({ apiBase: h.upstream.base, accessToken: TOKEN })
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
    seen.push(...h.calls)
    const everything = JSON.stringify(seen)
    expect(everything).not.toContain(SECRET)
    expect(everything).not.toContain(TOKEN)
    expect(everything).not.toContain(TOKEN.slice(0, 20))
    expect(everything).toContain('***')
  })

  it('masks credentials of any shape that it sent, when they are echoed back', async () => {
    const secret = 'odd.Secret~shape!'
    const token = 'odd~token.shape'
    const c = h.client()
    const seen: unknown[] = []
    for (const handler of echoRequest) {
      h.upstream.answer(handler)
      seen.push(
        await c.getToken({ ...h.tokenParams(), secret }),
        await c.getStableToken({ ...h.tokenParams(), secret, forceRefresh: true }),
        await c.getCallbackIp({ apiBase: h.upstream.base, accessToken: token })
      )
    }
    expect(h.upstream.requests.length).toBeGreaterThan(0)
    const everything = JSON.stringify([seen, h.calls])
    expect(everything).not.toContain(secret)
    expect(everything).not.toContain(token)
  })

  it('keeps the secret out of timeout and network failures too', async () => {
    h.upstream.answer(() => undefined)
    const timedOut = await h.client({ timeoutMs: 100 }).getToken(h.tokenParams())
    const refused = await h.client().getToken({
      ...h.tokenParams(),
      apiBase: `http://127.0.0.1:${await freePort()}`
    })
    const everything = JSON.stringify([timedOut, refused, h.calls])
    expect(everything).not.toContain(SECRET)
  })
})
