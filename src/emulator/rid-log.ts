import type { SendReply } from '../core/http/reply'
import { BoundedMap } from '../shared/bounded-map'
import type { TokenLedger } from './credential-model'
import type { EmulatorRequest } from './endpoint'

// The requests WeChat answered with an error, by the rid in their errmsg, so /cgi-bin/openapi/rid/get can
// say what the request was and where it came from (wechat-api.md §6): the definitive answer to a 40164.

/** A rid can be looked up for 7 days. */
export const RID_LIFETIME_MS = 7 * 86_400_000
const CAPACITY = 1000
/** What is kept of a request body, in bytes (uploads are not kept at all): the log stays within a few MB. */
const MAX_KEPT_BODY_BYTES = 4096

export interface RidRecord {
  /** The account the request was made for (by its token or its appid), if it named one. */
  owner: string | null
  path: string
  /** Epoch ms. */
  invokedAt: number
  costMs: number
  /** The query string, as WeChat reports it (`request_url`). */
  requestUrl: string
  requestBody: string
  responseBody: string
  clientIp: string
}

export class RidLog {
  private readonly records = new BoundedMap<string, RidRecord>(CAPACITY)

  record(rid: string, record: RidRecord): void {
    this.records.set(rid, record)
  }

  /** The record behind `rid`, unless unknown or older than 7 days. */
  find(rid: string, now: number): RidRecord | undefined {
    const record = this.records.get(rid)
    return record && now - record.invokedAt < RID_LIFETIME_MS ? record : undefined
  }
}

/** The account a request was made for: its access_token's, else the appid it names in the query or body. */
export function ownerOf(ledger: TokenLedger, req: EmulatorRequest): string | null {
  const byToken = ledger.find(req.query.get('access_token') ?? '')?.appid
  if (byToken) return byToken
  const inQuery = req.query.get('appid')
  if (inQuery) return inQuery
  const inBody = req.body.ok ? req.body.value['appid'] : undefined
  return typeof inBody === 'string' && inBody !== '' ? inBody : null
}

/** The body as the rid record keeps it: text, cut to a sane size; nothing of a multipart upload. */
export function keptBody(req: EmulatorRequest): string {
  if (req.contentType.toLowerCase().startsWith('multipart/')) return ''
  return req.bytes.subarray(0, MAX_KEPT_BODY_BYTES).toString('utf8')
}

export interface Answered {
  request: EmulatorRequest
  path: string
  /** The query string as sent. */
  rawQuery: string
  reply: SendReply<string | Uint8Array>
  costMs: number
  ledger: TokenLedger
}

/** Keeps a request in the log when its answer showed the caller `rid` (WeChat's errors do, its successes not). */
export function recordIfShown(log: RidLog, rid: string, answered: Answered): void {
  const { request, reply } = answered
  if (typeof reply.body !== 'string' || !reply.body.includes(`rid: ${rid}`)) return
  log.record(rid, {
    owner: ownerOf(answered.ledger, request),
    path: answered.path,
    invokedAt: request.now,
    costMs: answered.costMs,
    requestUrl: answered.rawQuery,
    requestBody: keptBody(request),
    responseBody: reply.body,
    clientIp: request.callerIp
  })
}
