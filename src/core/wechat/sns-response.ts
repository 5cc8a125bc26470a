/** Success bodies of the web-OAuth /sns/* endpoints (errors were already branched on by `interpret`). */
import { isTokenLifetime, MAX_TOKEN_LIFETIME_S, type BodyCheck } from './response'
import type { SnsGrant, SnsUserInfo } from './types'

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''
const optionalString = (value: unknown): string | null => (nonEmpty(value) ? value : null)

/** /sns/oauth2/access_token and /sns/oauth2/refresh_token. */
export function checkSnsGrant(json: Record<string, unknown>): BodyCheck<SnsGrant> {
  const {
    access_token: accessToken,
    expires_in: expiresIn,
    refresh_token: refreshToken,
    openid,
    scope
  } = json
  if (!nonEmpty(accessToken)) return { ok: false, reason: 'access_token missing or not a non-empty string' }
  if (!isTokenLifetime(expiresIn)) {
    return {
      ok: false,
      reason: `expires_in is not a whole number of seconds from 1 to ${MAX_TOKEN_LIFETIME_S}`
    }
  }
  if (!nonEmpty(refreshToken)) return { ok: false, reason: 'refresh_token missing or not a non-empty string' }
  if (!nonEmpty(openid)) return { ok: false, reason: 'openid missing or not a non-empty string' }
  return {
    ok: true,
    value: {
      accessToken,
      expiresIn,
      refreshToken,
      openid,
      scope: typeof scope === 'string' ? scope : '',
      unionid: optionalString(json.unionid),
      // WeChat sends the number 1; accept "1" and true as well rather than miss a virtual user.
      isSnapshotUser:
        json.is_snapshotuser === 1 || json.is_snapshotuser === '1' || json.is_snapshotuser === true
    }
  }
}

/** /sns/auth: `{"errcode":0,"errmsg":"ok"}` (non-zero codes never get here). */
export function checkSnsOk(json: Record<string, unknown>): BodyCheck<{ ok: true }> {
  return json.errcode === 0 || json.errcode === '0'
    ? { ok: true, value: { ok: true } }
    : { ok: false, reason: 'errcode 0 missing' }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** /sns/userinfo. */
export function checkSnsUserInfo(json: Record<string, unknown>): BodyCheck<SnsUserInfo> {
  if (!nonEmpty(json.openid)) return { ok: false, reason: 'openid missing or not a non-empty string' }
  if (typeof json.nickname !== 'string') return { ok: false, reason: 'nickname missing or not a string' }
  const privilege = Array.isArray(json.privilege) ? json.privilege.filter((p) => typeof p === 'string') : []
  return {
    ok: true,
    value: {
      openid: json.openid,
      nickname: json.nickname,
      sex: typeof json.sex === 'number' ? json.sex : 0,
      province: text(json.province),
      city: text(json.city),
      country: text(json.country),
      headimgurl: text(json.headimgurl),
      privilege,
      unionid: optionalString(json.unionid)
    }
  }
}
