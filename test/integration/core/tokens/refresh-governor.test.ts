import { afterEach, describe, expect, it } from 'vitest'
import { encryptedTokenStore, MIN_TOKEN_AGE_MS } from '../../../../src/core/tokens'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'
import { failureOf } from '../../../support/desk-failure'
import { APPID, SECRET } from '../../../support/keeper-world'
import { json, startUpstream, type Upstream } from '../../../support/upstream-server'

/**
 * The refresh governor, proved against the emulator over real HTTP with an injected clock: no loop, burst or
 * combination of callers can make the desk mint tokens faster than about one per 30 s per app.
 */

let w: LocalApiWorld | null = null
let upstream: Upstream | null = null
afterEach(async () => {
  await w?.close()
  await upstream?.close()
  w = null
  upstream = null
})
const world = async (...args: Parameters<typeof localApiWorld>): Promise<LocalApiWorld> => {
  w = await localApiWorld(...args)
  return w
}
/** Someone else asks WeChat for a classic token, behind the desk's back. */
const mintElsewhere = async (w: LocalApiWorld): Promise<void> => {
  await fetch(`${w.emulator.url}/cgi-bin/token?grant_type=client_credential&appid=${APPID}&secret=${SECRET}`)
}

describe('the refresh governor', () => {
  it('lets 100 sequential passive refreshes, each passing the token it just got, mint at most 2 tokens', async () => {
    const w = await world({ mode: 'classic' })
    let token = (await w.keeper.ensure(w.profileId)).value
    await w.clock.advance(MIN_TOKEN_AGE_MS)
    const before = w.upstreamCalls()
    for (let i = 0; i < 100; i++) {
      token = (await w.keeper.passiveRefresh(w.profileId, token)).token.value
      await w.clock.advance(10) // a tight loop: 100 claims in one simulated second
    }
    expect(w.upstreamCalls() - before).toBeLessThanOrEqual(2)
    expect(w.emulator.tokenState(token)).toBe('valid')
  })

  it('answers 100 on-demand reads with a wrong secret with one upstream call, from memory', async () => {
    const w = await world({ mode: 'classic', secret: 'ffffffffffffffffffffffffffffffff' })
    for (let i = 0; i < 100; i++) {
      const error = await failureOf(w.keeper.ensure(w.profileId))
      expect(error).toMatchObject({ code: 'wechat', errcode: 40125 })
    }
    expect(w.upstreamCalls()).toBe(1)
    const view = w.keeper.view(w.profileId)
    expect(view.remembered).toMatchObject({ error: { errcode: 40125 }, nextTryAt: w.clock.now() + 60_000 })
    expect(view.lastAttempt).toMatchObject({ ok: false, fromMemory: true })
    // The same through the Local API: 100 reads, still one call.
    for (let i = 0; i < 100; i++) {
      expect((await w.authed({ path: `/v1/apps/${APPID}/access-token` })).status).toBe(502)
    }
    expect(w.upstreamCalls()).toBe(1)
  })

  it('asks again at once when the user says "Retry now", and after the pause by itself, with a growing pause', async () => {
    const w = await world({ mode: 'classic' })
    w.emulator.injectFault('quota', 2)
    await failureOf(w.keeper.ensure(w.profileId))
    await failureOf(w.keeper.refresh(w.profileId, 'refresh', { retryNow: true }))
    expect(w.upstreamCalls()).toBe(2)
    // The second remembered failure pauses twice as long.
    expect(w.keeper.view(w.profileId).remembered?.nextTryAt).toBe(w.clock.now() + 120_000)
    await w.clock.advance(120_000)
    expect(w.upstreamCalls()).toBe(3)
    expect(w.keeper.current(w.profileId)).not.toBeNull()
    expect(w.keeper.view(w.profileId).remembered).toBeNull()
  })

  it('coalesces a refresh of a token younger than 30 s, from every path', async () => {
    const w = await world({ mode: 'classic' })
    const held = await w.keeper.ensure(w.profileId)
    await w.clock.advance(5_000)
    expect((await w.keeper.refresh(w.profileId)).value).toBe(held.value)
    expect(w.keeper.view(w.profileId).lastAttempt).toMatchObject({ ok: true, coalesced: true })
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        w.authed({
          method: 'POST',
          path: `/v1/apps/${APPID}/access-token/refresh`,
          body: JSON.stringify({ stale_token: held.value })
        })
      )
    )
    expect(new Set(answers.map((a) => a.json<{ access_token: string }>().access_token))).toEqual(
      new Set([held.value])
    )
    expect(w.upstreamCalls()).toBe(1)
    expect(w.emulator.stats(APPID).probe).toBe(1) // the young token was checked once, and is alive
  })

  it('replaces a token killed from outside one second after it was minted, at once, and says who did it', async () => {
    const w = await world({ mode: 'classic' })
    const held = await w.keeper.ensure(w.profileId)
    await w.clock.advance(1_000)
    await mintElsewhere(w)
    await mintElsewhere(w)
    expect(w.emulator.tokenState(held.value)).not.toBe('valid')
    // Evidence: a call the desk made (or relayed) was answered 40001.
    const next = await w.keeper.tokenRejected(w.profileId, held.value)
    expect(next?.value).not.toBe(held.value)
    expect(w.emulator.tokenState(next!.value)).toBe('valid')
    const { stomping } = w.keeper.view(w.profileId)
    expect(stomping).toMatchObject({ countToday: 1, lifetimeSeconds: 1 })
    expect(stomping?.message.en).toContain(`Another system is fetching access_tokens for ${APPID}`)
    expect(stomping?.message['zh-CN']).toContain('另有系统')
    const apps = (await w.authed({ path: '/v1/apps' })).json<{ apps: { stomping: unknown }[] }>()
    expect(apps.apps[0]?.stomping).toMatchObject({ count_today: 1, lifetime_seconds: 1 })
  })

  it('mints no more than two tokens in 30 s while another system stomps continuously', async () => {
    const w = await world({ mode: 'classic' })
    await w.keeper.ensure(w.profileId)
    await w.clock.advance(MIN_TOKEN_AGE_MS)
    const deskMints = (): number =>
      w.callLog.list().filter((e) => e.endpoint === '/cgi-bin/token' && e.outcome === 'ok').length
    const before = deskMints()
    for (let i = 0; i < 10; i++) {
      const current = w.keeper.view(w.profileId).held ? (await w.keeper.ensure(w.profileId)).value : ''
      await mintElsewhere(w)
      await mintElsewhere(w)
      await w.keeper.tokenRejected(w.profileId, current)
      await w.clock.advance(1_000)
    }
    expect(deskMints() - before).toBeLessThanOrEqual(2)
    expect(w.keeper.view(w.profileId).stomping?.countToday).toBeGreaterThanOrEqual(1)
  })

  it('treats an expires_in outside 1..7200 as a bad answer: nothing kept, no 500 anywhere, other apps unaffected', async () => {
    const w = await world({ mode: 'classic' })
    upstream = await startUpstream()
    upstream.answer(json({ access_token: '84_huge-lifetime-token', expires_in: 9007199254740991 }))
    const bad = w.profiles.create({
      name: 'Bad upstream',
      appId: 'wx00000000000000bb',
      secret: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      kind: 'official-account',
      env: 'dev',
      mode: 'classic',
      apiBase: upstream.base
    })
    const error = await failureOf(w.keeper.ensure(bad.id))
    expect(error.code).toBe('bad-response')
    expect(error.message.en).toMatch(/expires_in/)
    expect(w.store.read('tokens')[bad.id]).toBeUndefined()

    const routes = [
      { path: '/v1/apps' },
      { path: '/v1/apps/wx00000000000000bb/access-token' },
      { path: `/v1/apps/${APPID}/access-token` },
      {
        path: `/cgi-bin/token?grant_type=client_credential&appid=wx00000000000000bb&secret=${'b'.repeat(32)}`
      }
    ]
    for (const route of routes) {
      const answer = await w.authed(route)
      expect(answer.status, route.path).not.toBe(500)
      expect(() => answer.json(), route.path).not.toThrow()
    }
    expect((await w.authed({ path: `/v1/apps/${APPID}/access-token` })).status).toBe(200)
  })

  it('drops a persisted token with an impossible lifetime on load, and serves a fresh one', async () => {
    const w = await world({ mode: 'classic' })
    const held = await w.keeper.ensure(w.profileId)
    // What an older desk persisted from a bad upstream answer.
    encryptedTokenStore(w.store, w.cipher).persist(
      w.profileId,
      { appId: APPID, origin: w.profiles.credentials(w.profileId).apiBase, mode: 'classic' },
      { ...held, expiresAt: Number.MAX_SAFE_INTEGER, grantedSeconds: 9007199254740991 }
    )
    await w.restart()
    expect(w.keeper.current(w.profileId)).toBeNull()
    expect(w.store.read('tokens')[w.profileId]).toBeUndefined()
    const apps = await w.authed({ path: '/v1/apps' })
    expect(apps.status).toBe(200)
  })
})
