/** The call log: every upstream call the desk made, redacted. */
import { z } from 'zod'
import { call, event, none, profileId } from './kit'

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

export const callLogCalls = {
  listCallLog: call<CallLogEntry[]>()(z.object({ id: profileId.optional() }).strict()),
  clearCallLog: call<{ cleared: true }>()(none)
} as const

export const callLogEvents = {
  callLogged: event<CallLogEntry>()
} as const
