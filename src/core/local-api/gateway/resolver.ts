import { WX, type WeChatError } from '../../wechat-wire/errors'
import type { AppIndex, CatalogApp } from '../app-index'
import type { Issued, IssuedTokens } from './issued-tokens'

/** Which app a relayed request is for, with the credential that proved it; or why it is refused. */
export type Resolution =
  | { kind: 'app'; app: CatalogApp; token: { value: string; issued: Issued | null } | null }
  | { kind: 'refused'; error: WeChatError; app: CatalogApp | null }

/** Where a user's token stands in for the app's (wechat-api.md §4.4–4.6): the app is told by the token or appid. */
const USER_TOKEN_PATHS = new Set(['/sns/userinfo', '/sns/auth', '/sns/oauth2/refresh_token'])

const DESK = 'wechat-token-desk'

/**
 * Finds the managed app a WeChat call belongs to, the way WeChat itself knows who is calling: the
 * `access_token` (one the desk issued, still within its life), else the `appid` with its AppSecret (compared in
 * constant time), or — for the user-token endpoints — a user token seen in an exchange or the appid alone.
 * Anything else is refused in WeChat's shape, saying why: the gateway relays only for the apps it manages.
 */
export class AppResolver {
  constructor(
    private readonly index: AppIndex,
    private readonly issued: IssuedTokens,
    /** Records the apps' current tokens, so a token handed out a moment ago is known. */
    private readonly refresh: () => void
  ) {}

  resolve(path: string, params: URLSearchParams, now: number): Resolution {
    // `OPTIONS *` and the like: not a path on any API host, so nothing to relay.
    if (!path.startsWith('/')) return refusal(WX.invalidArgs, 'not a path WeChat serves')
    const token = params.get('access_token')
    if (token) return this.byToken(path, token, params, now)
    const appid = params.get('appid')
    if (appid) {
      const refreshToken = params.get('refresh_token')
      const secret = params.get('secret') ?? params.get('appsecret')
      return this.byAppId(path, appid, secret, refreshToken)
    }
    return refusal(
      WX.accessTokenMissing,
      'the desk relays a call only for an app it manages: send the app’s access_token (from the desk), or its appid and secret'
    )
  }

  /** A JSON body's `appid` + `secret`/`appsecret` (clear_quota/v2 and friends carry them there). */
  resolveBody(path: string, fields: Record<string, unknown>): Resolution | null {
    const appid = fields['appid']
    if (typeof appid !== 'string' || appid === '') return null
    const secret = fields['secret'] ?? fields['appsecret']
    return this.byAppId(path, appid, typeof secret === 'string' ? secret : null, null)
  }

  private byToken(path: string, value: string, params: URLSearchParams, now: number): Resolution {
    let issued = this.issued.find(value)
    if (!issued) {
      this.refresh()
      issued = this.issued.find(value)
    }
    if (issued) {
      const app = this.index.byProfile(issued.profileId)
      if (!app)
        return refusal(WX.invalidCredential, 'the app this access_token belongs to is no longer in the desk')
      if (issued.expiresAt <= now) {
        return refusal(
          WX.accessTokenExpired,
          'this access_token is past its life; get a new one from the desk',
          app
        )
      }
      return { kind: 'app', app, token: { value, issued } }
    }
    const appid = params.get('appid')
    if (appid && USER_TOKEN_PATHS.has(path)) {
      const found = this.byAppId(path, appid, null, null)
      return found.kind === 'app' ? { ...found, token: { value, issued: null } } : found
    }
    return refusal(
      WX.invalidCredential,
      'this access_token was not issued by the desk (or it was long ago), so the desk cannot tell which app it is for; ' +
        'get the app’s token from the desk (GET /cgi-bin/token with the appid and secret)'
    )
  }

  private byAppId(
    path: string,
    appid: string,
    secret: string | null,
    refreshToken: string | null
  ): Resolution {
    const lookup = this.index.lookup(appid)
    if (lookup.kind === 'unknown') {
      return refusal(
        WX.invalidAppid,
        'no app with this AppID is managed by the desk, so it relays nothing for it'
      )
    }
    if (lookup.kind === 'ambiguous') {
      return refusal(
        WX.systemError,
        `${lookup.apps.length} profiles use this AppID with different API base URLs; keep one`
      )
    }
    const { app } = lookup
    if (secret !== null) {
      const check = this.index.checkSecret(app.profileId, secret)
      if (check === 'no-secret') {
        return refusal(WX.systemError, 'the desk holds no AppSecret for this app in this session', app)
      }
      if (check === 'mismatch') return refusal(WX.invalidAppsecret, 'not the AppSecret of this app', app)
      return { kind: 'app', app, token: null }
    }
    if (USER_TOKEN_PATHS.has(path)) {
      const issued = refreshToken ? this.issued.find(refreshToken) : null
      if (issued && issued.profileId !== app.profileId) {
        return refusal(WX.invalidRefreshToken, 'this refresh_token belongs to another app', app)
      }
      return { kind: 'app', app, token: null }
    }
    return refusal(
      WX.appsecretMissing,
      'the desk relays this call for the app only with its access_token or its AppSecret',
      app
    )
  }
}

function refusal(error: WeChatError, why: string, app: CatalogApp | null = null): Resolution {
  return {
    kind: 'refused',
    error: { errcode: error.errcode, errmsg: `${error.errmsg} (${DESK}: ${why})` },
    app
  }
}
