import type { DeskError, Localized } from './result'

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
  createdAt: number
}

export interface TokenQuota {
  /** Upstream token calls (classic + stable) made by this desk today (Beijing day). */
  used: number
  /** 2000 for normal accounts, 200 for test accounts (the /cgi-bin/token quota). */
  limit: number
  /** stable_token force refreshes made today. */
  forceUsed: number
  forceLimit: number
  /** When the next force refresh is allowed (30 s spacing), epoch ms, or null. */
  forceAvailableAt: number | null
}

export interface TokenAttempt {
  at: number
  ok: boolean
  /** What triggered the attempt. */
  trigger: 'fetch' | 'refresh' | 'force' | 'timer' | 'passive' | 'wake' | 'retry'
  /** True when the attempt reused a held token and made no upstream call. */
  reused: boolean
  error?: DeskError
}

export type AutoRefreshState =
  | 'scheduled'
  /** Nothing held, nothing to refresh. */
  | 'idle'
  /** Stopped after an error retrying cannot fix; `lastAttempt.error.fix` says what to do. */
  | 'stopped'
  /** Prod + classic: every fetch invalidates the production token, so the desk never does it unasked. */
  | 'needs-confirmation'
  | 'no-secret'

/** The state of one app's token as the UI sees it. The value itself is masked. */
export interface TokenView {
  /** Profile id (AppView.id). */
  profileId: string
  held: boolean
  /** `84_vWP_BM••••••••1a2b`, or null when nothing is held. */
  masked: string | null
  mode: TokenMode | null
  obtainedAt: number | null
  expiresAt: number | null
  /** Lifetime WeChat granted, in seconds (7200 for classic; 300…7200 for stable). */
  grantedSeconds: number | null
  valid: boolean
  refreshing: boolean
  autoRefresh: AutoRefreshState
  nextRefreshAt: number | null
  retry: { attempt: number; nextAt: number } | null
  lastAttempt: TokenAttempt | null
  quota: TokenQuota
  /** The clock main uses, so the renderer's countdowns agree with it. */
  now: number
}

export interface CallLogEntry {
  id: number
  at: number
  /** Profile id (AppView.id). */
  profileId: string
  endpoint: string
  method: 'GET' | 'POST'
  /** The URL with secret and token values redacted. */
  url: string
  httpStatus: number | null
  errcode: number | null
  rid: string | null
  durationMs: number
  outcome: 'ok' | 'error'
  /** The (redacted) errmsg, or a short reason for failures without an errcode (timeout, reset, HTML …). */
  detail: string | null
}

export const EMULATOR_FAULTS = [
  'system-error',
  'quota',
  'ip-whitelist',
  'http-500-html',
  'hang',
  'connection-reset',
  'malformed-json'
] as const
export type EmulatorFault = (typeof EMULATOR_FAULTS)[number]

export interface EmulatorStatus {
  running: boolean
  url: string | null
  /** Faults still queued, in the order they will be served. */
  pendingFaults: EmulatorFault[]
}

export type LanguagePreference = 'system' | 'en' | 'zh-CN'
export type ThemePreference = 'system' | 'light' | 'dark'

export interface Preferences {
  language: LanguagePreference
  theme: ThemePreference
  selectedAppId: string | null
}

export interface Notice {
  id: string
  level: 'info' | 'warning' | 'error'
  message: Localized
}

export interface SystemInfo {
  /** The OS language, e.g. `zh-CN` or `en-US`. */
  systemLanguage: string
  encryptionAvailable: boolean
  /** Why secrets are kept for this session only (no keychain, Linux `basic_text` backend …). */
  encryptionUnavailableReason: string | null
  /** Things the user must hear about at start-up (corrupt store moved aside, no encryption …). */
  notices: Notice[]
  version: string
}

export interface ProbeResult {
  ok: true
  ipCount: number
  durationMs: number
}

export interface SavedFile {
  saved: boolean
  path: string | null
}
