import { DeskFailure } from '../../shared/result'
// WeChat's own wording lives in one table, the emulator's; the compatible endpoints speak it too.
import { WX, type WeChatError } from '../wechat-wire/errors'
import type { Clock } from '../time/clock'
import type { HeldToken } from '../tokens'
import type { AppIndex } from './app-index'
import { parseJsonObject, WECHAT_JSON_TYPE, type Reply } from './http-io'
import type { TokenResponses } from './token-response'
import type { TokenSource } from './token-source'

/**
 * `GET /cgi-bin/token` and `POST /cgi-bin/stable_token`, answered the way WeChat answers them, so an SDK whose
 * API host is configurable works unchanged against the desk. They hand out the one shared token with its
 * remaining lifetime and never mint a token per call. Callers prove themselves with the app's real
 * AppSecret; every refusal is WeChat's own errcode with HTTP 200.
 */

export interface WeChatCompatDeps {
  index: AppIndex
  tokens: TokenSource
  clock: Clock
  responses: TokenResponses
  /** Minimum time between two honoured `force_refresh: true` calls for one app (WeChat's own rule: 30 s). */
  forceSpacingMs: number
  logError: (error: unknown) => void
}

export class WeChatCompat {
  private readonly lastForce = new Map<string, number>()

  constructor(private readonly deps: WeChatCompatDeps) {}

  /** `GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…` */
  classicToken(method: string, query: string): Reply | Promise<Reply> {
    if (method !== 'GET') return wechatError(WX.requireGet)
    const params = new URLSearchParams(query)
    return this.serve(
      params.get('grant_type') ?? '',
      params.get('appid') ?? '',
      params.get('secret') ?? '',
      false
    )
  }

  /** `POST /cgi-bin/stable_token` with `{"grant_type","appid","secret","force_refresh"?}` */
  stableToken(method: string, body: string): Reply | Promise<Reply> {
    if (method !== 'POST') return wechatError(WX.requirePost)
    const parsed = parseJsonObject(body)
    if (!parsed.ok) return wechatError(parsed.reason === 'empty' ? WX.emptyPostData : WX.dataFormat)
    const fields = parsed.value
    const grantType = stringField(fields, 'grant_type')
    const appid = stringField(fields, 'appid')
    const secret = stringField(fields, 'secret')
    const force = fields['force_refresh'] === undefined ? false : fields['force_refresh']
    if (grantType === null || appid === null || secret === null || typeof force !== 'boolean') {
      return wechatError(WX.dataFormat)
    }
    return this.serve(grantType, appid, secret, force)
  }

  // WeChat's validation order (wechat-api.md §6a): missing params → grant_type → appid → secret.
  private serve(grantType: string, appid: string, secret: string, force: boolean): Reply | Promise<Reply> {
    if (appid === '') return wechatError(WX.appidMissing)
    if (secret === '') return wechatError(WX.appsecretMissing)
    if (grantType !== 'client_credential') return wechatError(WX.invalidGrantType)
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

    if (force && this.takeForce(profileId)) return this.reply(profileId, this.forced(profileId))
    const held = this.deps.tokens.current(profileId)
    if (held) return this.deps.responses.wechat(profileId, held, this.deps.clock.now())
    // The caller holds the AppSecret, so asking for a token is as explicit as it gets (prod + classic apps
    // otherwise need a confirmation before the desk mints).
    return this.reply(profileId, this.deps.tokens.ensure(profileId, { confirmed: true }))
  }

  /**
   * `force_refresh: true` is a passive refresh of the current token — the desk's token is shared, so one
   * caller's "force" must not become a stream of new tokens — and is honoured at most once per 30 s per app,
   * as WeChat itself does. Inside that window the current token is answered.
   */
  private takeForce(profileId: string): boolean {
    const now = this.deps.clock.now()
    const last = this.lastForce.get(profileId)
    if (last !== undefined && now - last < this.deps.forceSpacingMs) return false
    this.lastForce.set(profileId, now)
    return true
  }

  private async forced(profileId: string): Promise<HeldToken> {
    const current = this.deps.tokens.current(profileId)
    return (await this.deps.tokens.passiveRefresh(profileId, current?.value ?? '')).token
  }

  private async reply(profileId: string, pending: Promise<HeldToken>): Promise<Reply> {
    try {
      const held = await pending
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

const wechatError = (error: WeChatError): Reply => ({
  status: 200,
  body: JSON.stringify({ errcode: error.errcode, errmsg: error.errmsg }),
  contentType: WECHAT_JSON_TYPE
})

/** A credential field: the string, '' when absent, null when it has another type (WeChat: 47001). */
function stringField(fields: Record<string, unknown>, name: string): string | null {
  const value = fields[name]
  if (value === undefined) return ''
  return typeof value === 'string' ? value : null
}
