/** One app's access_token as the UI sees it (the value stays in main), and the calls that act on it. */
import { z } from 'zod'
import type { DeskError, Localized } from '../result'
import { DISPLAY_LANGUAGES, type TokenMode } from './apps'
import { byId, call, event, profileId } from './kit'
import type { SavedFile } from './system'

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
  /**
   * What triggered the attempt. `evidence`: the desk saw WeChat reject its token (a relayed call, a probe)
   * and replaced it.
   */
  trigger: 'fetch' | 'refresh' | 'force' | 'timer' | 'passive' | 'wake' | 'retry' | 'evidence'
  /** True when the attempt reused a held token and made no upstream call. */
  reused: boolean
  /** The refresh governor handed out the held token again: it is younger than 30 s. */
  coalesced?: true
  /** The error was answered from memory (an error retrying cannot fix), with no upstream call. */
  fromMemory?: true
  /** A person cancelled the wait (`cancelTokenRefresh`): the request was abandoned, nothing changed. */
  cancelled?: true
  error?: DeskError
}

/** An error retrying cannot fix, remembered so that callers get it without the desk calling WeChat again. */
export interface RememberedTokenError {
  error: DeskError
  since: number
  /** When the desk tries again by itself (a pause of 1 min, doubling, at most 1 h); "Retry now" tries at once. */
  nextTryAt: number
}

/** Another system keeps fetching access_tokens for this app, killing the desk's (today, Beijing day). */
export interface TokenStomping {
  countToday: number
  lastAt: number
  /** How long the last killed token lived after the desk obtained it. */
  lifetimeSeconds: number
  /** What happened and what to do, ready to show. */
  message: Localized
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
  /** WeChat rejected the held token; the desk replaces it as soon as the governor allows. */
  rejected: boolean
  remembered: RememberedTokenError | null
  stomping: TokenStomping | null
  quota: TokenQuota
  /** The clock main uses, so the renderer's countdowns agree with it. */
  now: number
}

/** A live collection saved: it reads the token from the Local API on every send. */
export interface SavedCollection extends SavedFile {
  /** The Local API key is written into it (as a secret variable); false = a placeholder to replace. */
  keyIncluded: boolean
  /** Whether the Local API serves now; the collection gets no token while it is off. */
  localApiRunning: boolean
}

/** The live collections: Postman (v2.1) and Bruno, each with a script that reads the token from the Local API. */
export const COLLECTION_FORMATS = ['postman', 'bruno'] as const
export type CollectionFormat = (typeof COLLECTION_FORMATS)[number]

export interface ProbeResult {
  ok: true
  ipCount: number
  durationMs: number
}

const tokenAction = z.object({ id: profileId, confirmed: z.boolean().optional() }).strict()

export const tokenCalls = {
  getToken: call<TokenView>()(byId),
  /** Returns the held token if still valid, otherwise obtains one. */
  fetchToken: call<TokenView>()(tokenAction),
  /**
   * Calls WeChat now (stable: normal mode; classic: mints a new token), unless the token is younger than 30 s
   * (then the held one is kept). `retryNow` tries at once after an error the desk remembers.
   */
  refreshToken: call<TokenView>()(
    z.object({ id: profileId, confirmed: z.boolean().optional(), retryNow: z.boolean().optional() }).strict()
  ),
  /**
   * Stops waiting for the app's upstream call (it hangs): the request is abandoned and the held token stays.
   * Answers once the call has settled.
   */
  cancelTokenRefresh: call<TokenView>()(byId),
  /** stable_token with force_refresh: guarded (30 s spacing, 20/day, prod confirmation). */
  forceRefreshToken: call<TokenView>()(tokenAction),
  testToken: call<ProbeResult>()(byId),
  revealToken: call<{ token: string }>()(byId),
  /** Copies the token itself, a curl that uses it, or JSON with the Local API's fields (and the AppID). */
  copyToken: call<{ copied: true }>()(
    z.object({ id: profileId, format: z.enum(['token', 'curl', 'json']) }).strict()
  ),
  /** A one-shot Postman environment holding the current token. `language` names the app for the reader. */
  exportPostman: call<SavedFile>()(
    z.object({ id: profileId, language: z.enum(DISPLAY_LANGUAGES).optional() }).strict()
  ),
  /** A live collection whose script reads the token from the Local API, so it never goes stale. */
  exportCollection: call<SavedCollection>()(
    z
      .object({
        id: profileId,
        format: z.enum(COLLECTION_FORMATS),
        language: z.enum(DISPLAY_LANGUAGES).optional()
      })
      .strict()
  )
} as const

export const tokenEvents = {
  tokenChanged: event<TokenView>()
} as const
