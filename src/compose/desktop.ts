import type { Dispatcher } from 'undici'
import type { SystemInfo } from '../shared/contract'
import { ConsoleService } from '../core/console'
import { JssdkService } from '../core/jssdk'
import { AppIndex, LocalApiService, profileCatalog } from '../core/local-api'
import { Gateway } from '../core/local-api/gateway/gateway'
import { MiniProgramService } from '../core/mini-program'
import { OAuthService } from '../core/oauth'
import type {
  ClipboardPort,
  ExternalOpenerPort,
  FileOpenerPort,
  FileSaverPort,
  PowerPort,
  SecretCipher
} from '../core/ports'
import { ProfileService, SANDBOX_PROFILE_ID } from '../core/profiles'
import { PushWorkbench } from '../core/push'
import { emulatorStatus, startSandbox, type Sandbox } from './sandbox'
import { openDeskStore, type DeskStore, type StoreFactory } from '../core/storage'
import { NoticeBoard, PreferencesService } from '../core/system'
import { systemClock, type Clock } from '../core/time/clock'
import { logStomps, type CallLog } from '../core/call-log'
import { subscribeAll, type EventEmitter, type EventSources } from '../core/handler-table'
import { createTokenRuntime, encryptedTokenStore, type TokenKeeper } from '../core/tokens'
import { encryptedTicketStore, TicketKeeper } from '../core/tokens/tickets'
import type { WeChatClient } from '../core/wechat'

/** Everything the services need from the outside world. Electron, the e2e harness and tests each supply their own. */
export interface DeskPorts {
  dataDir: string
  storeFactory: StoreFactory
  cipher: SecretCipher
  clipboard: ClipboardPort
  fileSaver: FileSaverPort
  /** "Choose file…" for the console's uploads: read in main. */
  fileOpener: FileOpenerPort
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
  /** For tests of slow handlers: how long the push simulator waits for each delivery (WeChat's 5 s by default). */
  pushAttemptTimeoutMs?: number
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
  /** The local HTTP API (中控) and its settings, key and request log. */
  localApi: LocalApiService
  /** The OAuth workbench (网页授权): links, callback catcher, code exchange, user tokens. */
  oauth: OAuthService
  /** The push simulator (消息推送调试): each app's 服务器配置, verification, pushes and their history. */
  push: PushWorkbench
  /** JS-SDK: the jsapi_ticket, the signature calculator and the invalid-signature diagnosis. */
  jssdk: JssdkService
  /** Mini Program login: jscode2session, getuserphonenumber, and simulated codes on the emulator. */
  miniProgram: MiniProgramService
  /** The API console (接口调试) and its doctor actions, through the desk's one gateway. */
  console: ConsoleService
  clipboard: ClipboardPort
  fileSaver: FileSaverPort
  opener: ExternalOpenerPort
  version: string
  systemInfo: () => Omit<SystemInfo, 'notices'>
  /** Forwards every main→renderer event to `emit`; returns an unsubscribe function. */
  subscribe(emit: EventEmitter): () => void
  dispose(): Promise<void>
}

