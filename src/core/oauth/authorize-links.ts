import type {
  AppView,
  OAuthDomainsSource,
  OAuthLink,
  OAuthLinkDraft,
  OAuthIssuedLink,
  OAuthLinkPreview,
  OAuthSetup
} from '../../shared/contract'
import { DeskFailure, text } from '../../shared/result'
import { authorizeBaseFor, buildAuthorizeUrl } from './authorize-url'
import { listLanAddresses } from './lan-addresses'
import { lintLink } from './link-lint'
import { qrSvg, svgDataUrl } from './qr-code'
import { generateState } from './state'
import type { StateRegistry } from './state-registry'
import { newId, type OAuthWorkbench } from './workbench'

/** How many built links the workbench's state lists (the link on screen is always among them). */
const RECENT_LINKS = 20

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

/** Builds and lints authorize links, remembers each built link's state, and copies links for the user. */
export class AuthorizeLinks {
  constructor(
    private readonly bench: OAuthWorkbench,
    private readonly states: StateRegistry
  ) {}

  setup(profileId: string): OAuthSetup {
    const app = this.bench.app(profileId)
    const creds = this.bench.deps.profiles.credentials(profileId)
    const { domains, source } = this.domainsOf(app)
    return {
      profileId,
      kind: app.kind,
      authorizeBase: authorizeBaseFor(creds.apiBase),
      domains,
      domainsSource: source,
      lanAddresses: listLanAddresses(this.bench.deps.interfaces?.()),
      suggestedState: generateState(),
      canExchange: creds.secret !== null
    }
  }

  preview(profileId: string, draft: OAuthLinkDraft): OAuthLinkPreview {
    const app = this.bench.app(profileId)
    const creds = this.bench.deps.profiles.credentials(profileId)
    const { domains, source } = this.domainsOf(app)
    return {
      url: buildAuthorizeUrl(authorizeBaseFor(creds.apiBase), app.appId, draft),
      findings: lintLink({ draft, kind: app.kind, domains, domainsSource: source })
    }
  }

  /**
   * Builds a link and remembers its state. A state is issued once: one already issued for an earlier link (in
   * use, used or expired) is replaced by a fresh one, so a redirect always names the one link it answers.
   */
  async build(profileId: string, requested: OAuthLinkDraft): Promise<OAuthLink> {
    const now = this.bench.deps.clock.now()
    const earlier = this.states.lookup(requested.state, now).verdict
    const reused = earlier !== 'unknown' && earlier !== 'none'
    const draft = reused ? { ...requested, state: generateState() } : requested
    const preview = this.preview(profileId, draft)
    const app = this.bench.app(profileId)
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
      stateExpiresAt: issued.expiresAt,
      ...(reused && { stateReplaced: { state: requested.state, verdict: earlier } })
    }
  }

  /** The links built lately (all apps), newest first, with what became of their states. */
  recent(): OAuthIssuedLink[] {
    return this.states.recent(RECENT_LINKS).map((entry) => ({
      id: entry.linkId,
      profileId: entry.profileId,
      state: entry.state,
      builtAt: entry.issuedAt,
      expiresAt: entry.expiresAt,
      usedAt: entry.usedAt
    }))
  }

  copyLink(linkId: string, format: 'link' | 'chat'): void {
    const link = this.states.link(linkId)
    if (!link) {
      throw new DeskFailure({
        code: 'not-found',
        message: text('That link is no longer remembered; build it again', '此链接已不在记录中，请重新生成')
      })
    }
    this.bench.deps.clipboard.writeText(format === 'chat' ? chatText(link.url) : link.url)
  }

  private domainsOf(app: AppView): OAuthDomains {
    return (this.bench.deps.domainsFor ?? ownOAuthDomains)(app)
  }
}

function chatText(url: string): string {
  return `请在微信中打开此链接完成授权 / Open this link in WeChat to authorize:\n${url}`
}
