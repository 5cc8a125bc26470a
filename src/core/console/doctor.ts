import { parseCallerIp } from '../../shared/errcodes'
import type {
  ConsoleRequest,
  ConsoleResponse,
  QuotaLookup,
  RidLookup,
  WeChatRefusal
} from '../../shared/contract'
import type { CallLog } from '../call-log'

export interface DoctorDeps {
  send: (profileId: string, request: ConsoleRequest) => Promise<ConsoleResponse>
  callLog: CallLog
}

/** Errcodes whose errmsg names the address WeChat saw (wechat-api.md §7). */
const NAMES_CALLER_IP = new Set([40164, 61004])

/**
 * The doctor actions: what WeChat recorded of a request (`openapi/rid/get`), the definitive answer to a 40164,
 * and a path's daily quota (`openapi/quota/get`). Both go through the console, so the call log shows them.
 */
export class Doctor {
  constructor(private readonly deps: DoctorDeps) {}

  async lookUpRid(profileId: string, rid: string): Promise<RidLookup> {
    const response = await this.deps.send(profileId, post('/cgi-bin/openapi/rid/get', { rid }))
    const fields = jsonOf(response)
    const request = objectAt(fields, 'request')
    const refusal = refusalOf(response)
    return {
      rid,
      request:
        request && refusal === null
          ? {
              invokedAt: numberAt(request, 'invoke_time') * 1000,
              costMs: numberAt(request, 'cost_in_ms'),
              requestUrl: stringAt(request, 'request_url'),
              requestBody: stringAt(request, 'request_body'),
              responseBody: stringAt(request, 'response_body'),
              clientIp: stringAt(request, 'client_ip')
            }
          : null,
      refusal,
      egress: this.egress(),
      callLogId: response.callLogId
    }
  }

  async quota(profileId: string, cgiPath: string): Promise<QuotaLookup> {
    const response = await this.deps.send(
      profileId,
      post('/cgi-bin/openapi/quota/get', { cgi_path: cgiPath })
    )
    const quota = objectAt(jsonOf(response), 'quota')
    const refusal = refusalOf(response)
    return {
      cgiPath,
      quota:
        quota && refusal === null
          ? {
              dailyLimit: numberAt(quota, 'daily_limit'),
              used: numberAt(quota, 'used'),
              remain: numberAt(quota, 'remain')
            }
          : null,
      refusal,
      callLogId: response.callLogId
    }
  }

  /** This machine's egress address as WeChat last quoted it (a 40164 / 61004 errmsg in the call log). */
  private egress(): RidLookup['egress'] {
    for (const entry of this.deps.callLog.list()) {
      if (entry.errcode === null || !NAMES_CALLER_IP.has(entry.errcode) || !entry.detail) continue
      const ip = parseCallerIp(entry.detail)
      if (ip !== null) return { ip, seenAt: entry.at }
    }
    return null
  }
}

const post = (path: string, body: Record<string, string>): ConsoleRequest => ({
  method: 'POST',
  path,
  query: [],
  body: { kind: 'json', text: JSON.stringify(body) }
})

function refusalOf(response: ConsoleResponse): WeChatRefusal | null {
  if (response.errcode !== null)
    return { errcode: response.errcode, errmsg: response.errmsg ?? '', rid: response.rid }
  if (response.outcome !== 'answered')
    return { errcode: -1, errmsg: response.failure ?? response.outcome, rid: null }
  return null
}

function jsonOf(response: ConsoleResponse): Record<string, unknown> | null {
  if (response.body.kind !== 'text' || !response.body.json) return null
  try {
    const value: unknown = JSON.parse(response.body.text)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
  } catch {
    return null // masking left it unreadable: the lookup then says nothing was found
  }
}

function objectAt(fields: Record<string, unknown> | null, key: string): Record<string, unknown> | null {
  const value = fields?.[key]
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
}

const numberAt = (fields: Record<string, unknown>, key: string): number =>
  typeof fields[key] === 'number' ? fields[key] : 0
const stringAt = (fields: Record<string, unknown>, key: string): string =>
  typeof fields[key] === 'string' ? fields[key] : ''
