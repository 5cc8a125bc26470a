import { WX, type WeChatError } from './errors'
import type { JsonObjectBody } from '../http/read-body'
import { readJsonObject, stringField } from './request'

// What a caller of the two token endpoints asks for (wechat-api.md §1, §2), read and checked in WeChat's
// order (§6a): method → body shape (stable_token) → missing params (41002, 41004) → grant_type (40002).
// What comes after (40013 unknown appid, 40125 wrong secret …) depends on who answers: the emulator's
// accounts or the desk's apps.

/** A token request that passed WeChat's first checks. */
export interface TokenRequest {
  appid: string
  secret: string
  /** stable_token's `force_refresh` (always false for /cgi-bin/token). */
  forceRefresh: boolean
}

export type TokenRequestRead = { ok: true; request: TokenRequest } | { ok: false; error: WeChatError }

/** `GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…` */
export function readClassicTokenRequest(method: string, query: URLSearchParams): TokenRequestRead {
  // WeChat's code for the wrong method on a GET-only cgi; the reference lists only its POST twin (43002).
  if (method !== 'GET') return { ok: false, error: WX.requireGet }
  return checked(query.get('grant_type') ?? '', query.get('appid') ?? '', query.get('secret') ?? '', false)
}

/**
 * `POST /cgi-bin/stable_token` with `{grant_type, appid, secret, force_refresh?}`: a body that is not a JSON
 * object, a non-string credential field or a non-boolean `force_refresh` is a 47001.
 */
export function readStableTokenRequest(method: string, body: JsonObjectBody): TokenRequestRead {
  const read = readJsonObject(method, body)
  if (!read.ok) return read
  const { fields } = read
  const grantType = stringField(fields, 'grant_type')
  const appid = stringField(fields, 'appid')
  const secret = stringField(fields, 'secret')
  const force = fields['force_refresh'] === undefined ? false : fields['force_refresh']
  if (grantType === null || appid === null || secret === null || typeof force !== 'boolean') {
    return { ok: false, error: WX.dataFormat }
  }
  return checked(grantType, appid, secret, force)
}

/** The credential parameters in WeChat's order: 41002 → 41004 → 40002. */
export function checkCredentialParams(grantType: string, appid: string, secret: string): WeChatError | null {
  if (appid === '') return WX.appidMissing
  if (secret === '') return WX.appsecretMissing
  if (grantType !== 'client_credential') return WX.invalidGrantType
  return null
}

function checked(grantType: string, appid: string, secret: string, forceRefresh: boolean): TokenRequestRead {
  const error = checkCredentialParams(grantType, appid, secret)
  return error ? { ok: false, error } : { ok: true, request: { appid, secret, forceRefresh } }
}
