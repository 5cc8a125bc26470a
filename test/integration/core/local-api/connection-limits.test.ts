import { afterEach, describe, expect, it } from 'vitest'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'
import { APPID } from '../../../support/keeper-world'
import { openSockets } from '../../../support/socket-flood'

/**
 * No single local client can lock the others out: a flood of idle sockets or of event streams leaves the
 * token route and /healthz answering. The loops are bounded; every socket is on 127.0.0.1.
 */

let w: LocalApiWorld | null = null
const floods: (() => void)[] = []
afterEach(async () => {
  floods.splice(0).forEach((close) => close())
  await w?.close()
  w = null
})

describe('the Local API under a connection flood', () => {
  it('keeps answering /healthz and the token route while 1,100 idle sockets are open', async () => {
    w = await localApiWorld({ mode: 'classic' })
    await w.keeper.ensure(w.profileId)
    const flood = await openSockets(w.port, 1_100)
    floods.push(flood.close)
    expect((await w.call({ path: '/healthz' })).status).toBe(200)
    expect((await w.authed({ path: `/v1/apps/${APPID}/access-token` })).status).toBe(200)
  }, 20_000)

  it('caps event streams, says why when it refuses one, and the token route still answers', async () => {
    w = await localApiWorld({ mode: 'classic' })
    const request = `GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1:${w.port}\r\nAuthorization: Bearer ${w.key}\r\n\r\n`
    const streams = await openSockets(w.port, 200, request)
    floods.push(streams.close)
    const refused = await w.authed({ path: '/v1/events' })
    expect(refused.status).toBe(503)
    expect(refused.json()).toMatchObject({ error: { code: 'too-many-streams' } })
    expect(refused.headers['retry-after']).toBeDefined()
    expect((await w.call({ path: '/healthz' })).status).toBe(200)
    expect((await w.authed({ path: `/v1/apps/${APPID}/access-token` })).status).toBe(200)
  }, 20_000)
})
