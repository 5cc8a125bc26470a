/** Preferences, start-up notices and what the desk knows about the machine it runs on. */
import { z } from 'zod'
import type { Localized } from '../result'
import { byId, call, event, none, profileId, str } from './kit'

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

export interface SavedFile {
  saved: boolean
  path: string | null
}

export const systemCalls = {
  getPreferences: call<Preferences>()(none),
  updatePreferences: call<Preferences>()(
    z
      .object({
        language: z.enum(['system', 'en', 'zh-CN']).optional(),
        theme: z.enum(['system', 'light', 'dark']).optional(),
        selectedAppId: profileId.nullable().optional()
      })
      .strict()
  ),
  getSystemInfo: call<SystemInfo>()(none),
  dismissNotice: call<{ dismissed: true }>()(byId),
  openExternal: call<{ opened: true }>()(z.object({ url: str(2000) }).strict())
} as const

export const systemEvents = {
  noticesChanged: event<Notice[]>()
} as const
