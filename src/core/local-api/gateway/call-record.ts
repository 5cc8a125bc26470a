import type { CallFlag, CallMessage } from '../../../shared/contract'
import { parseRid } from '../../../shared/errcodes'
import { bodyView, decode, isTextual, type CallExchange, type CallLogInput } from '../../call-log'
import { BODY_TEXT_LIMIT } from '../../call-log'
import { headerIn, type GatewayCaller } from './relay-request'

/** What a WeChat answer says, read from its bytes: errcode (null for success), errmsg and rid. */
export interface AnswerFacts {
  errcode: number | null
  errmsg: string | null
  rid: string | null
  /** The answer's JSON object, when it is one. */
  json: Record<string, unknown> | null
}

const NO_FACTS: AnswerFacts = { errcode: null, errmsg: null, rid: null, json: null }

/** Reads an answer the WeChat way: JSON whatever the content type says, errcode when present and not 0. */
export function answerFacts(bytes: Buffer, contentType: string | null, encoding: string | null): AnswerFacts {
  if (!isTextual(contentType) || bytes.length === 0) return NO_FACTS
  const plain = decode(bytes, encoding)
  if (plain === null) return NO_FACTS
  let json: unknown
  try {
    json = JSON.parse(plain.toString('utf8').replace(/^\uFEFF/, ''))
  } catch {
    return NO_FACTS
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return NO_FACTS
  const fields = json as Record<string, unknown>
  const raw = fields['errcode']
  const errcode = typeof raw === 'number' && Number.isInteger(raw) && raw !== 0 ? raw : null
  const errmsg = typeof fields['errmsg'] === 'string' ? fields['errmsg'] : null
  return { errcode, errmsg, rid: errmsg === null ? null : parseRid(errmsg), json: fields }
}

export const headerOf = (headers: Record<string, unknown>, name: string): string | null => {
  const value = headers[name]
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : null
  return typeof value === 'string' ? value : null
}

/** Header pairs from a flat `[name, value, …]` list. */
export function pairsOf(flat: readonly string[]): [string, string][] {
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i] ?? '', flat[i + 1] ?? ''])
  return pairs
}

/** Header pairs from a header object (a repeated field once per value). */
export function pairsFrom(
  headers: Record<string, string | string[] | number | undefined>
): [string, string][] {
  const pairs: [string, string][] = []
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [String(value)]) pairs.push([name, one])
  }
  return pairs
}

/** The request a caller sent the desk, as the log shows it: its fields and (the start of) its body. */
export function callerMessage(caller: GatewayCaller, seen: Buffer, total: number): CallMessage {
  return {
    headers: pairsOf(caller.headers),
    body: bodyView(
      seen.subarray(0, BODY_TEXT_LIMIT * 2),
      total,
      headerIn(caller.headers, 'content-type'),
      headerIn(caller.headers, 'content-encoding')
    )
  }
}

/** The URL a caller used, for calls the desk answered itself (credential values are masked by the log). */
export function deskUrl(caller: GatewayCaller): string {
  const host = headerIn(caller.headers, 'host') ?? 'desk'
  return `http://${host}${caller.path}${caller.query === '' ? '' : `?${caller.query}`}`
}

export interface GatewayEntry {
  caller: GatewayCaller
  at: number
  startedMs: number
  profileId: string | null
  url: string
  httpStatus: number | null
  facts: AnswerFacts
  /** Why the call failed when WeChat did not say it (no answer, an HTTP error page …). */
  failure?: string
  flags: CallFlag[]
  exchange: CallExchange
  known: readonly string[]
}

/** A call log entry for a call through the gateway. */
export function gatewayEntry(e: GatewayEntry): CallLogInput {
  const failed = e.facts.errcode !== null || e.failure !== undefined || (e.httpStatus ?? 0) >= 400
  return {
    at: e.at,
    profileId: e.profileId,
    source: e.caller.source,
    callerPort: e.caller.callerPort,
    endpoint: e.caller.path.slice(0, 200),
    method: e.caller.method,
    url: e.url,
    httpStatus: e.httpStatus,
    errcode: e.facts.errcode,
    rid: e.facts.rid,
    durationMs: Math.max(0, Math.round(performance.now() - e.startedMs)),
    outcome: failed ? 'error' : 'ok',
    detail: e.failure ?? (e.facts.errcode !== null ? e.facts.errmsg : null),
    requestBytes: e.exchange.request.body?.bytes ?? 0,
    responseBytes: e.exchange.response?.body?.bytes ?? (e.exchange.response ? 0 : null),
    flags: e.flags,
    exchange: e.exchange,
    known: e.known
  }
}
