/** The call log, the desk's traffic inspector: every call the desk made, relayed or answered for a caller. */
import { z } from 'zod'
import { call, event, none, profileId } from './kit'

/**
 * Who made the call. `desk`: the desk itself (token refreshes, probes, tickets, the OAuth workbench).
 * `gateway`: a caller's request through the Local API's WeChat host (an SDK), relayed upstream or answered by
 * the desk. `console`: a request sent from the API console (接口调试), through the same gateway path.
 * `governor`: a report of the refresh governor (another system killing the desk's tokens).
 */
export const CALL_SOURCES = ['desk', 'gateway', 'console', 'governor'] as const
export type CallSource = (typeof CALL_SOURCES)[number]

/**
 * What the desk did to a call besides passing it on. `healed`: WeChat rejected the caller's token, the desk
 * replaced it and this is the retried call, whose answer the caller got. `retried`: this attempt failed on
 * its token and was retried (the caller never saw its answer). `coalesced`: the refresh governor handed out
 * the held token again instead of calling WeChat. `memory`: answered from memory (a held token or ticket, a
 * remembered error), no upstream call. `streamed`: the request body was too large to keep for a replay.
 */
export const CALL_FLAGS = ['healed', 'retried', 'coalesced', 'memory', 'streamed'] as const
export type CallFlag = (typeof CALL_FLAGS)[number]

/** One call, as the log's table shows it. Never carries a secret, a token or a ticket. */
export interface CallLogEntry {
  id: number
  /** When the call started (main's clock), epoch ms. */
  at: number
  /** Profile id (AppView.id); null for a request that matched no app the desk manages (it was refused). */
  profileId: string | null
  source: CallSource
  /** The TCP port of the Local API caller this call answered (the SDK's connection); null for the desk's own. */
  callerPort: number | null
  /** The WeChat path (`/cgi-bin/token` …), `remote: …` for a token server, or the governor's report name. */
  endpoint: string
  method: string
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
  /** Body sizes in bytes as they crossed the wire; null when not known. */
  requestBytes: number | null
  responseBytes: number | null
  flags: CallFlag[]
  /** Headers and bodies can be read with `getCallDetail` (the log keeps them for its recent entries only). */
  hasDetail: boolean
}

/** A message body as the inspector shows it. */
export interface CallBody {
  /** The body as text with every credential masked; null for binary content (images, media, multipart). */
  text: string | null
  contentType: string | null
  /** The whole body's size; `text` may hold less (see `truncated`). */
  bytes: number
  /** `text` stops at the log's limit for one body. */
  truncated: boolean
}

/** One side of a call: its header fields (credential values masked) and its body. */
export interface CallMessage {
  headers: [string, string][]
  body: CallBody | null
}

/** Everything the log kept of one call. */
export interface CallDetail {
  entry: CallLogEntry
  request: CallMessage
  /** Null when no answer arrived. */
  response: CallMessage | null
}

const entryRef = z.object({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict()

export const callLogCalls = {
  /** Newest first; one app's calls, or every call (refusals of unknown apps included) without an id. */
  listCallLog: call<CallLogEntry[]>()(z.object({ id: profileId.optional() }).strict()),
  /** The headers and bodies of one call (not-found once the log has let them go). */
  getCallDetail: call<CallDetail>()(entryRef),
  /** Copies the call as a curl command, the token and secret as shell variables (`$ACCESS_TOKEN` …). */
  copyCallAsCurl: call<{ copied: true }>()(entryRef),
  clearCallLog: call<{ cleared: true }>()(none)
} as const

export const callLogEvents = {
  callLogged: event<CallLogEntry>()
} as const
