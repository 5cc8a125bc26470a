import type { AppRegistry } from './app-registry'
import type { TokenLedger } from './credential-model'
import { WX, type WeChatError } from '../core/wechat-wire/errors'
import { LIMITS } from './quota'
import { isWellFormedToken } from './token-shape'
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

/**
 * GET /cgi-bin/getcallbackip?access_token= — the cheap "is my token alive?" probe, for classic and stable
 * tokens alike. The emulator's deterministic choices (§3): absent → 41001, not shaped like a token → 40014,
 * well-formed but unknown or superseded → 40001, past its 7200 s → 42001.
 */
export function callbackIp(ledger: TokenLedger, req: WxRequest): Outcome {
  if (req.method !== 'GET') return failure(WX.requireGet)
  const refused = checkAccessToken(ledger, req)
  return refused ? failure(refused) : success({ ip_list: CALLBACK_IPS })
}

/** What every `?access_token=` API answers a token it cannot use with (§3), or null for a valid one. */
export function checkAccessToken(ledger: TokenLedger, req: WxRequest): WeChatError | null {
  const token = req.query.get('access_token') ?? ''
  if (token === '') return WX.accessTokenMissing
  if (!isWellFormedToken(token)) return WX.invalidAccessToken
  switch (ledger.stateOf(token, req.now)) {
    case 'valid':
      return null
    case 'expired':
      return WX.accessTokenExpired
    default:
      return WX.invalidCredential
  }
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
  const { quotas } = admission.app
  if (!quotas.clearQuotaMonth.tryTake(req.now, LIMITS.clearQuotaPerMonth)) return failure(WX.clearQuotaLimit)
  quotas.clearDaily()
  return success({ errcode: 0, errmsg: 'ok' })
}
