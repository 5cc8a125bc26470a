import type {
  AppView,
  OAuthAuthorizationView,
  OAuthCatcherView,
  OAuthCopyField,
  OAuthExchangeOutcome,
  OAuthLink,
  OAuthLinkDraft,
  OAuthLinkPreview,
  OAuthPasteReport,
  OAuthSetup,
  OAuthStateView,
  UserInfoLang
} from '../../shared/contract'
import { Listeners } from '../../shared/listeners'
import { DeskFailure, text } from '../../shared/result'
import { AuthorizationHistory } from './authorization-history'
import { AuthorizeLinks } from './authorize-links'
import { CatcherSession } from './catcher-session'
import { CodeExchange } from './code-exchange'
import { generateState } from './state'
import { StateRegistry } from './state-registry'
import { UserTokenActions } from './user-token-actions'
import type { OAuthServiceDeps, OAuthWorkbench } from './workbench'

/**
 * The OAuth workbench: builds and lints authorize links, remembers their states, catches or parses the
 * redirect, exchanges each code once, and keeps the resulting user tokens (encrypted) with refresh / check /
 * userinfo. User tokens never leave main except through the clipboard, when the user copies one.
 *
 * A façade over its parts (links, catcher, code exchange, user tokens), which share the state registry and
 * the history and tell it when the state changed.
 */
export class OAuthService {
  private readonly history: AuthorizationHistory
  private readonly links: AuthorizeLinks
  private readonly catcher: CatcherSession
  private readonly codes: CodeExchange
  private readonly tokens: UserTokenActions
  private readonly listeners = new Listeners<OAuthStateView>()
  private disposed = false

  constructor(private readonly deps: OAuthServiceDeps) {
    const bench: OAuthWorkbench = {
      deps,
      app: (profileId) => this.app(profileId),
      exists: (profileId) => deps.profiles.list().some((app) => app.id === profileId),
      log: (profileId, call) => deps.callLog.record({ ...call, profileId }),
      changed: () => this.emit()
    }
    const states = new StateRegistry()
    this.history = new AuthorizationHistory(deps.store, deps.cipher)
    this.links = new AuthorizeLinks(bench, states)
    this.tokens = new UserTokenActions(bench, this.history)
    this.codes = new CodeExchange(bench, states, this.history, (entry) => this.tokens.viewOf(entry))
    this.catcher = new CatcherSession(bench, states, (profileId, code, state) =>
      this.codes.exchange(profileId, code, state, 'catcher')
    )
  }

  onChange(listener: (state: OAuthStateView) => void): () => void {
    return this.listeners.add(listener)
  }

  state(): OAuthStateView {
    return {
      catcher: this.catcher.view,
      history: this.history.list().map((entry) => this.tokens.viewOf(entry)),
      links: this.links.recent(),
      tokenPersistence: this.history.persistence,
      now: this.deps.clock.now()
    }
  }

  setup(profileId: string): OAuthSetup {
    return this.links.setup(profileId)
  }

  newState(): string {
    return generateState()
  }

  preview(profileId: string, draft: OAuthLinkDraft): OAuthLinkPreview {
    return this.links.preview(profileId, draft)
  }

  async build(profileId: string, draft: OAuthLinkDraft): Promise<OAuthLink> {
    const link = await this.links.build(profileId, draft)
    this.emit()
    return link
  }

  copyLink(linkId: string, format: 'link' | 'chat'): void {
    this.links.copyLink(linkId, format)
  }

  startCatcher(
    profileId: string,
    where: { host: string; port: number; path?: string }
  ): Promise<OAuthCatcherView> {
    return this.catcher.start(profileId, where)
  }

  stopCatcher(): Promise<OAuthCatcherView> {
    return this.catcher.stop()
  }

  /** Exchanges a caught code whose state this desk did not issue, once the user confirmed it. */
  confirmCapture(): Promise<OAuthCatcherView> {
    return this.catcher.confirm()
  }

  /** What the pasted text contains. Throws `invalid-input` with the reason when no code is in it. */
  parse(profileId: string, input: string): OAuthPasteReport {
    return this.codes.parse(profileId, input)
  }

  exchangePasted(profileId: string, input: string): Promise<OAuthExchangeOutcome> {
    return this.codes.exchangePasted(profileId, input)
  }

  refresh(authId: string): Promise<OAuthAuthorizationView> {
    return this.tokens.refresh(authId)
  }

  /** /sns/auth. A WeChat "no" (42001, 40003 …) is the answer, kept in `lastCheck`; a network failure throws. */
  check(authId: string): Promise<OAuthAuthorizationView> {
    return this.tokens.check(authId)
  }

  userInfo(authId: string, lang: UserInfoLang): Promise<OAuthAuthorizationView> {
    return this.tokens.userInfo(authId, lang)
  }

  copyField(authId: string, field: OAuthCopyField): void {
    this.tokens.copyField(authId, field)
  }

  clearHistory(): OAuthStateView {
    this.history.clear()
    this.tokens.forget()
    this.emit()
    return this.state()
  }

  async dispose(): Promise<void> {
    this.disposed = true
    await this.stopCatcher()
    this.listeners.clear()
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

  private emit(): void {
    if (this.listeners.size === 0) return
    const state = this.state()
    this.listeners.emit(state)
  }
}
