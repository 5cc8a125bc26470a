import { request as httpRequest, type IncomingMessage } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIN_TOKEN_AGE_MS } from '../../../../src/core/tokens'
import { APPID } from '../../../support/keeper-world'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'

interface Stream {
  res: IncomingMessage
  /** Resolves with the next event whose name is `name`. */
  next(name: string): Promise<{ event: string; data: string }>
  text(): string
  close(): void
}

function openStream(w: LocalApiWorld, key: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: w.port,
        path: '/v1/events',
        headers: { authorization: `Bearer ${key}` },
        agent: false
      },
      (res) => {
        let buffer = ''
        let all = ''
        const waiters: { name: string; resolve: (e: { event: string; data: string }) => void }[] = []
        const events: { event: string; data: string }[] = []
        const deliver = (): void => {
          for (const waiter of [...waiters]) {
            const index = events.findIndex((e) => e.event === waiter.name)
            if (index === -1) continue
            const [event] = events.splice(index, 1)
            waiters.splice(waiters.indexOf(waiter), 1)
            if (event) waiter.resolve(event)
          }
        }
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          all += chunk
          buffer += chunk
          let end: number
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event = /^event: (.*)$/m.exec(block)?.[1]
            const data = /^data: (.*)$/m.exec(block)?.[1]
            if (event !== undefined && data !== undefined) events.push({ event, data })
          }
          deliver()
        })
        resolve({
          res,
          next: (name) =>
            new Promise((done) => {
              waiters.push({ name, resolve: done })
              deliver()
            }),
          text: () => all,
          close: () => req.destroy()
        })
      }
    )
    req.on('error', reject)
    req.end()
  })
}

describe('GET /v1/events', () => {
  let w: LocalApiWorld
  beforeAll(async () => {
    w = await localApiWorld({ mode: 'classic' })
  })
  afterAll(() => w.close())

  it('needs the key', async () => {
    const res = await w.call({ path: '/v1/events' })
    expect(res.status).toBe(401)
  })

  it('sends a token event with the appid and expiry — never the token — whenever the token changes', async () => {
    const stream = await openStream(w, w.key)
    expect(stream.res.statusCode).toBe(200)
    expect(stream.res.headers['content-type']).toBe('text/event-stream; charset=utf-8')

    const first = stream.next('token')
    const held = await w.keeper.ensure(w.profileId)
    const event = JSON.parse((await first).data) as Record<string, unknown>
    expect(event).toEqual({
      appid: APPID,
      expires_at: new Date(held.expiresAt).toISOString(),
      mode: 'classic'
    })

    const second = stream.next('token')
    await w.clock.advance(MIN_TOKEN_AGE_MS) // a younger token is kept by the refresh governor
    const refreshed = await w.keeper.refresh(w.profileId)
    expect(JSON.parse((await second).data)).toMatchObject({
      expires_at: new Date(refreshed.expiresAt).toISOString()
    })

    // Re-reading the held token changes nothing: no event.
    await w.keeper.ensure(w.profileId)
    await w.authed({ path: `/v1/apps/${APPID}/access-token` })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(stream.text().match(/event: token/g)?.length).toBe(2)
    expect(stream.text()).not.toContain(held.value)
    expect(stream.text()).not.toContain(refreshed.value)
    stream.close()
  })

  it('sends a token event when a caller’s passive refresh replaces the token', async () => {
    const stream = await openStream(w, w.key)
    await w.clock.advance(MIN_TOKEN_AGE_MS)
    const current = w.keeper.current(w.profileId)
    const changed = stream.next('token')
    const res = await w.authed({
      method: 'POST',
      path: `/v1/apps/${APPID}/access-token/refresh`,
      body: JSON.stringify({ stale_token: current?.value })
    })
    expect(res.json()).toMatchObject({ refreshed: true })
    expect(JSON.parse((await changed).data)).toMatchObject({ appid: APPID })
    stream.close()
  })

  it('closes open streams when the key is rotated', async () => {
    const stream = await openStream(w, w.key)
    const ended = new Promise<void>((resolve) => stream.res.on('end', () => resolve()))
    const old = w.key
    w.server.setApiKey('another-key-another-key-another-key-0000')
    await ended
    w.server.setApiKey(old)
  })
})