/** The composition of the plain-Node services, in dependency order. No Electron here. */
export async function createDeskServices(ports: DeskPorts): Promise<DeskServices> {
  const clock = ports.clock ?? systemClock
  const notices = new NoticeBoard()
  const opened = openDeskStore(ports.storeFactory, ports.dataDir, () => clock.now())
  if (opened.notice) notices.add(opened.notice)
  const store = opened.store

  const sandbox = ports.sandbox === false ? null : await startSandbox(clock)
  const profiles = new ProfileService({
    store,
    cipher: ports.cipher,
    now: () => clock.now(),
    sandbox: sandbox?.binding ?? null
  })
  for (const notice of profiles.notices) notices.add(notice)

  const runtime = createTokenRuntime({
    credentials: (id) => profiles.credentials(id),
    tokenStore: encryptedTokenStore(store, ports.cipher),
    store,
    clock,
    power: ports.power,
    random: ports.random,
    dispatcher: ports.dispatcher,
    timeoutMs: ports.apiTimeoutMs
  })
  const { keeper: tokens, client, callLog } = runtime
  tokens.start(profiles.list().map((p) => p.id))
  const tickets = new TicketKeeper({
    tokens,
    client,
    credentials: (id) => profiles.credentials(id),
    store: encryptedTicketStore(store, ports.cipher),
    clock,
    callLog
  })
  tickets.start(profiles.list().map((p) => p.id))
  const stopStompLog = logStomps(tokens, callLog)
  const stopFollowing = sandbox?.follow(profiles)
  const stopForgetting = profiles.onChange((change) => {
    if (!change.credentialsChanged) return
    tokens.forget(change.profileId, { deleted: change.kind === 'deleted' })
    tickets.forget(change.profileId)
  })

  // The desk's one gateway: the Local API relays through it, and so does the console while the API is off.
  const catalog = profileCatalog(profiles)
  const gateway = new Gateway({
    callLog,
    tickets,
    dispatcher: ports.dispatcher,
    index: new AppIndex(catalog),
    tokens,
    clock,
    deskKey: () => localApi.deskKey()
  })
  const localApi: LocalApiService = new LocalApiService({
    store,
    cipher: ports.cipher,
    catalog,
    tokens,
    clock,
    clipboard: ports.clipboard,
    gateway
  })
  for (const notice of localApi.notices) notices.add(notice)
  const localApiError = await localApi.start()
  if (localApiError) {
    notices.add({ id: 'local-api-unavailable', level: 'warning', message: localApiError.message })
  }

  const oauth = new OAuthService({
    profiles,
    client,
    store,
    cipher: ports.cipher,
    clock,
    callLog,
    clipboard: ports.clipboard,
    domainsFor: sandbox?.domainsFor
  })

  const push = new PushWorkbench({
    profiles,
    clipboard: ports.clipboard,
    clock,
    attemptTimeoutMs: ports.pushAttemptTimeoutMs
  })

  const jssdk = new JssdkService({ profiles, tickets, clock, clipboard: ports.clipboard })
  const miniProgram = new MiniProgramService({
    profiles,
    client,
    tokens,
    callLog,
    clock,
    simulator: sandbox?.simulator ?? null
  })
  const apiConsole = new ConsoleService({
    gateway,
    token: async (id) => (await tokens.ensure(id)).value,
    app: (id) => profiles.credentials(id),
    store,
    clock,
    callLog,
    clipboard: ports.clipboard,
    fileSaver: ports.fileSaver,
    fileOpener: ports.fileOpener
  })
  const stopDropping = profiles.onChange((change) => {
    if (change.kind === 'deleted') apiConsole.history.drop(change.profileId)
  })

  const preferences = new PreferencesService(store)
  if (preferences.get().selectedAppId === null && sandbox)
    preferences.update({ selectedAppId: SANDBOX_PROFILE_ID })

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
    localApi,
    oauth,
    push,
    jssdk,
    miniProgram,
    console: apiConsole,
    clipboard: ports.clipboard,
    fileSaver: ports.fileSaver,
    opener: ports.opener,
    version: ports.version,
    systemInfo: () => ({
      systemLanguage: ports.systemLanguage,
      encryptionAvailable: ports.cipher.available,
      encryptionUnavailableReason: ports.cipher.unavailableReason,
      version: ports.version
    }),
    subscribe(emit) {
      // One source per contract event: `satisfies` fails the build when an event has none.
      const sources = {
        tokenChanged: (send) => tokens.onChange(send),
        callLogged: (send) => callLog.onEntry(send),
        appsChanged: (send) => profiles.onChange(() => send(profiles.list())),
        noticesChanged: (send) => notices.onChange(send),
        oauthChanged: (send) => oauth.onChange(send),
        localApiChanged: (send) => localApi.onChange(send),
        localApiRequest: (send) => localApi.onRequests(send),
        pushActivity: (send) => push.onActivity(send),
        emulatorChanged: (send) =>
          sandbox?.emulator.onFaultsChange(() => send(emulatorStatus(sandbox.emulator))) ?? (() => undefined)
      } satisfies EventSources
      return subscribeAll(sources, emit)
    },
    async dispose() {
      await oauth.dispose()
      await push.close()
      apiConsole.close()
      stopDropping()
      await localApi.close()
      await gateway.close()
      stopForgetting()
      stopFollowing?.()
      stopStompLog()
      await tickets.whenIdle()
      tickets.stop()
      await runtime.close()
      await sandbox?.close()
    }
  }
}
