/** One app's access_token as the UI sees it (the value stays in main), and the calls that act on it. */
import { z } from 'zod'
import type { DeskError } from '../result'
import type { TokenMode } from './apps'
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
  /** Calls WeChat now (stable: normal mode; classic: mints a new token). */
  refreshToken: call<TokenView>()(tokenAction),
  /** stable_token with force_refresh: guarded (30 s spacing, 20/day, prod confirmation). */
  forceRefreshToken: call<TokenView>()(tokenAction),
  testToken: call<ProbeResult>()(byId),
  revealToken: call<{ token: string }>()(byId),
  copyToken: call<{ copied: true }>()(
    z.object({ id: profileId, format: z.enum(['token', 'curl']) }).strict()
  ),
  exportPostman: call<SavedFile>()(byId)
} as const

export const tokenEvents = {
  tokenChanged: event<TokenView>()
} as const
