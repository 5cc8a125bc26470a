import { admit, allows } from './api-gate'
import type { ApiDeps } from './api-state'
import { CGI, cgiApiAt } from './cgi-catalogue'
import { WX } from '../core/wechat-wire/errors'
import {
  failure,
  readJsonObject,
  stringField,
  success,
  type Outcome,
  type WxRequest
} from '../core/wechat-wire/request'

// The openapi look-ups of wechat-api.md §6: an API's daily quota for this account, and what became of a
// request whose errmsg carried a rid.

const RID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/

/**
 * POST /cgi-bin/openapi/quota/get `{cgi_path}` → the day's limit, use and remainder. A path without its
 * leading `/`, with a host or a query is 76003; `/sns/` paths and the other kind of account's APIs 76022;
 * paths with no daily cap, or unknown, 76021.
 */
export function quotaGet(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.quotaGet)
  if (!admitted.ok) return failure(admitted.error)
  const read = readJsonObject(req.method, req.body)
  if (!read.ok) return failure(read.error)
  const path = stringField(read.fields, 'cgi_path')
  if (path === null) return failure(WX.dataFormat)
  if (!path.startsWith('/') || path.includes('?') || path.includes('://')) return failure(WX.cgiPathInvalid)
  if (path.startsWith('/sns/')) return failure(WX.cgiPathNoPermission)
  const api = cgiApiAt(path)
  if (!api?.daily) return failure(WX.cgiPathNotFound)
  const { app } = admitted
  if (!allows(app.config.platform, api)) return failure(WX.cgiPathNoPermission)
  const limit = api.daily[app.config.accountType]
  const used = (api.counter?.(app.quotas) ?? app.quotas.apiCounter(api.path)).used(req.now)
  const rate = { call_count: api.rate?.callCount ?? 0, refresh_second: api.rate?.refreshSecond ?? 0 }
  return success({
    errcode: 0,
    errmsg: 'ok',
    quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) },
    rate_limit: rate,
    component_rate_limit: rate
  })
}

/**
 * POST /cgi-bin/openapi/rid/get `{rid}` → the request behind a rid this emulator answered with an error:
 * 76002 for a malformed rid, 76001 for one unknown or older than 7 days, 76022 for a `/sns/` request, 76003
 * for another account's.
 */
export function ridGet(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.ridGet)
  if (!admitted.ok) return failure(admitted.error)
  const read = readJsonObject(req.method, req.body)
  if (!read.ok) return failure(read.error)
  const rid = stringField(read.fields, 'rid')
  if (rid === null) return failure(WX.dataFormat)
  if (!RID_PATTERN.test(rid)) return failure(WX.ridIsError)
  const record = deps.state.rids.find(rid, req.now)
  if (!record) return failure(WX.ridNotFound)
  if (record.path.startsWith('/sns/')) return failure(WX.cgiPathNoPermission)
  if (record.owner !== admitted.app.config.appid) return failure(WX.ridNoPermission)
  return success({
    errcode: 0,
    errmsg: 'ok',
    request: {
      invoke_time: Math.floor(record.invokedAt / 1000),
      cost_in_ms: record.costMs,
      request_url: record.requestUrl,
      request_body: record.requestBody,
      response_body: record.responseBody,
      client_ip: record.clientIp
    }
  })
}
