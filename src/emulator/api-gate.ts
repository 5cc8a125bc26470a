import type { AppRegistry, AppState } from './app-registry'
import type { ApiPlatform, CgiApi } from './cgi-catalogue'
import type { TokenLedger } from './credential-model'
import { WX, type WeChatError } from '../core/wechat-wire/errors'
import { readJsonObject, type WxRequest } from '../core/wechat-wire/request'
import { isWellFormedToken } from './token-shape'
import type { EmulatorPlatform } from './types'

// What every `?access_token=` API checks before its own fields, in this order: the method (43001 / 43002),
// the token as §3 of wechat-api.md has the emulator model it (41001 absent, 40014 not shaped like a token,
// 42001 past its 7200 s, 40001 unknown or superseded), the account's right to the API (48001), then the
// API's daily cap (45009). A call that passes is counted toward the cap.

export interface GateDeps {
  apps: AppRegistry
  ledger: TokenLedger
}

export type Admitted = { ok: true; app: AppState } | { ok: false; error: WeChatError }

const refuse = (error: WeChatError): Admitted => ({ ok: false, error })

export function admit(deps: GateDeps, req: WxRequest, api: CgiApi): Admitted {
  if (req.method !== api.method) return refuse(api.method === 'GET' ? WX.requireGet : WX.requirePost)
  const token = req.query.get('access_token') ?? ''
  if (token === '') return refuse(WX.accessTokenMissing)
  if (!isWellFormedToken(token)) return refuse(WX.invalidAccessToken)
  const state = deps.ledger.stateOf(token, req.now)
  if (state === 'expired') return refuse(WX.accessTokenExpired)
  const app = state === 'valid' ? deps.apps.find(deps.ledger.find(token)?.appid ?? '') : undefined
  if (!app) return refuse(WX.invalidCredential)
  if (!allows(app.config.platform, api)) return refuse(WX.apiUnauthorized)
  if (api.daily) {
    const counter = api.counter?.(app.quotas) ?? app.quotas.apiCounter(api.path)
    if (!counter.tryTake(req.now, api.daily[app.config.accountType])) return refuse(WX.dailyQuota)
  }
  return { ok: true, app }
}

/** Whether an account of `platform` (an Official Account when unset) has the APIs of `kind`. */
export function hasPlatform(
  platform: EmulatorPlatform | undefined,
  kind: Exclude<ApiPlatform, 'any'>
): boolean {
  const own = platform ?? 'official-account'
  return own === 'both' || own === kind
}

/** Whether an account of `platform` may call `api`. */
export function allows(platform: EmulatorPlatform | undefined, api: CgiApi): boolean {
  return api.platform === 'any' || hasPlatform(platform, api.platform)
}

export type FieldsRead = { ok: true; fields: Record<string, unknown> } | { ok: false; error: WeChatError }

/**
 * The JSON object of a POST API (44002 empty, 47001 not an object). The Mini Program APIs also refuse a body
 * that carries `access_token`, which belongs in the query (47001).
 */
export function jsonFields(req: WxRequest, options: { tokenInBodyRefused?: boolean } = {}): FieldsRead {
  const read = readJsonObject(req.method, req.body)
  if (!read.ok) return read
  if (options.tokenInBodyRefused && 'access_token' in read.fields) return { ok: false, error: WX.dataFormat }
  return read
}
