/** The call log: every upstream call the desk made, redacted. */
import { z } from 'zod'
import { call, event, none, profileId } from './kit'

/** One upstream HTTP exchange (WeChat, or another 中控 in remote mode). Never carries a secret or a token. */
export interface CallLogEntry {
  id: number
  /** When the call started (main's clock), epoch ms. */
  at: number
  /** Profile id (AppView.id). */
  profileId: string
  /** The WeChat path (`/cgi-bin/token` …), or `remote: …` for a token server. */
  endpoint: string
  method: 'GET' | 'POST'
  /** The full URL with `secret=***`, `access_token=***` and other credential values masked. */
  url: string
  /** Null when no response head arrived (refused, reset, timeout before headers). */
  httpStatus: number | null
  errcode: number | null
  rid: string | null
  /** Wall-clock duration (a monotonic timer, independent of main's clock). */
  durationMs: number
  outcome: 'ok' | 'error'
  /** The (redacted) errmsg, or a short reason for failures without an errcode (timeout, reset, HTML …). */
  detail: string | null
}

export const callLogCalls = {
  listCallLog: call<CallLogEntry[]>()(z.object({ id: profileId.optional() }).strict()),
  clearCallLog: call<{ cleared: true }>()(none)
} as const

export const callLogEvents = {
  callLogged: event<CallLogEntry>()
} as const
