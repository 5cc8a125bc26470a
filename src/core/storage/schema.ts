import { z } from 'zod'
import {
  APP_KINDS,
  ENV_TAGS,
  LOCAL_API_DEFAULT_PORT,
  PUSH_FORMATS,
  PUSH_MODES,
  storedConsoleSchema,
  TOKEN_MODES
} from '../../shared/contract'

export const SCHEMA_VERSION = 1

/**
 * The push simulator's 服务器配置 of a profile. Token and EncodingAESKey are encrypted by the SecretCipher
 * like the AppSecret; null when none is kept at rest (none set, or no keychain: session only).
 */
export const storedPushSettingsSchema = z.object({
  url: z.string(),
  mode: z.enum(PUSH_MODES),
  format: z.enum(PUSH_FORMATS),
  accountId: z.string(),
  openid: z.string(),
  tokenEnc: z.string().nullable(),
  aesKeyEnc: z.string().nullable()
})
export type StoredPushSettings = z.infer<typeof storedPushSettingsSchema>

export const storedProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  appId: z.string(),
  kind: z.enum(APP_KINDS),
  env: z.enum(ENV_TAGS),
  mode: z.enum(TOKEN_MODES),
  apiBase: z.string(),
  isSandbox: z.boolean(),
  createdAt: z.number(),
  /** AppSecret encrypted by the SecretCipher; null when none is kept at rest. */
  secretEnc: z.string().nullable(),
  /** Remote mode: the token server's URL and its API key (encrypted like the secret). */
  remoteUrl: z.string().nullable().optional(),
  remoteKeyEnc: z.string().nullable().optional(),
  /** 网页授权 callback domains (bare host or host:port). Absent in older files: none. */
  oauthDomains: z.array(z.string()).optional(),
  /** JS接口安全域名 (bare host or host:port). Absent in older files: none. */
  jsDomains: z.array(z.string()).optional(),
  /** The push simulator's 服务器配置. Absent in older files and until first saved. */
  push: storedPushSettingsSchema.optional()
})
export type StoredProfile = z.infer<typeof storedProfileSchema>

export const usageSchema = z.object({
  /** Beijing calendar day (YYYY-MM-DD) the counters belong to: WeChat's quotas reset at 00:00 UTC+8. */
  day: z.string(),
  calls: z.number().int().nonnegative(),
  forceCalls: z.number().int().nonnegative(),
  lastForceAt: z.number().nullable()
})
export type UsageRecord = z.infer<typeof usageSchema>

export const preferencesSchema = z.object({
  language: z.enum(['system', 'en', 'zh-CN']),
  theme: z.enum(['system', 'light', 'dark']),
  selectedAppId: z.string().nullable()
})

/** The local HTTP API (中控) settings. The key is encrypted by the SecretCipher, or kept for the session only. */
export const localApiSettingsSchema = z.object({
  enabled: z.boolean(),
  host: z.string().min(1),
  port: z.number().int().min(0).max(65535),
  allowNonLoopback: z.boolean(),
  /** The API key encrypted by the SecretCipher; null when none is kept at rest. */
  keyEnc: z.string().nullable()
})
export type LocalApiSettings = z.infer<typeof localApiSettingsSchema>

export const defaultLocalApiSettings = (): LocalApiSettings => ({
  enabled: false,
  host: '127.0.0.1',
  port: LOCAL_API_DEFAULT_PORT,
  allowNonLoopback: false,
  keyEnc: null
})

/** One exchanged OAuth code, as the history keeps it. The user tokens are encrypted by the SecretCipher. */
export const storedAuthorizationSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  profileId: z.string(),
  appId: z.string(),
  /** Where the tokens came from; they are useless against another API base (or another emulator run). */
  apiBase: z.string(),
  scope: z.string(),
  state: z.string().nullable(),
  stateVerdict: z.enum(['issued', 'used', 'expired', 'unknown', 'none']),
  source: z.enum(['catcher', 'paste']),
  openid: z.string(),
  unionid: z.string().nullable(),
  isSnapshotUser: z.boolean(),
  accessExpiresAt: z.number(),
  refreshExpiresAt: z.number(),
  /** `{accessToken, refreshToken}` as JSON, encrypted; null when the cipher is unavailable (memory only). */
  tokensEnc: z.string().nullable()
})
export type StoredAuthorization = z.infer<typeof storedAuthorizationSchema>

export const oauthSectionSchema = z.object({ history: z.array(storedAuthorizationSchema) })
export type OAuthSection = z.infer<typeof oauthSectionSchema>
export const defaultOAuthSection = (): OAuthSection => ({ history: [] })

export const deskDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  profiles: z.array(storedProfileSchema),
  /** profile id → encrypted JSON of the held token. */
  tokens: z.record(z.string(), z.string()),
  usage: z.record(z.string(), usageSchema),
  preferences: preferencesSchema,
  /** Added after schema version 1 shipped: files without it get the defaults. */
  localApi: localApiSettingsSchema.default(defaultLocalApiSettings),
  /** The OAuth workbench's authorization history; added after schema version 1 shipped. */
  oauth: oauthSectionSchema.default(defaultOAuthSection),
  /** `profileId:type` → encrypted JSON of a held JS-SDK ticket; added after schema version 1 shipped. */
  tickets: z.record(z.string(), z.string()).default(() => ({})),
  /** profile id → the API console's history and saved requests; added after schema version 1 shipped. */
  console: z.record(z.string(), storedConsoleSchema).default(() => ({}))
})
export type DeskDocument = z.infer<typeof deskDocumentSchema>

export const emptyDocument = (): DeskDocument => ({
  schemaVersion: SCHEMA_VERSION,
  profiles: [],
  tokens: {},
  usage: {},
  preferences: { language: 'system', theme: 'system', selectedAppId: null },
  localApi: defaultLocalApiSettings(),
  oauth: defaultOAuthSection(),
  tickets: {},
  console: {}
})
