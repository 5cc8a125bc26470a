/** App profiles: what the renderer may know about them, and the calls that manage them. */
import { z } from 'zod'
import type { Localized } from '../result'
import { byId, call, event, none, str } from './kit'

export const APP_KINDS = ['official-account', 'mini-program', 'test-account'] as const
export type AppKind = (typeof APP_KINDS)[number]

export const ENV_TAGS = ['dev', 'test', 'prod'] as const
export type EnvTag = (typeof ENV_TAGS)[number]

/** `remote`: the token is read from another 中控 (a desk or team server); this desk never mints it. */
export const TOKEN_MODES = ['stable', 'classic', 'remote'] as const
export type TokenMode = (typeof TOKEN_MODES)[number]

export const DEFAULT_API_BASE = 'https://api.weixin.qq.com'

/** How the AppSecret of a profile is kept. */
export type SecretPersistence =
  /** Encrypted with the OS keychain (safeStorage) and kept across restarts. */
  | 'encrypted'
  /** Encryption is unavailable: kept in memory for this session only. */
  | 'session-only'
  /** No secret for this session (e.g. after a restart without encryption). */
  | 'missing'
  /** The sandbox's secret, which only the built-in emulator accepts. */
  | 'built-in'

/**
 * The name the built-in sandbox profile is created with. The UI shows it in the user's language for as long
 * as the user has not renamed the profile; API answers and exports carry it as stored.
 */
export const SANDBOX_PROFILE_NAME = 'Sandbox (offline emulator)'

/** The languages names and exports are written in for the reader. */
export const DISPLAY_LANGUAGES = ['en', 'zh-CN'] as const satisfies readonly (keyof Localized)[]
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number]

/** The sandbox's name in each language, shown while the user has not renamed it. */
export const SANDBOX_PROFILE_NAMES: Localized = { en: SANDBOX_PROFILE_NAME, 'zh-CN': '沙箱（离线模拟器）' }

/** How an app is named for a reader of `language`: as the user named it, the untouched sandbox in their language. */
export function displayAppName(app: Pick<AppView, 'name' | 'isSandbox'>, language: DisplayLanguage): string {
  return app.isSandbox && app.name === SANDBOX_PROFILE_NAME ? SANDBOX_PROFILE_NAMES[language] : app.name
}

/** What the renderer may know about an app profile. Never the AppSecret. */
export interface AppView {
  id: string
  name: string
  appId: string
  kind: AppKind
  env: EnvTag
  mode: TokenMode
  apiBase: string
  /** The built-in sandbox profile, bound to the offline emulator. */
  isSandbox: boolean
  hasSecret: boolean
  /** e.g. `••••••••f9e0`, or null without a secret. */
  secretMask: string | null
  secretPersistence: SecretPersistence
  /** Remote mode: the token server's base URL. */
  remoteUrl: string | null
  /** Remote mode: whether a key for that server is held (the key itself stays in main). */
  hasRemoteKey: boolean
  /** 网页授权 callback domains registered for this app (bare host or host:port); absent = none. */
  oauthDomains?: string[]
  /** JS接口安全域名: hosts whose pages may call wx.config (bare host or host:port); absent = none. */
  jsDomains?: string[]
  createdAt: number
}

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
    oauthDomains: z.array(str(300)).max(10).optional(),
    /** JS接口安全域名 (bare host or host:port, at most 5); omitted on update = keep. */
    jsDomains: z.array(str(300)).max(20).optional()
  })
  .strict()
export type AppDraft = z.infer<typeof appDraftSchema>

export const appCalls = {
  listApps: call<AppView[]>()(none),
  createApp: call<AppView>()(appDraftSchema),
  updateApp: call<AppView>()(z.object({ id: byId.shape.id, draft: appDraftSchema }).strict()),
  deleteApp: call<{ deleted: true }>()(byId)
} as const

export const appEvents = {
  appsChanged: event<AppView[]>()
} as const
