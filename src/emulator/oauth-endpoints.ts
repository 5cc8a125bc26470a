import type { AppRegistry } from './app-registry'
import { WX, type WeChatError } from '../core/wechat-wire/errors'
import { admitCodeExchange } from './code-exchange'
import { findFakeUser, headimgurlFor, openidFor, unionidFor, type FakeUser } from './fake-users'
import type { OAuthLedger, UserGrant, UserTokenRecord } from './oauth-model'
import { isWellFormedToken } from './token-shape'
import { failure, success, type JsonBody, type Outcome, type WxRequest } from '../core/wechat-wire/request'

// The four /sns/* endpoints of web OAuth (wechat-api.md §4.3-4.6). All GET; success bodies have no errcode
// except /sns/auth's `{"errcode":0,"errmsg":"ok"}`. The routes label every answer text/plain, as WeChat does.

export interface SnsDeps {
  apps: AppRegistry
  oauth: OAuthLedger
}

function grantBody(deps: SnsDeps, appid: string, grant: UserGrant, withExtras: boolean): Outcome {
  const user = findFakeUser(grant.userId)
  if (!user) return failure(WX.systemError)
  const body: JsonBody = {
    access_token: grant.accessToken,
    expires_in: grant.expiresIn,
    refresh_token: grant.refreshToken,
    openid: openidFor(appid, user),
    scope: grant.scope
  }
  if (withExtras) {
    // unionid only when the account is bound to an Open Platform account and the user granted userinfo.
    if (deps.apps.find(appid)?.config.unionBound && grant.scope !== 'snsapi_base') {
      body['unionid'] = unionidFor(user)
    }
    if (user.snapshot) body['is_snapshotuser'] = 1
  }
  return success(body)
}

/**
 * GET /sns/oauth2/access_token?appid&secret&code&grant_type=authorization_code. Order: 41002, 41004, 41008,
 * 40002, 40013, 40125, then the code: 40163 when already exchanged, 40029 when unknown, expired or issued
 * for another appid.
 */
export function snsAccessToken(deps: SnsDeps, req: WxRequest): Outcome {
  const exchange = admitCodeExchange(deps.apps, req, 'code')
  if (!exchange.ok) return failure(exchange.error)
  const { appid, code } = exchange
  const redeemed = deps.oauth.redeem(appid, code, req.now)
  if (!redeemed.ok) return failure(redeemed.reason === 'used' ? WX.codeBeenUsed : WX.invalidCode)
  return grantBody(deps, appid, redeemed.grant, true)
}

/**
 * GET /sns/oauth2/refresh_token?appid&grant_type=refresh_token&refresh_token (no secret). Order: 41002,
 * 41003, 40002, 40013, then 40030 (unknown / other app) or 42002 (older than 30 days).
 */
export function snsRefreshToken(deps: SnsDeps, req: WxRequest): Outcome {
  if (req.method !== 'GET') return failure(WX.requireGet)
  const q = req.query
  const appid = q.get('appid') ?? ''
  const refreshToken = q.get('refresh_token') ?? ''
  if (appid === '') return failure(WX.appidMissing)
  if (refreshToken === '') return failure(WX.refreshTokenMissing)
  if (q.get('grant_type') !== 'refresh_token') return failure(WX.invalidGrantType)
  if (!deps.apps.find(appid)) return failure(WX.invalidAppid)
  const refreshed = deps.oauth.refreshGrant(appid, refreshToken, req.now)
  if (!refreshed.ok)
    return failure(refreshed.reason === 'expired' ? WX.refreshTokenExpired : WX.invalidRefreshToken)
  return grantBody(deps, appid, refreshed.grant, false)
}

type Presented = { ok: true; record: UserTokenRecord; user: FakeUser } | { ok: false; error: WeChatError }

/** The user token checks shared by /sns/auth and /sns/userinfo: 41001, 40014, 40001, 42001, then 40003. */
function presented(deps: SnsDeps, req: WxRequest): Presented {
  const token = req.query.get('access_token') ?? ''
  const openid = req.query.get('openid') ?? ''
  if (token === '') return { ok: false, error: WX.accessTokenMissing }
  if (!isWellFormedToken(token)) return { ok: false, error: WX.invalidAccessToken }
  const access = deps.oauth.checkAccess(token, req.now)
  if (access.state !== 'valid') {
    return { ok: false, error: access.state === 'expired' ? WX.accessTokenExpired : WX.invalidCredential }
  }
  const user = findFakeUser(access.record.userId)
  if (!user) return { ok: false, error: WX.systemError }
  if (openid !== openidFor(access.record.appid, user)) return { ok: false, error: WX.invalidOpenid }
  return { ok: true, record: access.record, user }
}

/** GET /sns/auth?access_token&openid → `{"errcode":0,"errmsg":"ok"}` while the token is valid for that openid. */
export function snsAuth(deps: SnsDeps, req: WxRequest): Outcome {
  if (req.method !== 'GET') return failure(WX.requireGet)
  const checked = presented(deps, req)
  return checked.ok ? success({ errcode: 0, errmsg: 'ok' }) : failure(checked.error)
}

/**
 * GET /sns/userinfo?access_token&openid&lang. A token from snsapi_base gets 48001. `lang` (zh_CN default,
 * zh_TW, en) changes nothing visible today: province, city and country are empty since 2021-10-20.
 */
export function snsUserInfo(deps: SnsDeps, req: WxRequest): Outcome {
  if (req.method !== 'GET') return failure(WX.requireGet)
  const checked = presented(deps, req)
  if (!checked.ok) return failure(checked.error)
  const { record, user } = checked
  if (record.scope === 'snsapi_base') return failure(WX.apiUnauthorized)
  const body: JsonBody = {
    openid: openidFor(record.appid, user),
    nickname: user.nickname,
    sex: 0,
    province: '',
    city: '',
    country: '',
    headimgurl: headimgurlFor(user),
    privilege: []
  }
  if (deps.apps.find(record.appid)?.config.unionBound) body['unionid'] = unionidFor(user)
  return success(body)
}
