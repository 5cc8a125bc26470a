/** Turns a raw upstream answer (status, content-type, bytes) into a value or a typed failure. */
import { parseRid } from '../../shared/errcodes'
import { redactText } from './redact'
import type { UpstreamFailure } from './types'

/** What a success-body validator returns: the value, or why the body is not what the endpoint promises. */
export type BodyCheck<T> = { ok: true; value: T } | { ok: false; reason: string }

export type Interpretation<T> = { ok: true; value: T } | { ok: false; failure: UpstreamFailure }

export interface RawAnswer {
  status: number
  contentType: string | null
  bytes: Buffer
  /** The body was larger than the read limit and was cut there. */
  overLimit: boolean
  limitBytes: number
}

const SNIPPET_CHARS = 200

/** A short, single-line, redacted excerpt of a body for error messages. */
export function snippetOf(body: string, known: readonly string[]): string {
  const flat = redactText(body, known).replace(/\s+/g, ' ').trim()
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

/** The errcode of a WeChat body: null when absent, or 'bad' when present but not an integer. */
function readErrcode(json: Record<string, unknown>): number | null | 'bad' {
  const raw = json.errcode
  if (raw === undefined || raw === null) return null
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : 'bad'
  if (typeof raw === 'string' && /^-?\d+$/.test(raw.trim())) return Number(raw.trim())
  return 'bad'
}

function wechatFailure(
  code: number,
  json: Record<string, unknown>,
  known: readonly string[]
): UpstreamFailure {
  const errmsg = typeof json.errmsg === 'string' ? redactText(json.errmsg, known) : ''
  return { kind: 'wechat', errcode: code, errmsg, rid: parseRid(errmsg) }
}

function whyNotJson(body: string): string {
  const start = body.trimStart()
  if (start === '') return 'empty body'
  if (start.startsWith('<')) return 'HTML instead of JSON'
  if (start.startsWith('{') || start.startsWith('[')) {
    return start.trimEnd().endsWith('}') || start.trimEnd().endsWith(']')
      ? 'malformed JSON'
      : 'truncated JSON'
  }
  return 'not JSON'
}

/**
 * Interprets an answer the WeChat way: parse JSON whatever the content-type says, branch on errcode
 * (errors come with HTTP 200), then validate the success body.
 */
export function interpret<T>(
  answer: RawAnswer,
  check: (json: Record<string, unknown>) => BodyCheck<T>,
  known: readonly string[]
): Interpretation<T> {
  const { status, contentType } = answer
  const body = answer.bytes.toString('utf8').replace(/^\uFEFF/, '')
  const json = answer.overLimit ? undefined : parseJson(body)
  const errcode = isObject(json) ? readErrcode(json) : null

  if (status < 200 || status >= 300) {
    // A WeChat errcode is authoritative even on an unusual status (some proxies relay it with 4xx/5xx).
    if (isObject(json) && typeof errcode === 'number' && errcode !== 0) {
      return { ok: false, failure: wechatFailure(errcode, json, known) }
    }
    return { ok: false, failure: { kind: 'http-status', status, snippet: snippetOf(body, known) } }
  }

  const badBody = (reason: string): Interpretation<T> => ({
    ok: false,
    failure: { kind: 'bad-body', status, contentType, snippet: snippetOf(body, known), reason }
  })

  if (answer.overLimit) return badBody(`response larger than ${answer.limitBytes} bytes`)
  if (json === undefined) return badBody(whyNotJson(body))
  if (!isObject(json)) return badBody('JSON is not an object')
  if (errcode === 'bad') return badBody('errcode is not an integer')
  if (errcode !== null && errcode !== 0) return { ok: false, failure: wechatFailure(errcode, json, known) }
  const checked = check(json)
  return checked.ok ? { ok: true, value: checked.value } : badBody(checked.reason)
}

/** Success body of /cgi-bin/token and /cgi-bin/stable_token. */
/** WeChat grants credentials for at most 7200 s (wechat-api.md §1, §2, §5.1). */
export const MAX_TOKEN_LIFETIME_S = 7200

/**
 * Whether `value` is a lifetime WeChat could have granted. Anything else (0, negative, fractional, a huge
 * number …) is a bad answer like malformed JSON: kept, it would outlive every timer and break date maths.
 */
export function isTokenLifetime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_TOKEN_LIFETIME_S
}

const lifetimeProblem = (expiresIn: unknown): string =>
  `expires_in ${JSON.stringify(expiresIn) ?? 'missing'} is not a whole number of seconds from 1 to ${MAX_TOKEN_LIFETIME_S}`

export function checkTokenGrant(
  json: Record<string, unknown>
): BodyCheck<{ accessToken: string; expiresIn: number }> {
  const token = json.access_token
  const expiresIn = json.expires_in
  if (typeof token !== 'string' || token.trim() === '') {
    return { ok: false, reason: 'access_token missing or not a non-empty string' }
  }
  if (!isTokenLifetime(expiresIn)) return { ok: false, reason: lifetimeProblem(expiresIn) }
  return { ok: true, value: { accessToken: token, expiresIn } }
}

/** Success body of /cgi-bin/getcallbackip (entries may be CIDR ranges). */
export function checkIpList(json: Record<string, unknown>): BodyCheck<{ ipList: string[] }> {
  const list = json.ip_list
  if (!Array.isArray(list) || !list.every((ip): ip is string => typeof ip === 'string')) {
    return { ok: false, reason: 'ip_list missing or not a list of strings' }
  }
  return { ok: true, value: { ipList: list } }
}

/** Success body of /cgi-bin/ticket/getticket (`errcode: 0` plus the ticket). */
export function checkTicketGrant(
  json: Record<string, unknown>
): BodyCheck<{ ticket: string; expiresIn: number }> {
  const ticket = json.ticket
  const expiresIn = json.expires_in
  if (typeof ticket !== 'string' || ticket.trim() === '') {
    return { ok: false, reason: 'ticket missing or not a non-empty string' }
  }
  if (!isTokenLifetime(expiresIn)) return { ok: false, reason: lifetimeProblem(expiresIn) }
  return { ok: true, value: { ticket, expiresIn } }
}
