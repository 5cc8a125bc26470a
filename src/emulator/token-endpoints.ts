import type { AppRegistry } from './app-registry'
import type { Grant } from './credential-model'
import { WX } from '../core/wechat-wire/errors'
import { LIMITS } from './quota'
import { failure, success, type Outcome, type WxRequest } from '../core/wechat-wire/request'
import { readClassicTokenRequest, readStableTokenRequest } from '../core/wechat-wire/token-request'

// The two token endpoints (wechat-api.md §1, §2) with the validation order of §6a: WeChat's first checks
// (method → body → 41002 → 41004 → 40002, in core/wechat-wire) → appid (40013) → secret (40125)
// → frozen (40243) → IP whitelist (40164) → quota (45011 / 45009).

const granted = (grant: Grant): Outcome => success({ access_token: grant.token, expires_in: grant.expiresIn })

/**
 * GET /cgi-bin/token: every success mints a new token and counts toward the daily quota (2000, or 200 for a
 * test account).
 */
export function classicToken(apps: AppRegistry, req: WxRequest): Outcome {
  const read = readClassicTokenRequest(req.method, req.query)
  if (!read.ok) return failure(read.error)
  const { appid, secret } = read.request
  const admission = apps.admitTokenCaller(appid, secret, req.callerIp)
  if (!admission.ok) return failure(admission.error)
  const { app } = admission
  if (!app.quotas.classicDay.tryTake(req.now, LIMITS.classicPerDay[app.config.accountType])) {
    return failure(WX.dailyQuota)
  }
  return granted(app.classic.issue(req.now))
}

/** POST /cgi-bin/stable_token with a JSON body `{grant_type, appid, secret, force_refresh?}`. */
export function stableToken(apps: AppRegistry, req: WxRequest): Outcome {
  const read = readStableTokenRequest(req.method, req.body)
  if (!read.ok) return failure(read.error)
  const { appid, secret, forceRefresh: force } = read.request
  const admission = apps.admitTokenCaller(appid, secret, req.callerIp)
  if (!admission.ok) return failure(admission.error)
  const { app } = admission
  const { quotas } = app
  const { now } = req
  if (!quotas.stableMinute.hasRoom(now, LIMITS.stablePerMinute)) return failure(WX.minuteQuota)
  if (!quotas.stableDay.hasRoom(now, LIMITS.stablePerDay)) return failure(WX.dailyQuota)
  quotas.stableMinute.take(now)
  quotas.stableDay.take(now)
  if (!force) return granted(app.stable.normal(now))
  // The 21st force of a Beijing day is refused like an exhausted quota (wechat-api.md §2, [U]).
  const outcome = app.stable.force(now, () => quotas.forceDay.tryTake(now, LIMITS.forcePerDay))
  return outcome.kind === 'over-limit' ? failure(WX.dailyQuota) : granted(outcome.grant)
}
