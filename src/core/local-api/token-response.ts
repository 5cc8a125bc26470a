import type { HeldToken } from '../tokens'
import { JSON_TYPE, prepare, reply, type SendReply } from '../http/reply'
import { WECHAT_JSON_TYPE } from '../wechat-wire/content-types'

interface Rendered {
  held: HeldToken
  /** `{"access_token":"…","expires_in":` */
  head: string
  /** `,"expires_at":"…","obtained_at":"…","mode":"…"` */
  tail: string
  /** The last answers given, valid while `expires_in` stays the same second. */
  desk: SendReply | null
  deskSeconds: number
  wechat: SendReply | null
  wechatSeconds: number
}

/** Seconds of life left, as WeChat counts `expires_in`. */
export const remainingSeconds = (held: HeldToken, now: number): number =>
  Math.max(0, Math.floor((held.expiresAt - now) / 1000))

/**
 * Token answers. A held token's answer changes once a second (`expires_in`), while callers may ask
 * thousands of times a second, so each answer — body and headers — is built once per second and handed
 * out as is; the token's JSON is serialised once per token.
 */
export class TokenResponses {
  private readonly rendered = new Map<string, Rendered>()

  /** `{"access_token","expires_in","expires_at","obtained_at","mode"[,"refreshed"]}` for the /v1 API. */
  desk(profileId: string, held: HeldToken, now: number, refreshed?: boolean): SendReply {
    const r = this.render(profileId, held)
    const seconds = remainingSeconds(held, now)
    if (refreshed !== undefined)
      return prepare(reply(200, JSON_TYPE, `${r.head}${seconds}${r.tail},"refreshed":${refreshed}}`))
    if (r.desk === null || r.deskSeconds !== seconds) {
      r.desk = prepare(reply(200, JSON_TYPE, `${r.head}${seconds}${r.tail}}`))
      r.deskSeconds = seconds
    }
    return r.desk
  }

  /** `{"access_token","expires_in"}`: exactly WeChat's shape, with WeChat's content type. */
  wechat(profileId: string, held: HeldToken, now: number): SendReply {
    const r = this.render(profileId, held)
    const seconds = remainingSeconds(held, now)
    if (r.wechat === null || r.wechatSeconds !== seconds) {
      r.wechat = prepare(reply(200, WECHAT_JSON_TYPE, `${r.head}${seconds}}`))
      r.wechatSeconds = seconds
    }
    return r.wechat
  }

  private render(profileId: string, held: HeldToken): Rendered {
    const cached = this.rendered.get(profileId)
    if (cached && cached.held === held) return cached
    const fresh: Rendered = {
      held,
      head: `{"access_token":${JSON.stringify(held.value)},"expires_in":`,
      tail:
        `,"expires_at":${JSON.stringify(new Date(held.expiresAt).toISOString())}` +
        `,"obtained_at":${JSON.stringify(new Date(held.obtainedAt).toISOString())}` +
        `,"mode":${JSON.stringify(held.mode)}`,
      desk: null,
      deskSeconds: -1,
      wechat: null,
      wechatSeconds: -1
    }
    this.rendered.set(profileId, fresh)
    return fresh
  }
}
