import { admit, type GateDeps } from './api-gate'
import { CGI } from './cgi-catalogue'
import { openidFor, unionidFor } from './fake-users'
import { WX } from '../core/wechat-wire/errors'
import { failure, success, type JsonBody, type Outcome, type WxRequest } from '../core/wechat-wire/request'
import { factsOf, FOLLOWERS, userByOpenid } from './sandbox-users'

// The follower APIs of wechat-api.md §11.5. The sandbox users who follow the account are its followers; one
// has unfollowed (user/info says `subscribe: 0` for him).

/** At most this many openids per user/get page. */
export const USER_PAGE_SIZE = 10_000

/**
 * GET /cgi-bin/user/get?next_openid= → `{total, count, data: {openid: […]}, next_openid}`, from the start or
 * after `next_openid`; `next_openid` is the last openid of the page, "" on an empty page (then no `data`).
 * A `next_openid` that is not one of the followers is 40003.
 */
export function userGet(deps: GateDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.userGet)
  if (!admitted.ok) return failure(admitted.error)
  const { appid } = admitted.app.config
  const openids = FOLLOWERS.map((user) => openidFor(appid, user))
  const after = req.query.get('next_openid') ?? ''
  const start = after === '' ? 0 : openids.indexOf(after) + 1
  if (start === 0 && after !== '') return failure(WX.invalidOpenid)
  const page = openids.slice(start, start + USER_PAGE_SIZE)
  const body: JsonBody = { total: openids.length, count: page.length }
  if (page.length > 0) body['data'] = { openid: page }
  body['next_openid'] = page.at(-1) ?? ''
  return success(body)
}

/**
 * GET /cgi-bin/user/info?openid=&lang= → a follower's record (no nickname or avatar since 2021-12-27), or
 * `{subscribe: 0, openid}` for a user who does not follow. 41009 without openid, 40003 for an openid not of
 * this account.
 */
export function userInfo(deps: GateDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.userInfo)
  if (!admitted.ok) return failure(admitted.error)
  const { config } = admitted.app
  const openid = req.query.get('openid') ?? ''
  if (openid === '') return failure(WX.missingOpenid)
  const user = userByOpenid(config.appid, openid)
  const facts = user && factsOf(user)
  if (!user || !facts) return failure(WX.invalidOpenid)
  const unionid: JsonBody = config.unionBound ? { unionid: unionidFor(user) } : {}
  const follower = facts.follower
  if (!follower) return success({ subscribe: 0, openid, ...unionid })
  return success({
    subscribe: 1,
    openid,
    language: facts.language,
    subscribe_time: follower.since,
    ...unionid,
    remark: '',
    groupid: 0,
    tagid_list: [],
    subscribe_scene: follower.scene,
    qr_scene: follower.qrScene,
    qr_scene_str: follower.qrSceneStr
  })
}
