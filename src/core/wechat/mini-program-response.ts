/** Success bodies of the Mini Program login endpoints (errors were already branched on by `interpret`). */
import type { BodyCheck } from './response'
import type { CodeSession, PhoneInfo } from './types'

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== ''

/** /sns/jscode2session: `{openid, session_key, unionid?}`, with no errcode (wechat-api.md §11.1). */
export function checkCodeSession(json: Record<string, unknown>): BodyCheck<CodeSession> {
  const { openid, session_key: sessionKey, unionid } = json
  if (!nonEmpty(openid)) return { ok: false, reason: 'openid missing or not a non-empty string' }
  if (!nonEmpty(sessionKey)) return { ok: false, reason: 'session_key missing or not a non-empty string' }
  return { ok: true, value: { openid, sessionKey, unionid: nonEmpty(unionid) ? unionid : null } }
}

/** getuserphonenumber: `{errcode:0, errmsg:"ok", phone_info:{…}}` (wechat-api.md §11.2). */
export function checkPhoneInfo(json: Record<string, unknown>): BodyCheck<PhoneInfo> {
  const info = json.phone_info
  if (typeof info !== 'object' || info === null) return { ok: false, reason: 'phone_info missing' }
  const fields = info as Record<string, unknown>
  const { phoneNumber, purePhoneNumber, countryCode, watermark } = fields
  if (!nonEmpty(phoneNumber)) return { ok: false, reason: 'phone_info.phoneNumber missing' }
  const mark =
    typeof watermark === 'object' && watermark !== null ? (watermark as Record<string, unknown>) : {}
  return {
    ok: true,
    value: {
      phoneNumber,
      purePhoneNumber: nonEmpty(purePhoneNumber) ? purePhoneNumber : phoneNumber,
      countryCode: typeof countryCode === 'number' || nonEmpty(countryCode) ? String(countryCode) : '',
      watermark: {
        timestamp: typeof mark.timestamp === 'number' ? mark.timestamp : 0,
        appid: typeof mark.appid === 'string' ? mark.appid : ''
      }
    }
  }
}
