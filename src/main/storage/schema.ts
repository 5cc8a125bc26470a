import { z } from 'zod'
import { APP_KINDS, ENV_TAGS, TOKEN_MODES } from '../../shared/types'

export const SCHEMA_VERSION = 1

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
  remoteKeyEnc: z.string().nullable().optional()
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

export const deskDocumentSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  profiles: z.array(storedProfileSchema),
  /** profile id → encrypted JSON of the held token. */
  tokens: z.record(z.string(), z.string()),
  usage: z.record(z.string(), usageSchema),
  preferences: preferencesSchema
})
export type DeskDocument = z.infer<typeof deskDocumentSchema>

export const emptyDocument = (): DeskDocument => ({
  schemaVersion: SCHEMA_VERSION,
  profiles: [],
  tokens: {},
  usage: {},
  preferences: { language: 'system', theme: 'system', selectedAppId: null }
})
