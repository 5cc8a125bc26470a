import type {
  OAuthAuthorizationView,
  OAuthCopyField,
  OAuthTokenCheck,
  OAuthUserInfo,
  UserInfoLang
} from '../../shared/contract'
import { DeskFailure, text } from '../../shared/result'
import type { StoredAuthorization } from '../storage'
import { maskToken } from '../tokens'
import { failureToDeskError, type UpstreamResult } from '../wechat'
import type { AuthorizationHistory, UserTokens } from './authorization-history'
import { curlForUserToken } from './curl'
import { oauthFailure, type OAuthWorkbench } from './workbench'

type Usable = { entry: StoredAuthorization; tokens: UserTokens }

/**
 * What the user can do with an authorization's user tokens — refresh, check (/sns/auth), fetch userinfo, copy
 * a field — and each authorization's view with what those calls found out. The tokens leave main only
 * through the clipboard.
 */
export class UserTokenActions {
  private readonly userInfos = new Map<string, OAuthUserInfo>()
  private readonly checks = new Map<string, OAuthTokenCheck>()

  constructor(
    private readonly bench: OAuthWorkbench,
    private readonly history: AuthorizationHistory
  ) {}

  async refresh(authId: string): Promise<OAuthAuthorizationView> {
    const { result } = await this.call(authId, ({ entry, tokens }) =>
      this.bench.deps.client.snsRefreshToken({
        apiBase: entry.apiBase,
        appid: entry.appId,
        refreshToken: tokens.refreshToken
      })
    )
    if (!result.ok) throw oauthFailure(result.failure)
    const now = this.bench.deps.clock.now()
    const next = this.history.updateTokens(
      authId,
      { accessToken: result.value.accessToken, refreshToken: result.value.refreshToken },
      now + result.value.expiresIn * 1000
    )
    this.bench.changed()
    return this.viewOf(next)
  }

  /** /sns/auth. A WeChat "no" (42001, 40003 …) is the answer, kept in `lastCheck`; a network failure throws. */
  async check(authId: string): Promise<OAuthAuthorizationView> {
    const { entry, result } = await this.call(authId, ({ entry, tokens }) =>
      this.bench.deps.client.snsCheckToken({
        apiBase: entry.apiBase,
        accessToken: tokens.accessToken,
        openid: entry.openid
      })
    )
    const at = this.bench.deps.clock.now()
    if (result.ok) this.checks.set(authId, { at, valid: true, error: null })
    else if (result.failure.kind === 'wechat') {
      this.checks.set(authId, { at, valid: false, error: failureToDeskError(result.failure, 'oauth') })
    } else throw oauthFailure(result.failure)
    this.bench.changed()
    return this.viewOf(entry)
  }

  async userInfo(authId: string, lang: UserInfoLang): Promise<OAuthAuthorizationView> {
    const { entry, result } = await this.call(authId, ({ entry, tokens }) =>
      this.bench.deps.client.snsUserInfo({
        apiBase: entry.apiBase,
        accessToken: tokens.accessToken,
        openid: entry.openid,
        lang
      })
    )
    if (!result.ok) throw oauthFailure(result.failure)
    this.userInfos.set(authId, { ...result.value, lang, fetchedAt: this.bench.deps.clock.now() })
    this.bench.changed()
    return this.viewOf(entry)
  }

  copyField(authId: string, field: OAuthCopyField): void {
    const entry = this.history.get(authId)
    const value = this.fieldValue(entry, field)
    if (value === null || value === '') {
      throw new DeskFailure({
        code: 'not-found',
        message:
          field === 'unionid'
            ? text(
                'No unionid for this authorization: WeChat sends one only when the account is bound to an Open Platform account and the scope is snsapi_userinfo',
                '这次授权没有 unionid：只有账号绑定了开放平台且 scope 为 snsapi_userinfo 时微信才返回'
              )
            : text('Nothing to copy for this field', '此字段没有可复制的内容')
      })
    }
    this.bench.deps.clipboard.writeText(value)
  }

  /** Forgets what refresh / check / userinfo found out (the history was cleared). */
  forget(): void {
    this.userInfos.clear()
    this.checks.clear()
  }

  viewOf(entry: StoredAuthorization): OAuthAuthorizationView {
    const tokens = this.history.tokensOf(entry.id)
    return {
      id: entry.id,
      at: entry.at,
      profileId: entry.profileId,
      appId: entry.appId,
      appName: this.bench.exists(entry.profileId) ? this.bench.app(entry.profileId).name : entry.appId,
      scope: entry.scope,
      state: entry.state,
      stateVerdict: entry.stateVerdict,
      source: entry.source,
      openid: entry.openid,
      unionid: entry.unionid,
      isSnapshotUser: entry.isSnapshotUser,
      tokensAvailable: tokens !== null,
      accessTokenMasked: tokens ? maskToken(tokens.accessToken) : null,
      accessExpiresAt: entry.accessExpiresAt,
      refreshTokenMasked: tokens ? maskToken(tokens.refreshToken) : null,
      refreshExpiresAt: entry.refreshExpiresAt,
      userInfo: this.userInfos.get(entry.id) ?? null,
      lastCheck: this.checks.get(entry.id) ?? null
    }
  }

  /** Sends one call with the authorization's tokens and logs it under its app. */
  private async call<T>(
    authId: string,
    send: (usable: Usable) => Promise<UpstreamResult<T>>
  ): Promise<{ entry: StoredAuthorization; result: UpstreamResult<T> }> {
    const usable = this.usable(authId)
    const result = await send(usable)
    this.bench.log(usable.entry.profileId, result.call)
    return { entry: usable.entry, result }
  }

  private usable(authId: string): Usable {
    const entry = this.history.get(authId)
    const tokens = this.history.tokensOf(authId)
    if (!tokens) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'The user tokens of this authorization are not available any more',
          '这次授权的用户令牌已不可用'
        ),
        fix: text(
          'Without secure storage they are kept for the session they were obtained in only. Authorize again.',
          '在没有安全存储时，令牌只在获取它的那次运行中保留。请重新授权。'
        )
      })
    }
    if (this.bench.exists(entry.profileId)) {
      const creds = this.bench.deps.profiles.credentials(entry.profileId)
      if (creds.appId !== entry.appId || creds.apiBase !== entry.apiBase) {
        throw new DeskFailure({
          code: 'guard',
          message: text(
            `These tokens were issued for ${entry.appId} at ${entry.apiBase}; the app now points elsewhere`,
            `这些令牌签发给 ${entry.appId}（${entry.apiBase}），而此应用现在指向别处`
          ),
          fix: text(
            'Authorize again. (The sandbox’s emulator starts afresh with every run of the desk and knows no earlier tokens.)',
            '请重新授权。（沙箱模拟器每次启动都是全新的，不认识之前的令牌。）'
          )
        })
      }
    }
    return { entry, tokens }
  }

  private fieldValue(entry: StoredAuthorization, field: OAuthCopyField): string | null {
    switch (field) {
      case 'openid':
        return entry.openid
      case 'unionid':
        return entry.unionid
      case 'state':
        return entry.state
      case 'scope':
        return entry.scope
      case 'accessToken':
        return this.usable(entry.id).tokens.accessToken
      case 'refreshToken':
        return this.usable(entry.id).tokens.refreshToken
      case 'curlUserInfo':
      case 'curlAuth':
      case 'curlRefresh': {
        const { tokens } = this.usable(entry.id)
        const kind = field === 'curlUserInfo' ? 'userinfo' : field === 'curlAuth' ? 'auth' : 'refresh'
        return curlForUserToken(kind, entry, tokens)
      }
    }
  }
}
