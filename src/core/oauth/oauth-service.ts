import { randomBytes } from 'node:crypto'
import type {
  OAuthAuthorizationView,
  OAuthCopyField,
  OAuthDomainsSource,
  OAuthLink,
  OAuthLinkDraft,
  OAuthCatcherView,
  OAuthExchangeOutcome,
  OAuthLinkPreview,
  OAuthPasteReport,
  OAuthSetup,
  OAuthStateView,
  OAuthUserInfo,
  OAuthTokenCheck,
  UserInfoLang
} from '../../shared/contract'
import { DeskFailure, text, type DeskError } from '../../shared/result'
import type { AppView } from '../../shared/contract'
import type { CallLog } from '../call-log'
import type { ClipboardPort, SecretCipher } from '../ports'
import type { ProfileService } from '../profiles'
import type { DeskStore, StoredAuthorization } from '../storage'
import type { Clock } from '../time/clock'
import { maskToken } from '../tokens'
import {
  failureToDeskError,
  type SnsGrant,
  type UpstreamCall,
  type UpstreamResult,
  type WeChatClient
} from '../wechat'
import { AuthorizationHistory, type UserTokens } from './authorization-history'
import { authorizeBaseFor, buildAuthorizeUrl } from './authorize-url'
import {
  CallbackCatcher,
  DEFAULT_CATCHER_PATH,
  checkCatcherPath,
  type CatcherCloseReason
} from './callback-catcher'
import { CodeGuard } from './code-guard'
import { curlForUserToken } from './curl'
import { isBindable, listLanAddresses, type InterfaceTable } from './lan-addresses'
import { lintLink } from './link-lint'
import { qrSvg, svgDataUrl } from './qr-code'
import { parseRedirectPaste } from './redirect-paste'
import { generateState } from './state'
import { StateRegistry } from './state-registry'

/** The 网页授权 domains links are checked against, and where they come from. */
export interface OAuthDomains {
  domains: string[]
  source: OAuthDomainsSource
}

/** The app's own 网页授权 domains, if it has any. */
export function ownOAuthDomains(app: Pick<AppView, 'oauthDomains'>): OAuthDomains {
  const own = app.oauthDomains ?? []
  return own.length > 0 ? { domains: own, source: 'profile' } : { domains: [], source: 'none' }
}

/** A refresh_token lives 30 days from the authorization; refreshing does not extend it. */
export const REFRESH_TOKEN_LIFETIME_MS = 30 * 86_400_000

export interface OAuthServiceDeps {
  profiles: ProfileService
  client: WeChatClient
  store: DeskStore
  cipher: SecretCipher
  clock: Clock
  callLog: CallLog
  clipboard: ClipboardPort
  /** An app's 网页授权 domains (default: its own). The desktop's sandbox falls back to its emulator's. */
  domainsFor?: (app: AppView) => OAuthDomains
  /** This machine's network interfaces (os.networkInterfaces by default). */
  interfaces?: () => InterfaceTable
  catcherTimeoutMs?: number
  catcherLingerMs?: number
}

const STOPPED: OAuthCatcherView = {
  status: 'stopped',
  profileId: null,
  host: null,
  port: null,
  path: null,
  url: null,
  closesAt: null,
  capture: null,
  error: null
}

const newId = (): string => randomBytes(9).toString('base64url')

/**
 * The OAuth workbench: builds and lints authorize links, remembers their states, catches or parses the
 * redirect, exchanges each code once, and keeps the resulting user tokens (encrypted) with refresh / check /
 * userinfo. User tokens never leave main except through the clipboard, when the user copies one.
 */
export class OAuthService {
  private readonly history: AuthorizationHistory
  private readonly states = new StateRegistry()
  private readonly guard = new CodeGuard()
  private readonly userInfos = new Map<string, OAuthUserInfo>()
  private readonly checks = new Map<string, OAuthTokenCheck>()
  private readonly listeners = new Set<(state: OAuthStateView) => void>()
  private catcher: CallbackCatcher | null = null
  private catcherView: OAuthCatcherView = STOPPED
  private disposed = false

