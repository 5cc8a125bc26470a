import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createEmulator } from '../../../../src/emulator'
import { createAesCipher } from '../../../../src/core/storage/aes-cipher'
import { ProfileService } from '../../../../src/core/profiles'
import { startHeadless } from '../../../../src/compose/headless/headless'
import { confStoreFactory, openDeskStore } from '../../../../src/core/storage'
import { settle, systemClock, type Clock } from '../../../../src/core/time/clock'
import { MIN_TOKEN_AGE_MS } from '../../../../src/core/tokens'
import { createTokenRuntime, encryptedTokenStore } from '../../../../src/core/tokens'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'
import { failureOf } from '../../../support/desk-failure'
import { APPID, SECRET } from '../../../support/keeper-world'
import { tempDir } from '../../../support/memory-ports'

const MIN = 60_000

/** A second desk whose profile reads its token from another 中控 (remote mode). */
async function remoteDesk(clock: Clock, remoteUrl: string, remoteKey: string) {
  const dir = tempDir()
  const store = openDeskStore(confStoreFactory, dir.path, () => clock.now()).store
  const cipher = createAesCipher('remote-desk-test-key-0123')
  const profiles = new ProfileService({ store, cipher, now: () => clock.now(), sandbox: null })
  const profileId = profiles.create({
    name: 'Shared OA',
    appId: APPID,
    kind: 'official-account',
    env: 'prod',
    mode: 'remote',
    remoteUrl,
    remoteKey
  }).id
  const runtime = createTokenRuntime({
    credentials: (id) => profiles.credentials(id),
    tokenStore: encryptedTokenStore(store, cipher),
    store,
    clock,
    random: () => 0.5,
    timeoutMs: 2_000
  })
  const { keeper, callLog } = runtime
  keeper.start([profileId])
  return {
    keeper,
    profileId,
    callLog,
    async close() {
      await runtime.close()
      dir.remove()
    }
  }
}

