/**
 * The OAuth workbench (网页授权): authorize links and QR codes, the callback catcher, the code exchange and
 * the user-token actions. Spread into `calls` / `events` in `contract.ts`.
 */
import { z } from 'zod'
import { call, event } from './contract-kit'
import {
  OAUTH_COPY_FIELDS,
  OAUTH_ENDPOINTS,
  OAUTH_SCOPES,
  QRCONNECT_LANGS,
  USERINFO_LANGS,
  type OAuthAuthorizationView,
  type OAuthCatcherView,
  type OAuthExchangeOutcome,
  type OAuthLink,
  type OAuthLinkDraft,
  type OAuthLinkPreview,
  type OAuthPasteReport,
  type OAuthSetup,
  type OAuthStateView
} from './oauth-types'

const none = z.undefined()
const profileId = z.string().min(1).max(64)
const authId = z.string().min(1).max(64)

/** Lengths are generous on purpose: the lint explains what WeChat accepts, with localized messages. */
export const oauthLinkDraftSchema = z
  .object({
    redirectUri: z.string().max(2000),
    scope: z.enum(OAUTH_SCOPES),
    endpoint: z.enum(OAUTH_ENDPOINTS),
    state: z.string().max(1000),
    forcePopup: z.boolean(),
    connectRedirect: z.boolean(),
    lang: z.enum(QRCONNECT_LANGS).nullable()
  })
  .strict() satisfies z.ZodType<OAuthLinkDraft>

const linkInput = z.object({ id: profileId, draft: oauthLinkDraftSchema }).strict()
const byAuth = z.object({ authId }).strict()

export const oauthCalls = {
  /** The catcher and the authorization history (all apps). */
  getOAuthState: call<OAuthStateView>()(none),
  /** Per app: registered domains, authorize base, LAN addresses for the catcher, a fresh state. */
  getOAuthSetup: call<OAuthSetup>()(z.object({ id: profileId }).strict()),
  /** A fresh random state (a-zA-Z0-9). */
  newOAuthState: call<{ state: string }>()(none),
  /** The link and its lint findings, as the user types. Remembers nothing. */
  previewOAuthLink: call<OAuthLinkPreview>()(linkInput),
  /** The link, its lint findings and QR code; remembers its state for a limited time. */
  buildOAuthLink: call<OAuthLink>()(linkInput),
  /** Copies a built link, bare or with a line of explanation for a chat. */
  copyOAuthLink: call<{ copied: true }>()(
    z.object({ linkId: z.string().min(1).max(64), format: z.enum(['link', 'chat']) }).strict()
  ),
  /**
   * Listens for the redirect on `host:port` (port 0 = any free port) at `path` (default `/oauth/callback`).
   * `host` must be 127.0.0.1, ::1 or one of this machine's addresses. One catcher at a time.
   */
  startOAuthCatcher: call<OAuthCatcherView>()(
    z
      .object({
        id: profileId,
        host: z.string().min(1).max(64),
        port: z.number().int().min(0).max(65535),
        path: z.string().max(200).optional()
      })
      .strict()
  ),
  stopOAuthCatcher: call<OAuthCatcherView>()(none),
  /** What a pasted code or redirect URL contains, and whether its state was issued here. Calls nothing. */
  parseOAuthRedirect: call<OAuthPasteReport>()(
    z.object({ id: profileId, input: z.string().max(8000) }).strict()
  ),
  /** Parses a pasted code or redirect URL and exchanges the code (once: a code is never sent twice). */
  exchangeOAuthCode: call<OAuthExchangeOutcome>()(
    z.object({ id: profileId, input: z.string().max(8000) }).strict()
  ),
  refreshOAuthToken: call<OAuthAuthorizationView>()(byAuth),
  checkOAuthToken: call<OAuthAuthorizationView>()(byAuth),
  getOAuthUserInfo: call<OAuthAuthorizationView>()(
    z.object({ authId, lang: z.enum(USERINFO_LANGS) }).strict()
  ),
  copyOAuthField: call<{ copied: true }>()(z.object({ authId, field: z.enum(OAUTH_COPY_FIELDS) }).strict()),
  clearOAuthHistory: call<OAuthStateView>()(none)
} as const

export const oauthEvents = {
  oauthChanged: event<OAuthStateView>()
} as const