  constructor(private readonly deps: OAuthServiceDeps) {
    this.history = new AuthorizationHistory(deps.store, deps.cipher)
  }

  onChange(listener: (state: OAuthStateView) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  state(): OAuthStateView {
    return {
      catcher: this.catcherView,
      history: this.history.list().map((entry) => this.viewOf(entry)),
      tokenPersistence: this.history.persistence,
      now: this.deps.clock.now()
    }
  }

  setup(profileId: string): OAuthSetup {
    const app = this.app(profileId)
    const creds = this.deps.profiles.credentials(profileId)
    const { domains, source } = this.domainsOf(app)
    return {
      profileId,
      kind: app.kind,
      authorizeBase: authorizeBaseFor(creds.apiBase),
      domains,
      domainsSource: source,
      lanAddresses: listLanAddresses(this.deps.interfaces?.()),
      suggestedState: generateState(),
      canExchange: creds.secret !== null
    }
  }

  newState(): string {
    return generateState()
  }

  preview(profileId: string, draft: OAuthLinkDraft): OAuthLinkPreview {
    const app = this.app(profileId)
    const creds = this.deps.profiles.credentials(profileId)
    const { domains, source } = this.domainsOf(app)
    return {
      url: buildAuthorizeUrl(authorizeBaseFor(creds.apiBase), app.appId, draft),
      findings: lintLink({ draft, kind: app.kind, domains, domainsSource: source })
    }
  }

  async build(profileId: string, draft: OAuthLinkDraft): Promise<OAuthLink> {
    const preview = this.preview(profileId, draft)
    const app = this.app(profileId)
    const now = this.deps.clock.now()
    const issued = this.states.issue({
      state: draft.state,
      linkId: newId(),
      profileId,
      appId: app.appId,
      scope: draft.scope,
      endpoint: draft.endpoint,
      redirectUri: draft.redirectUri.trim(),
      url: preview.url,
      issuedAt: now
    })
    return {
      ...preview,
      id: issued.linkId,
      state: draft.state,
      scope: draft.scope,
      qrDataUrl: svgDataUrl(await qrSvg(preview.url)),
      chatText: chatText(preview.url),
      builtAt: now,
      stateExpiresAt: issued.expiresAt
    }
  }

  copyLink(linkId: string, format: 'link' | 'chat'): void {
    const link = this.states.link(linkId)
    if (!link) {
      throw new DeskFailure({
        code: 'not-found',
        message: text('That link is no longer remembered; build it again', '此链接已不在记录中，请重新生成')
      })
    }
    this.deps.clipboard.writeText(format === 'chat' ? chatText(link.url) : link.url)
  }

  async startCatcher(
    profileId: string,
    where: { host: string; port: number; path?: string }
  ): Promise<OAuthCatcherView> {
    this.app(profileId)
    const path = where.path?.trim() || DEFAULT_CATCHER_PATH
    const host = where.host.trim()
    if (!checkCatcherPath(path)) {
      throw invalid(
        'path',
        text(
          'The callback path must start with "/" and use only letters, digits and / _ . -',
          '回调路径须以“/”开头，只能包含字母、数字和 / _ . -'
        )
      )
    }
    if (!isBindable(host, this.deps.interfaces?.())) {
      throw invalid(
        'host',
        text(
          `The catcher listens only on 127.0.0.1 or one of this computer’s own addresses; ${host} is neither`,
          `回调捕获器只能监听 127.0.0.1 或本机自己的地址；${host} 都不是`
        )
      )
    }
    await this.stopCatcher()
    let catcher: CallbackCatcher
    try {
      catcher = await CallbackCatcher.start({
        host,
        port: where.port,
        path,
        clock: this.deps.clock,
        timeoutMs: this.deps.catcherTimeoutMs,
        lingerMs: this.deps.catcherLingerMs,
        onCapture: (redirect) => void this.onCapture(profileId, redirect),
        onRefusal: (redirect) => this.onRefusal(redirect),
        onClose: (reason) => this.onCatcherClosed(catcher, reason)
      })
    } catch (error) {
      const failure = listenFailure(error, host, where.port)
      this.catcherView = {
        ...STOPPED,
        status: 'failed',
        profileId,
        host,
        port: where.port,
        path,
        error: failure
      }
      this.emit()
      throw new DeskFailure(failure)
    }
    this.catcher = catcher
    this.catcherView = {
      status: 'listening',
      profileId,
      host,
      port: catcher.port,
      path,
      url: catcher.url,
      closesAt: catcher.closesAt,
      capture: null,
      error: null
    }
    this.emit()
    return this.catcherView
  }

  async stopCatcher(): Promise<OAuthCatcherView> {
    const catcher = this.catcher
    if (catcher) await catcher.stop()
    return this.catcherView
  }

  /** What the pasted text contains. Throws `invalid-input` with the reason when no code is in it. */
  parse(profileId: string, input: string): OAuthPasteReport {
    this.app(profileId)
    const parsed = parseRedirectPaste(input)
    if (!parsed.ok) {
      throw new DeskFailure({
        code: 'invalid-input',
        message: parsed.message,
        issues: [
          { path: 'input', message: parsed.message },
          ...parsed.notes.map((n) => ({ path: 'input', message: n }))
        ]
      })
    }
    return {
      kind: parsed.kind,
      code: parsed.code,
      state: parsed.state,
      stateVerdict: this.states.lookup(parsed.state, this.deps.clock.now()).verdict,
      notes: parsed.notes
    }
  }

  async exchangePasted(profileId: string, input: string): Promise<OAuthExchangeOutcome> {
    const report = this.parse(profileId, input)
    const authorization = await this.exchange(profileId, report.code, report.state, 'paste')
    return { report, authorization }
  }

  async refresh(authId: string): Promise<OAuthAuthorizationView> {
    const { entry, tokens } = this.usable(authId)
    const result = await this.deps.client.snsRefreshToken({
      apiBase: entry.apiBase,
      appid: entry.appId,
      refreshToken: tokens.refreshToken
    })
    this.log(entry.profileId, result.call)
    if (!result.ok) throw new DeskFailure(failureToDeskError(result.failure, 'oauth'))
    const now = this.deps.clock.now()
    const next = this.history.updateTokens(
      authId,
      { accessToken: result.value.accessToken, refreshToken: result.value.refreshToken },
      now + result.value.expiresIn * 1000
    )
    this.emit()
    return this.viewOf(next)
  }

  /** /sns/auth. A WeChat "no" (42001, 40003 …) is the answer, kept in `lastCheck`; a network failure throws. */
  async check(authId: string): Promise<OAuthAuthorizationView> {
    const { entry, tokens } = this.usable(authId)
    const result = await this.deps.client.snsCheckToken({
      apiBase: entry.apiBase,
      accessToken: tokens.accessToken,
      openid: entry.openid
    })
    this.log(entry.profileId, result.call)
    const at = this.deps.clock.now()
    if (result.ok) this.checks.set(authId, { at, valid: true, error: null })
    else if (result.failure.kind === 'wechat') {
      this.checks.set(authId, { at, valid: false, error: failureToDeskError(result.failure, 'oauth') })
    } else throw new DeskFailure(failureToDeskError(result.failure, 'oauth'))
    this.emit()
    return this.viewOf(entry)
  }

  async userInfo(authId: string, lang: UserInfoLang): Promise<OAuthAuthorizationView> {
    const { entry, tokens } = this.usable(authId)
    const result = await this.deps.client.snsUserInfo({
      apiBase: entry.apiBase,
      accessToken: tokens.accessToken,
      openid: entry.openid,
      lang
    })
    this.log(entry.profileId, result.call)
    if (!result.ok) throw new DeskFailure(failureToDeskError(result.failure, 'oauth'))
    this.userInfos.set(authId, { ...result.value, lang, fetchedAt: this.deps.clock.now() })
    this.emit()
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
    this.deps.clipboard.writeText(value)
  }

  clearHistory(): OAuthStateView {
    this.history.clear()
    this.userInfos.clear()
    this.checks.clear()
    this.emit()
    return this.state()
  }

  async dispose(): Promise<void> {
    this.disposed = true
    await this.stopCatcher()
    this.listeners.clear()
  }

  /** Exchanges a code once (the guard refuses a second send) and records the authorization. */
  private async exchange(
    profileHint: string,
    code: string,
    state: string | null,
    source: 'catcher' | 'paste'
  ): Promise<OAuthAuthorizationView> {
    const lookup = this.states.lookup(state, this.deps.clock.now())
    // A state issued here names the app the link was built for; otherwise use the app the user is on.
    const issuedFor = lookup.entry?.profileId
    const profileId = issuedFor !== undefined && this.exists(issuedFor) ? issuedFor : profileHint
    const creds = this.deps.profiles.credentials(profileId)
    if (creds.secret === null) {
      throw new DeskFailure({
        code: 'no-secret',
        message: text(
          'Exchanging a code needs this app’s AppSecret, which the desk does not hold for this session',
          '换取 code 需要此应用的 AppSecret，本工具在本次会话中没有它'
        ),
        fix: text(
          'Edit the app and enter the AppSecret (remote-mode apps keep it on the other 中控, which cannot exchange codes for you).',
          '请编辑应用并填写 AppSecret（远程模式的 AppSecret 在另一台中控上，无法替你换取 code）。'
        )
      })
    }
    const secret = creds.secret
    const reached = (result: UpstreamResult<SnsGrant>): boolean =>
      result.ok || result.failure.kind !== 'network'
    // The whole attempt runs under the guard, so a concurrent duplicate shares its outcome (one history entry).
    const attempt = await this.guard.run(
      creds.appId,
      code,
      this.deps.clock.now(),
      async (): Promise<{ result: UpstreamResult<SnsGrant>; view: OAuthAuthorizationView | null }> => {
        const result = await this.deps.client.snsExchangeCode({
          apiBase: creds.apiBase,
          appid: creds.appId,
          secret,
          code
        })
        this.log(profileId, result.call)
        if (reached(result)) this.states.markUsed(state, this.deps.clock.now())
        if (!result.ok) return { result, view: null }
        const view = this.record(profileId, creds, result.value, {
          state,
          stateVerdict: lookup.verdict,
          source
        })
        this.emit()
        return { result, view }
      },
      (outcome) => reached(outcome.result),
      (outcome) => outcome.result.ok
    )
    if (attempt.result.ok && attempt.view) return attempt.view
    if (!attempt.result.ok) throw new DeskFailure(failureToDeskError(attempt.result.failure, 'oauth'))
    throw new Error('exchange succeeded without a view')
  }

  private record(
    profileId: string,
    creds: { appId: string; apiBase: string },
    grant: SnsGrant,
    origin: Pick<StoredAuthorization, 'state' | 'stateVerdict' | 'source'>
  ): OAuthAuthorizationView {
    const at = this.deps.clock.now()
    const entry = this.history.add(
      {
        id: newId(),
        at,
        profileId,
        appId: creds.appId,
        apiBase: creds.apiBase,
        scope: grant.scope,
        ...origin,
        openid: grant.openid,
        unionid: grant.unionid,
        isSnapshotUser: grant.isSnapshotUser,
        accessExpiresAt: at + grant.expiresIn * 1000,
        refreshExpiresAt: at + REFRESH_TOKEN_LIFETIME_MS
      },
      { accessToken: grant.accessToken, refreshToken: grant.refreshToken }
    )
    return this.viewOf(entry)
  }

  private async onCapture(
    profileId: string,
    redirect: { code: string; state: string | null; at: number }
  ): Promise<void> {
    const stateVerdict = this.states.lookup(redirect.state, redirect.at).verdict
    this.patchCapture({
      at: redirect.at,
      state: redirect.state,
      stateVerdict,
      refused: false,
      exchanging: true,
      authorizationId: null,
      error: null
    })
    let authorizationId: string | null = null
    let error: DeskError | null = null
    try {
      authorizationId = (await this.exchange(profileId, redirect.code, redirect.state, 'catcher')).id
    } catch (caught) {
      error =
        caught instanceof DeskFailure
          ? caught.error
          : {
              code: 'internal',
              message: text('The exchange failed unexpectedly', '换取 code 时发生意外错误')
            }
    }
    const capture = this.catcherView.capture
    if (capture) this.patchCapture({ ...capture, exchanging: false, authorizationId, error })
  }

  private onRefusal(redirect: { state: string | null; at: number }): void {
    this.patchCapture({
      at: redirect.at,
      state: redirect.state,
      stateVerdict: this.states.lookup(redirect.state, redirect.at).verdict,
      refused: true,
      exchanging: false,
      authorizationId: null,
      error: null
    })
  }

  private onCatcherClosed(catcher: CallbackCatcher, reason: CatcherCloseReason): void {
    if (this.catcher !== catcher) return
    this.catcher = null
    const captured = this.catcherView.capture !== null && !this.catcherView.capture.refused
    this.catcherView = {
      ...this.catcherView,
      status: captured ? 'captured' : reason === 'timeout' ? 'timed-out' : 'stopped',
      closesAt: null
    }
    this.emit()
  }

  private patchCapture(capture: OAuthCatcherView['capture']): void {
    this.catcherView = {
      ...this.catcherView,
      status:
        capture && !capture.refused && this.catcherView.status === 'listening'
          ? 'captured'
          : this.catcherView.status,
      capture
    }
    this.emit()
  }

  private usable(authId: string): { entry: StoredAuthorization; tokens: UserTokens } {
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
    if (this.exists(entry.profileId)) {
      const creds = this.deps.profiles.credentials(entry.profileId)
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

  private viewOf(entry: StoredAuthorization): OAuthAuthorizationView {
    const tokens = this.history.tokensOf(entry.id)
    return {
      id: entry.id,
      at: entry.at,
      profileId: entry.profileId,
      appId: entry.appId,
      appName: this.exists(entry.profileId) ? this.app(entry.profileId).name : entry.appId,
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

  private domainsOf(app: AppView): OAuthDomains {
    return (this.deps.domainsFor ?? ownOAuthDomains)(app)
  }

  private app(profileId: string): AppView {
    // A call that raced the shutdown (e.g. a debounced preview) gets an answer, not a torn-down store.
    if (this.disposed) {
      throw new DeskFailure({
        code: 'internal',
        message: text('The desk is shutting down', '本工具正在关闭')
      })
    }
    return this.deps.profiles.view(this.deps.profiles.get(profileId))
  }

  private exists(profileId: string): boolean {
    return this.deps.profiles.list().some((app) => app.id === profileId)
  }

  private log(profileId: string, call: UpstreamCall): void {
    this.deps.callLog.record({ ...call, profileId })
  }

  private emit(): void {
    if (this.listeners.size === 0) return
    const state = this.state()
    for (const listener of this.listeners) listener(state)
  }
}

function chatText(url: string): string {
  return `请在微信中打开此链接完成授权 / Open this link in WeChat to authorize:\n${url}`
}

function invalid(path: string, message: ReturnType<typeof text>): DeskFailure {
  return new DeskFailure({ code: 'invalid-input', message, issues: [{ path, message }] })
}

function listenFailure(error: unknown, host: string, port: number): DeskError {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  if (code === 'EADDRINUSE') {
    return {
      code: 'invalid-input',
      message: text(`Port ${port} on ${host} is already in use`, `${host} 的端口 ${port} 已被占用`),
      fix: text('Choose another port, or 0 for any free port.', '请换一个端口，或填 0 使用任意空闲端口。')
    }
  }
  if (code === 'EACCES') {
    return {
      code: 'invalid-input',
      message: text(`Not allowed to listen on port ${port}`, `没有权限监听端口 ${port}`),
      fix: text(
        'Ports below 1024 need administrator rights: use one above 1024.',
        '1024 以下的端口需要管理员权限，请使用 1024 以上的端口。'
      )
    }
  }
  return {
    code: 'network',
    message: text(
      `Could not listen on ${host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
      `无法监听 ${host}:${port}：${error instanceof Error ? error.message : String(error)}`
    ),
    fix: text(
      'Pick an address this computer still has (Wi-Fi may have changed) and try again.',
      '请选择本机当前仍有的地址（Wi-Fi 可能已切换）后重试。'
    )
  }
}
