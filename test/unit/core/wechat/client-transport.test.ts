import { Agent } from 'undici'
import { describe, expect, it } from 'vitest'
import { freePort, json } from '../../../support/upstream-server'
import { clientHarness, SECRET, TOKEN } from './client-harness'

const h = clientHarness()

describe('timeouts and network failures', () => {
  it('times out within timeoutMs when the server never answers', async () => {
    h.upstream.answer(() => undefined)
    const started = performance.now()
    const result = await h.client({ timeoutMs: 200 }).getToken(h.tokenParams())
    const took = performance.now() - started

    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', afterMs: 200 } })
    // A timer cannot fire early; how late it fires depends on the machine, so no upper bound is asserted.
    expect(took).toBeGreaterThanOrEqual(190)
    expect(result.call).toMatchObject({ httpStatus: null, outcome: 'error' })
    expect(h.calls).toHaveLength(1)
  })

  it('times out when the body stalls after the headers', async () => {
    h.upstream.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"access_token":')
    })
    const result = await h.client({ timeoutMs: 200 }).getToken(h.tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout', afterMs: 200 } })
    expect(result.call.httpStatus).toBe(200)
  })

  it('treats a timeout raised by an injected dispatcher as a timeout', async () => {
    const agent = new Agent({ headersTimeout: 100 })
    h.upstream.answer(() => undefined)
    const result = await h.client({ dispatcher: agent, timeoutMs: 5000 }).getToken(h.tokenParams())
    await agent.close()
    expect(result).toMatchObject({ ok: false, failure: { kind: 'timeout' } })
    if (result.ok || result.failure.kind !== 'timeout') throw new Error('expected timeout')
    expect(result.failure.afterMs).toBeLessThan(5000)
  })

  it('reports a reset connection as a network failure, without retrying', async () => {
    h.upstream.answer((req) => req.socket.resetAndDestroy())
    const result = await h.client().getToken(h.tokenParams())
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } })
    expect(result.call).toMatchObject({ httpStatus: null, outcome: 'error' })
    expect(h.upstream.requests).toHaveLength(1)
    expect(h.calls).toHaveLength(1)
  })

  it('reports a refused port as a network failure', async () => {
    const port = await freePort()
    const result = await h.client().getToken({ ...h.tokenParams(), apiBase: `http://127.0.0.1:${port}` })
    expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } })
    if (result.ok || result.failure.kind !== 'network') throw new Error('expected network')
    expect(result.failure.message).toContain('refused')
    expect(h.calls).toHaveLength(1)
  })

  it('reports an unusable apiBase as a network failure without sending anything', async () => {
    for (const apiBase of ['api.weixin.qq.com', 'ftp://api.weixin.qq.com']) {
      const result = await h.client().getToken({ ...h.tokenParams(), apiBase })
      expect(result).toMatchObject({ ok: false, failure: { kind: 'network' } })
      expect(result.call.url).not.toContain(SECRET)
    }
    expect(h.calls).toHaveLength(2)
  })
})

describe('lifecycle', () => {
  it('close() shuts its own agent; later h.calls fail as network and are still reported', async () => {
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = h.client()
    expect((await c.getToken(h.tokenParams())).ok).toBe(true)
    await c.close()
    await c.close()
    const after = await c.getToken(h.tokenParams())
    expect(after).toMatchObject({
      ok: false,
      failure: { kind: 'network', message: expect.stringContaining('closed') }
    })
    expect(h.calls).toHaveLength(2)
  })

  it('uses an injected dispatcher and leaves it open on close()', async () => {
    const agent = new Agent()
    let dispatched = 0
    const counting = agent.compose((dispatch) => (opts, handler) => {
      dispatched++
      return dispatch(opts, handler)
    })
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = h.client({ dispatcher: counting })
    expect((await c.getToken(h.tokenParams())).ok).toBe(true)
    await c.close()
    expect(dispatched).toBe(1)
    expect(agent.closed).toBe(false)
    await agent.close()
  })

  it('a throwing onCall listener does not change the result', async () => {
    h.upstream.answer(json({ access_token: TOKEN, expires_in: 7200 }))
    const c = h.client({
      onCall: () => {
        throw new Error('logger broke')
      }
    })
    expect((await c.getToken(h.tokenParams())).ok).toBe(true)
  })

  it('serves concurrent h.calls independently', async () => {
    let n = 0
    h.upstream.answer((_req, res) => {
      n++
      const mine = n
      setTimeout(
        () => json({ access_token: `${TOKEN}${mine}`, expires_in: 7200 })(_req, res, ''),
        10 * (5 - mine)
      )
    })
    const c = h.client()
    const results = await Promise.all([1, 2, 3, 4].map(() => c.getToken(h.tokenParams())))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(new Set(results.map((r) => (r.ok ? r.value.accessToken : ''))).size).toBe(4)
    expect(h.calls).toHaveLength(4)
  })
})
