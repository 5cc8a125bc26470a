import { describe, expect, it } from 'vitest'
import { json } from '../../../support/upstream-server'
import { clientHarness, TOKEN } from './client-harness'

const h = clientHarness()

describe('reading what WeChat answered', () => {
  it('reports an HTML 502 as http-status with a short snippet', async () => {
    h.upstream.answer(json('<html><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>', 502, 'text/html'))
    const result = await h.client().getToken(h.tokenParams())

    expect(result).toMatchObject({ ok: false, failure: { kind: 'http-status', status: 502 } })
    if (result.ok || result.failure.kind !== 'http-status') throw new Error('expected http-status')
    expect(result.failure.snippet).toContain('502 Bad Gateway')
    expect(result.failure.snippet).not.toContain('\n')
    expect(result.call).toMatchObject({ httpStatus: 502, errcode: null, outcome: 'error' })
  })

  it('treats an errcode relayed with a non-2xx status as a WeChat failure', async () => {
    h.upstream.answer(json({ errcode: -1, errmsg: 'system error' }, 503))
    const result = await h.client().getToken(h.tokenParams())
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
    h.upstream.answer(json(body, 200, contentType))
    const result = await h.client().getToken(h.tokenParams())

    expect(result.ok).toBe(false)
    if (result.ok || result.failure.kind !== 'bad-body') throw new Error('expected bad-body')
    expect(result.failure).toMatchObject({ status: 200, contentType })
    expect(result.failure.reason).toContain(reason)
    expect(result.call).toMatchObject({ httpStatus: 200, errcode: null, outcome: 'error' })
    expect(result.call.detail).toContain(reason)
  })

  it('refuses a body larger than 1 MB', async () => {
    h.upstream.answer(json(`{"access_token":"${'a'.repeat(2 * 1024 * 1024)}","expires_in":7200}`))
    const result = await h.client().getToken(h.tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-body', status: 200 } })
    if (result.ok || result.failure.kind !== 'bad-body') throw new Error('expected bad-body')
    expect(result.failure.reason).toContain('larger than')
  })

  it('reports a body cut off mid-stream as bad-body', async () => {
    h.upstream.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' })
      res.write('{"access_token":"84_')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const result = await h.client().getToken(h.tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'bad-body', status: 200 } })
    expect(result.call.httpStatus).toBe(200)
  })
})
