import type { AppRegistry } from './app-registry'
import type { Grant } from './credential-model'
import { WX, type WeChatError } from '../core/wechat-wire/errors'
import { LIMITS } from './quota'
import {
  failure,
  readJsonObject,
  stringField,
  success,
  type Outcome,
  type WxRequest
} from '../core/wechat-wire/request'

// The two token endpoints (wechat-api.md §1, §2) with the validation order of §6a:
// method → missing params (41002, 41004) → grant_type (40002) → appid (40013) → secret (40125)
// → frozen (40243) → IP whitelist (40164) → quota (45011 / 45009).

interface CredentialParams {
  grantType: string
  appid: string
  secret: string
}

function checkParams(params: CredentialParams): WeChatError | undefined {
  if (params.appid === '') return WX.appidMissing
  if (params.secret === '') return WX.appsecretMissing
  if (params.grantType !== 'client_credential') return WX.invalidGrantType
  return undefined
}

const granted = (grant: Grant): Outcome => success({ access_token: grant.token, expires_in: grant.expiresIn })

/**
 * GET /cgi-bin/token: every success mints a new token and counts toward the daily quota (2000, or 200 for a
 * test account).
 */
export function classicToken(apps: AppRegistry, req: WxRequest): Outcome {
  // WeChat's code for the wrong method on a GET-only cgi; the reference lists only its POST twin (43002).
  if (req.method !== 'GET') return failure(WX.requireGet)
  const params: CredentialParams = {
    grantType: req.query.get('grant_type') ?? '',
    appid: req.query.get('appid') ?? '',
    secret: req.query.get('secret') ?? ''
  }
  const invalid = checkParams(params)
  if (invalid) return failure(invalid)
  const admission = apps.admitTokenCaller(params.appid, params.secret, req.callerIp)
  if (!admission.ok) return failure(admission.error)
  const { app } = admission
  if (!app.quotas.classicDay.tryTake(req.now, LIMITS.classicPerDay[app.config.accountType])) {
    return failure(WX.dailyQuota)
  }
  return granted(app.classic.issue(req.now))
}

/**
 * POST /cgi-bin/stable_token with a JSON body `{grant_type, appid, secret, force_refresh?}`. A body that is not
 * a JSON object, a non-string credential field or a non-boolean `force_refresh` is a 47001.
 */
export function stableToken(apps: AppRegistry, req: WxRequest): Outcome {
  const read = readJsonObject(req)
  if (!read.ok) return failure(read.error)
  const { fields } = read
  const grantType = stringField(fields, 'grant_type')
  const appid = stringField(fields, 'appid')
  const secret = stringField(fields, 'secret')
  const force = fields['force_refresh'] === undefined ? false : fields['force_refresh']
  if (grantType === null || appid === null || secret === null || typeof force !== 'boolean') {
    return failure(WX.dataFormat)
  }
  const invalid = checkParams({ grantType, appid, secret })
  if (invalid) return failure(invalid)
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
