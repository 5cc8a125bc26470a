import type { Dispatcher } from 'undici'
import type { EventName, EventPayload } from '../shared/contract'
import { text } from '../shared/result'
import type { SystemInfo } from '../shared/types'
import { CallLog } from './call-log'
import type { ClipboardPort, ExternalOpenerPort, FileSaverPort, PowerPort, SecretCipher } from './platform/ports'
import { ProfileService } from './profiles'
import { RemoteTokenSource } from './remote'
import { startSandbox, type Sandbox } from './sandbox'
import { openDeskStore, type DeskStore, type StoreFactory } from './storage'
import { NoticeBoard, PreferencesService } from './system'
import { systemClock, type Clock } from './time/clock'
import { TokenKeeper } from './tokens'
import { createWeChatClient, type WeChatClient } from './wechat'

/** Everything the services need from the outside world. Electron, the e2e harness and tests each supply their own. */
export interface DeskPorts {
  dataDir: string
  storeFactory: StoreFactory
  cipher: SecretCipher
  clipboard: ClipboardPort
  fileSaver: FileSaverPort
  opener: ExternalOpenerPort
  power?: PowerPort
  clock?: Clock
  systemLanguage: string
  version: string
  /** Start the built-in emulator and the sandbox profile (the app does; some tests don't need it). */
  sandbox?: boolean
  /** For tests: route WeChat calls through a custom undici dispatcher. */
  dispatcher?: Dispatcher
  apiTimeoutMs?: number
  random?: () => number
}

export interface DeskServices {
  clock: Clock
  store: DeskStore
  profiles: ProfileService
  tokens: TokenKeeper
  callLog: CallLog
  client: WeChatClient
  notices: NoticeBoard
  preferences: PreferencesService
  sandbox: Sandbox | null
  clipboard: ClipboardPort
  fileSaver: FileSaverPort
  opener: ExternalOpenerPort
  version: string
  systemInfo: () => Omit<SystemInfo, 'notices'>
  /** Forwards every main→renderer event to `emit`; returns an unsubscribe function. */
  subscribe(emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void): () => void
  dispose(): Promise<void>
}

/** The composition of the plain-Node services, in dependency order. No Electron here. */
export async function createDeskServices(ports: DeskPorts): Promise<DeskServices> {
  const clock = ports.clock ?? systemClock
  const notices = new NoticeBoard()
  const opened = openDeskStore(ports.storeFactory, ports.dataDir, () => clock.now())
  if (opened.notice) notices.add(opened.notice)
  const store = opened.store

  if (!ports.cipher.available) {
    notices.add({
      id: 'encryption-unavailable',
      level: 'warning',
      message: text(
        `Secure storage is unavailable (${ports.cipher.unavailableReason ?? 'unknown reason'}). AppSecrets and tokens are kept for this session only and are never written to disk in plaintext.`,
        `安全存储不可用（${ports.cipher.unavailableReason ?? '原因未知'}）。AppSecret 和令牌仅在本次会话中保留，绝不会以明文写入磁盘。`
      )
    })
  }

  const sandbox = ports.sandbox === false ? null : await startSandbox(clock)
  const profiles = new ProfileService({
    store,
    cipher: ports.cipher,
    now: () => clock.now(),
    sandbox: sandbox?.binding ?? null
  })
  for (const notice of profiles.notices) notices.add(notice)

  const callLog = new CallLog()
  const client = createWeChatClient({ clock, dispatcher: ports.dispatcher, timeoutMs: ports.apiTimeoutMs })
  const remote = new RemoteTokenSource(clock, ports.apiTimeoutMs, ports.dispatcher)
  const tokens = new TokenKeeper({
    credentials: (id) => profiles.credentials(id),
    client,
    remote,
    store,
    cipher: ports.cipher,
    clock,
    callLog,
    power: ports.power,
    random: ports.random
  })
  tokens.start(profiles.list().map((p) => p.id))
  const stopForgetting = profiles.onChange((change) => {
    if (change.credentialsChanged) tokens.forget(change.profileId, { deleted: change.kind === 'deleted' })
  })

  const preferences = new PreferencesService(store)
  if (preferences.get().selectedAppId === null && sandbox) preferences.update({ selectedAppId: 'sandbox' })

  return {
    clock,
    store,
    profiles,
    tokens,
    callLog,
    client,
    notices,
    preferences,
    sandbox,
    clipboard: ports.clipboard,
    fileSaver: ports.fileSaver,
    opener: ports.opener,
    version: ports.version,
    systemInfo: () => ({
      systemLanguage: ports.systemLanguage,
      encryptionAvailable: ports.cipher.available,
      version: ports.version
    }),
    subscribe(emit) {
      const offs = [
        tokens.onChange((view) => emit('tokenChanged', view)),
        callLog.onEntry((entry) => emit('callLogged', entry)),
        profiles.onChange(() => emit('appsChanged', profiles.list())),
        notices.onChange((list) => emit('noticesChanged', list))
      ]
      return () => offs.forEach((off) => off())
    },
    async dispose() {
      stopForgetting()
      await tokens.whenIdle()
      tokens.stop()
      await client.close()
      await remote.close()
      await sandbox?.emulator.close()
    }
  }
}
