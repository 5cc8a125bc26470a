import { CallLog } from '../../src/core/call-log'
import { createEmulator, type Emulator } from '../../src/emulator'
import { createAesCipher } from '../../src/core/storage/aes-cipher'
import type { SecretCipher } from '../../src/core/ports'
import { ProfileService } from '../../src/core/profiles'
import { confStoreFactory, openDeskStore, type DeskStore } from '../../src/core/storage'
import { ManualClock, settle } from '../../src/core/time/clock'
import {
  createTokenRuntime,
  encryptedTokenStore,
  type TokenKeeper,
  type TokenRuntime
} from '../../src/core/tokens'
import type { WeChatClient } from '../../src/core/wechat'
import type { AppDraft } from '../../src/shared/contract'
import { ManualPower, tempDir } from './memory-ports'

export const APPID = 'wx1234567890abcdef'
export const SECRET = '0123456789abcdef0123456789abcdef'

export interface KeeperWorld {
  clock: ManualClock
  emulator: Emulator
  keeper: TokenKeeper
  profiles: ProfileService
  callLog: CallLog
  power: ManualPower
  store: DeskStore
  cipher: SecretCipher
  client: WeChatClient
  profileId: string
  /** Upstream token calls the emulator has seen for the app. */
  upstreamCalls(): number
  /** Moves the clock, letting every refresh a timer starts finish at its own instant. */
  advance(ms: number): Promise<void>
  /** A second keeper on the same data folder, as after an app restart. */
  restart(): Promise<void>
  close(): Promise<void>
}

/**
 * A token keeper wired to the real emulator over HTTP on 127.0.0.1, with an injected clock.
 * `random` is pinned so schedules are deterministic.
 */
export async function keeperWorld(
  draft: Partial<AppDraft> = {},
  options: { timeoutMs?: number; accountType?: 'normal' | 'test'; unattended?: boolean } = {}
): Promise<KeeperWorld> {
  const clock = new ManualClock()
  const emulator = createEmulator({
    clock,
    apps: [{ appid: APPID, secret: SECRET, accountType: options.accountType ?? 'normal' }]
  })
  await emulator.start()
  const dir = tempDir()
  const cipher = createAesCipher('integration-test-key-0123')
  const power = new ManualPower()
  const callLog = new CallLog(10_000)
  let store = openDeskStore(confStoreFactory, dir.path, () => clock.now()).store

  const build = (): { profiles: ProfileService; runtime: TokenRuntime } => {
    const profiles = new ProfileService({ store, cipher, now: () => clock.now(), sandbox: null })
    const runtime = createTokenRuntime({
      credentials: (id) => profiles.credentials(id),
      tokenStore: encryptedTokenStore(store, cipher),
      store,
      clock,
      callLog,
      power,
      random: () => 0.5,
      unattended: options.unattended,
      timeoutMs: options.timeoutMs ?? 2_000
    })
    runtime.keeper.start(profiles.list().map((p) => p.id))
    return { profiles, runtime }
  }

  let { profiles, runtime } = build()
  const profileId = profiles.create({
    name: 'Test OA',
    appId: APPID,
    secret: SECRET,
    kind: 'official-account',
    env: 'dev',
    mode: 'stable',
    apiBase: emulator.url,
    ...draft
  }).id

  const world: KeeperWorld = {
    clock,
    emulator,
    get keeper() {
      return runtime.keeper
    },
    get profiles() {
      return profiles
    },
    get client() {
      return runtime.client
    },
    callLog,
    power,
    get store() {
      return store
    },
    cipher,
    profileId,
    upstreamCalls: () => {
      const stats = emulator.stats(APPID)
      return stats.classic + stats.stable
    },
    advance: (ms) =>
      clock.advance(ms, async () => {
        await settle()
        await runtime.keeper.whenIdle()
      }),
    async restart() {
      await runtime.close()
      store = openDeskStore(confStoreFactory, dir.path, () => clock.now()).store
      ;({ profiles, runtime } = build())
    },
    async close() {
      await runtime.close()
      await emulator.close()
      dir.remove()
    }
  }
  return world
}