describe('remote mode: a desk reads its token from another 中控', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const team = async (): Promise<{ a: LocalApiWorld; b: Awaited<ReturnType<typeof remoteDesk>> }> => {
    const a = await localApiWorld({ mode: 'classic' })
    cleanups.push(() => a.close())
    const b = await remoteDesk(a.clock, a.url, a.key)
    cleanups.push(() => b.close())
    return { a, b }
  }

  it('serves the other desk’s token and never mints one itself', async () => {
    const { a, b } = await team()
    const token = await b.keeper.ensure(b.profileId)
    expect(token.value).toBe(a.keeper.current(a.profileId)?.value)
    expect(a.upstreamCalls()).toBe(1) // minted once, by the 中控
    await b.keeper.ensure(b.profileId)
    expect(b.callLog.list()).toHaveLength(1) // the second ensure reused the held token
    expect(b.callLog.list()[0]?.endpoint).toContain('remote')
    expect(JSON.stringify(b.callLog.list())).not.toContain(a.key)
  })

  it('follows the 中控’s refresh: re-reads before expiry and gets the new token', async () => {
    const { a, b } = await team()
    const first = await b.keeper.ensure(b.profileId)
    await a.advance(7200_000 - 9 * MIN) // the 中控's timer refreshes ~10 min before expiry
    const fresh = a.keeper.current(a.profileId)!
    expect(fresh.value).not.toBe(first.value)
    await a.clock.advance(6 * MIN, async () => {
      await settle()
      await b.keeper.whenIdle()
    })
    expect(b.keeper.current(b.profileId)?.value).toBe(fresh.value)
    expect(a.upstreamCalls()).toBe(2)
  })

  it('passive refresh goes through the 中控’s compare: stale → current with no WeChat call; current → one refresh', async () => {
    const { a, b } = await team()
    const old = await b.keeper.ensure(b.profileId)
    // The other 中控's governor keeps a token younger than 30 s: let both tokens age first.
    await a.clock.advance(MIN_TOKEN_AGE_MS)
    const current = await a.keeper.refresh(a.profileId)
    const fromStale = await b.keeper.passiveRefresh(b.profileId, old.value)
    expect(fromStale.token.value).toBe(current.value)
    expect(a.upstreamCalls()).toBe(2)

    await a.clock.advance(MIN_TOKEN_AGE_MS)
    const fromCurrent = await Promise.all(
      Array.from({ length: 20 }, () => b.keeper.passiveRefresh(b.profileId, current.value))
    )
    expect(new Set(fromCurrent.map((r) => r.token.value)).size).toBe(1)
    expect(fromCurrent[0]?.token.value).not.toBe(current.value)
    expect(a.upstreamCalls()).toBe(3)
  })

  it('says the key was refused and stops, instead of retrying', async () => {
    const a = await localApiWorld({ mode: 'classic' })
    cleanups.push(() => a.close())
    const b = await remoteDesk(a.clock, a.url, 'not-the-right-key-000000000000')
    cleanups.push(() => b.close())
    const error = await failureOf(b.keeper.ensure(b.profileId))
    expect(error).toMatchObject({ httpStatus: 401, retryable: false })
    expect(error.fix?.en).toContain('Local API')
    expect(b.keeper.view(b.profileId).autoRefresh).toBe('stopped')
    expect(a.upstreamCalls()).toBe(0)
  })

  it('reads at most 1 MB of a token server’s answer and reports the rest as a bad answer', async () => {
    const huge = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(`{"access_token":"${'x'.repeat(2 * 1024 * 1024)}","expires_in":7200}`)
    })
    await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => huge.close(() => resolve())))
    const b = await remoteDesk(
      systemClock,
      `http://127.0.0.1:${(huge.address() as AddressInfo).port}`,
      'k'.repeat(32)
    )
    cleanups.push(() => b.close())
    const error = await failureOf(b.keeper.ensure(b.profileId))
    expect(error.code).toBe('bad-response')
    expect(b.keeper.current(b.profileId)).toBeNull()
  })

  it('never lets a key the other 中控 echoes in an error reach the view, in any form it echoes it', async () => {
    const key = 'remote-key-0123456789-ABCDEFghijklmnop'
    const echoes = [
      `refused key ${key}`,
      `refused key ${key.toUpperCase()}`,
      `refused key ${encodeURIComponent(key)}`,
      `refused Basic ${Buffer.from(`desk:${key}`).toString('base64')}`,
      `refused key ${key.match(/.{1,5}/g)!.join(' ')}`
    ]
    let echo = ''
    const echoing = createServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'upstream', message: echo } }))
    })
    await new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => echoing.close(() => resolve())))
    const b = await remoteDesk(
      systemClock,
      `http://127.0.0.1:${(echoing.address() as AddressInfo).port}`,
      key
    )
    cleanups.push(() => b.close())
    const pushed: string[] = []
    b.keeper.onChange((view) => pushed.push(JSON.stringify(view)))
    for (const message of echoes) {
      echo = message
      const error = await failureOf(b.keeper.ensure(b.profileId))
      const seen = [JSON.stringify(error), JSON.stringify(b.keeper.view(b.profileId)), ...pushed].join('\n')
      expect(seen, message).not.toContain(key)
      expect(seen.toLowerCase(), message).not.toContain(key.slice(0, 16).toLowerCase())
      expect(seen, message).not.toContain(Buffer.from(`desk:${key}`).toString('base64').slice(8, 30))
      expect(JSON.stringify(b.callLog.list()), message).not.toContain(key)
    }
  })

  it('refuses force refresh: the 中控 owns the token', async () => {
    const { b } = await team()
    expect((await failureOf(b.keeper.forceRefresh(b.profileId))).code).toBe('guard')
  })

  it('reads from a headless serve', async () => {
    const emulator = createEmulator({ apps: [{ appid: APPID, secret: SECRET, accountType: 'normal' }] })
    await emulator.start()
    cleanups.push(() => emulator.close())
    const key = 'headless-test-key-' + 'x'.repeat(32)
    const headless = await startHeadless({
      apps: [
        {
          appid: APPID,
          name: 'Team OA',
          kind: 'official-account',
          env: 'dev',
          mode: 'stable',
          apiBase: emulator.url
        }
      ],
      env: { [`WECHAT_SECRET_${APPID}`]: SECRET, DESK_API_KEY: key },
      host: '127.0.0.1',
      port: 0,
      allowNonLoopback: false,
      dataDir: null,
      emulator: false,
      log: () => undefined,
      mask: () => undefined,
      announceKey: () => undefined
    })
    cleanups.push(() => headless.stop('test'))
    const b = await remoteDesk(systemClock, headless.url, key)
    cleanups.push(() => b.close())
    const token = await b.keeper.ensure(b.profileId)
    expect(emulator.tokenState(token.value)).toBe('valid')
    expect(emulator.stats(APPID).stable).toBe(1)
  })
})
