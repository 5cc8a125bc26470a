import { DeskFailure } from '../../shared/result'
import { parseJsonObject } from '../http/read-body'
import type { Reply } from '../http/reply'
import type { Clock } from '../time/clock'
import type { HeldToken } from '../tokens'
import { WX, type WeChatError } from '../wechat-wire/errors'
import {
  readClassicTokenRequest,
  readStableTokenRequest,
  type TokenRequestRead
} from '../wechat-wire/token-request'
import type { AppIndex } from './app-index'
import type { TokenResponses } from './token-response'
import type { TokenAccess } from './token-access'
import { wechatErrorReply } from './wechat-reply'

/**
 * `GET /cgi-bin/token` and `POST /cgi-bin/stable_token`, answered the way WeChat answers them, so an SDK whose
 * API host is configurable works unchanged against the desk. They hand out the one shared token with its
 * remaining lifetime and never mint a token per call. Callers prove themselves with the app's real
 * AppSecret; every refusal is WeChat's own errcode with HTTP 200.
 */

export interface WeChatCompatDeps {
  index: AppIndex
  tokens: TokenAccess
  clock: Clock
  responses: TokenResponses
  logError: (error: unknown) => void
}

/** stable_token's normal mode never answers less (wechat-api.md §2): SDKs keep a margin of up to 300 s. */
export const STABLE_MIN_EXPIRES_IN_S = 300

export class WeChatCompat {
  constructor(private readonly deps: WeChatCompatDeps) {}

  /** `GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…` */
  classicToken(method: string, query: string): Reply | Promise<Reply> {
    return this.serve(readClassicTokenRequest(method, new URLSearchParams(query)))
  }

  /** `POST /cgi-bin/stable_token` with `{"grant_type","appid","secret","force_refresh"?}` */
  stableToken(method: string, body: string): Reply | Promise<Reply> {
    return this.serve(readStableTokenRequest(method, parseJsonObject(body)))
  }

  // WeChat's first checks (method, body, 41002 → 41004 → 40002) are core/wechat-wire's; then the AppID (40013)
  // and the secret (40125), against the desk's own apps.
  private serve(read: TokenRequestRead): Reply | Promise<Reply> {
    if (!read.ok) return wechatError(read.error)
    const { appid, secret, forceRefresh: force } = read.request
    const lookup = this.deps.index.lookup(appid)
    if (lookup.kind === 'unknown') return wechatError(WX.invalidAppid)
    if (lookup.kind === 'ambiguous') {
      return wechatError({
        errcode: -1,
        errmsg: `system error (wechat-token-desk: ${lookup.apps.length} profiles use this AppID with different API base URLs; keep one)`
      })
    }
    const { profileId } = lookup.app
    const check = this.deps.index.checkSecret(profileId, secret)
    if (check === 'no-secret') {
      return wechatError({
        errcode: -1,
        errmsg:
          'system error (wechat-token-desk holds no AppSecret for this app in this session; enter it in the desk)'
      })
    }
    if (check === 'mismatch') return wechatError(WX.invalidAppsecret)

    // `force_refresh: true` is a passive refresh of the current token: the desk's token is shared, so one
    // caller's "force" must not become a stream of new tokens. The refresh governor decides (a young token is
    // probed first), and every caller that forces meanwhile waits for the same refresh.
    if (force) return this.reply(profileId, this.forced(profileId))
    // The caller holds the AppSecret, so asking for a token is as explicit as it gets (prod + classic apps
    // otherwise need a confirmation before the desk mints). A second request soon after the first is verified.
    return this.reply(profileId, this.deps.tokens.handOut(profileId, { confirmed: true }))
  }

  private async forced(profileId: string): Promise<HeldToken> {
    const current = this.deps.tokens.current(profileId)
    if (!current) return this.deps.tokens.ensure(profileId, { confirmed: true })
    return (await this.deps.tokens.passiveRefresh(profileId, current.value)).token
  }

  /**
   * A stable token answered with less than 300 s to live is refreshed first: WeChat would have rotated it,
   * and an SDK that keeps a 300 s margin would otherwise hold it for no time at all.
   */
  private async withStableMargin(profileId: string, held: HeldToken): Promise<HeldToken> {
    const left = held.expiresAt - this.deps.clock.now()
    if (held.mode !== 'stable' || left >= STABLE_MIN_EXPIRES_IN_S * 1000) return held
    return this.deps.tokens.refresh(profileId, 'fetch', { confirmed: true })
  }

  private async reply(profileId: string, pending: Promise<HeldToken>): Promise<Reply> {
    try {
      const held = await this.withStableMargin(profileId, await pending)
      return this.deps.responses.wechat(profileId, held, this.deps.clock.now())
    } catch (error) {
      if (
        error instanceof DeskFailure &&
        error.error.code === 'wechat' &&
        error.error.errcode !== undefined
      ) {
        // WeChat's own refusal (already redacted by the client), passed on as WeChat sent it.
        return wechatError({ errcode: error.error.errcode, errmsg: error.error.errmsg ?? '' })
      }
      if (!(error instanceof DeskFailure)) this.deps.logError(error)
      return wechatError(WX.systemError)
    }
  }
}

const wechatError = (error: WeChatError): Reply => wechatErrorReply(error)
