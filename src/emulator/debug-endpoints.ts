import { admit, type GateDeps } from './api-gate'
import type { AppRegistry } from './app-registry'
import { CGI } from './cgi-catalogue'
import { WX } from '../core/wechat-wire/errors'
import { LIMITS, type AppQuotas } from './quota'
import {
  failure,
  readJsonObject,
  stringField,
  success,
  type Outcome,
  type WxRequest
} from '../core/wechat-wire/request'

// The debug-tool endpoints of wechat-api.md §6 that the desk uses.

/** WeChat's outbound addresses as getcallbackip lists them: a few IPs and one CIDR block. */
export const CALLBACK_IPS: readonly string[] = [
  '101.226.62.77',
  '101.226.62.78',
  '101.89.47.18',
  '183.3.234.107',
  '101.226.103.0/25'
]

/** The addresses behind api.weixin.qq.com as get_api_domain_ip lists them. */
export const API_DOMAIN_IPS: readonly string[] = [
  '101.89.47.18',
  '101.91.34.103',
  '109.244.145.75',
  '183.3.235.101',
  '203.205.239.82'
]

/**
 * GET /cgi-bin/getcallbackip?access_token= — the cheap "is my token alive?" probe, for classic and stable
 * tokens alike. The emulator's deterministic choices (§3): absent → 41001, not shaped like a token → 40014,
 * well-formed but unknown or superseded → 40001, past its 7200 s → 42001.
 */
export function callbackIp(deps: GateDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.callbackIp)
  return admitted.ok ? success({ ip_list: CALLBACK_IPS }) : failure(admitted.error)
}

/** GET /cgi-bin/get_api_domain_ip?access_token= — the same probe, listing WeChat's API addresses. */
export function apiDomainIp(deps: GateDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.apiDomainIp)
  return admitted.ok ? success({ ip_list: API_DOMAIN_IPS }) : failure(admitted.error)
}

/**
 * POST /cgi-bin/clear_quota/v2 with `{appid, appsecret}`: resets the account's daily counters, at most
 * 10 times per Beijing month (then 48006).
 */
export function clearQuotaV2(apps: AppRegistry, req: WxRequest): Outcome {
  const read = readJsonObject(req.method, req.body)
  if (!read.ok) return failure(read.error)
  const appid = stringField(read.fields, 'appid')
  const appsecret = stringField(read.fields, 'appsecret')
  if (appid === null || appsecret === null) return failure(WX.dataFormat)
  if (appid === '') return failure(WX.appidMissing)
  if (appsecret === '') return failure(WX.appsecretMissing)
  const admission = apps.authenticate(appid, appsecret)
  if (!admission.ok) return failure(admission.error)
  return clearDaily(admission.app.quotas, req.now)
}

/**
 * POST /cgi-bin/clear_quota?access_token= with `{appid}`: the same reset, for the token's own account only
 * (another appid → 40013), sharing the 10 a month with v2.
 */
export function clearQuota(deps: GateDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.clearQuota)
  if (!admitted.ok) return failure(admitted.error)
  const read = readJsonObject(req.method, req.body)
  if (!read.ok) return failure(read.error)
  const appid = stringField(read.fields, 'appid')
  if (appid === null) return failure(WX.dataFormat)
  if (appid === '') return failure(WX.appidMissing)
  if (appid !== admitted.app.config.appid) return failure(WX.invalidAppid)
  return clearDaily(admitted.app.quotas, req.now)
}

function clearDaily(quotas: AppQuotas, now: number): Outcome {
  if (!quotas.clearQuotaMonth.tryTake(now, LIMITS.clearQuotaPerMonth)) return failure(WX.clearQuotaLimit)
  quotas.clearDaily()
  return success({ errcode: 0, errmsg: 'ok' })
}
