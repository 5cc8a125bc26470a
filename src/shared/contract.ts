/**
 * The one contract between renderer and main. Every call the renderer may make and every event main may
 * push is declared here once; the main handler table, the preload's `window.desk` and the renderer's types
 * are all derived from it.
 */
import { z } from 'zod'
import { call, event } from './contract-kit'
import { localApiCalls, localApiEvents } from './local-api-contract'
import { oauthCalls, oauthEvents } from './oauth-contract'
import type { Result } from './result'
import {
  APP_KINDS,
  EMULATOR_FAULTS,
  ENV_TAGS,
  TOKEN_MODES,
  type AppView,
  type CallLogEntry,
  type EmulatorStatus,
  type Notice,
  type Preferences,
  type ProbeResult,
  type SavedFile,
  type SystemInfo,
  type TokenView
} from './types'

export type { CallSpec, EventSpec } from './contract-kit'

const none = z.undefined()
const id = z.string().min(1).max(64)
const byId = z.object({ id }).strict()
const str = (max: number) => z.string().max(max)

/** Fields the user types for a profile. Domain checks (AppID shape …) happen in main with localized messages. */
export const appDraftSchema = z
  .object({
    name: str(200),
    appId: str(200),
    /** Omitted on update = keep the stored secret. */
    secret: str(200).optional(),
    kind: z.enum(APP_KINDS),
    env: z.enum(ENV_TAGS),
    mode: z.enum(TOKEN_MODES),
    apiBase: str(500).optional(),
    /** Remote mode only: the other 中控's base URL and its API key (omitted on update = keep). */
    remoteUrl: str(500).optional(),
    remoteKey: str(500).optional(),
    /** 网页授权 callback domains (bare host or host:port, at most 2); omitted on update = keep. */
    oauthDomains: z.array(str(300)).max(10).optional()
  })
  .strict()
export type AppDraft = z.infer<typeof appDraftSchema>

const tokenAction = z.object({ id, confirmed: z.boolean().optional() }).strict()

export const calls = {
  // Profiles
  listApps: call<AppView[]>()(none),
  createApp: call<AppView>()(appDraftSchema),
  updateApp: call<AppView>()(z.object({ id, draft: appDraftSchema }).strict()),
  deleteApp: call<{ deleted: true }>()(byId),

  // Tokens
  getToken: call<TokenView>()(byId),
  /** Returns the held token if still valid, otherwise obtains one. */
  fetchToken: call<TokenView>()(tokenAction),
  /** Calls WeChat now (stable: normal mode; classic: mints a new token). */
  refreshToken: call<TokenView>()(tokenAction),
  /** stable_token with force_refresh: guarded (30 s spacing, 20/day, prod confirmation). */
  forceRefreshToken: call<TokenView>()(tokenAction),
  testToken: call<ProbeResult>()(byId),
  revealToken: call<{ token: string }>()(byId),
  copyToken: call<{ copied: true }>()(z.object({ id, format: z.enum(['token', 'curl']) }).strict()),
  exportPostman: call<SavedFile>()(byId),

  // Call log
  listCallLog: call<CallLogEntry[]>()(z.object({ id: id.optional() }).strict()),
  clearCallLog: call<{ cleared: true }>()(none),

  // Built-in emulator
  getEmulatorStatus: call<EmulatorStatus>()(none),
  injectEmulatorFault: call<EmulatorStatus>()(
    z.object({ fault: z.enum(EMULATOR_FAULTS), count: z.number().int().min(1).max(20) }).strict()
  ),
  clearEmulatorFaults: call<EmulatorStatus>()(none),

  // Preferences & system
  getPreferences: call<Preferences>()(none),
  updatePreferences: call<Preferences>()(
    z
      .object({
        language: z.enum(['system', 'en', 'zh-CN']).optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        selectedAppId: id.nullable().optional()
      })
      .strict()
  ),
  getSystemInfo: call<SystemInfo>()(none),
  dismissNotice: call<{ dismissed: true }>()(byId),
  openExternal: call<{ opened: true }>()(z.object({ url: str(2000) }).strict()),

  // Local HTTP API (中控)
  ...localApiCalls,

  // OAuth workbench (网页授权)
  ...oauthCalls
} as const

export const events = {
  tokenChanged: event<TokenView>(),
  callLogged: event<CallLogEntry>(),
  appsChanged: event<AppView[]>(),
  noticesChanged: event<Notice[]>(),
  ...localApiEvents,
  ...oauthEvents
} as const

export type Calls = typeof calls
export type CallName = keyof Calls
export type EventName = keyof typeof events
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>
export type ParsedInput<K extends CallName> = z.output<Calls[K]['input']>
export type CallOutput<K extends CallName> = NonNullable<Calls[K]['output']>
export type EventPayload<K extends EventName> = NonNullable<(typeof events)[K]['payload']>

export const callNames = Object.keys(calls) as CallName[]
export const eventNames = Object.keys(events) as EventName[]

export const channelOf = (name: CallName | EventName): string => `desk:${name}`

type Verb<K extends CallName> =
  undefined extends CallInput<K>
    ? (input?: CallInput<K>) => Promise<Result<CallOutput<K>>>
    : (input: CallInput<K>) => Promise<Result<CallOutput<K>>>

/** `window.desk`: one named verb per call, plus `on.<event>(listener) → unsubscribe`. */
export type DeskApi = { [K in CallName]: Verb<K> } & {
  on: { [K in EventName]: (listener: (payload: EventPayload<K>) => void) => () => void }
}
