/**
 * The OAuth workbench (网页授权): authorize links and QR codes, the callback catcher, the code exchange and
 * the user-token actions. User access and refresh tokens stay in main: views carry masks and lifetimes only;
 * copying happens in main.
 */
import { z } from 'zod'
import type { DeskError, Localized } from '../result'
import type { AppKind } from './apps'
import { call, event, none, profileId } from './kit'

export const OAUTH_SCOPES = ['snsapi_base', 'snsapi_userinfo', 'snsapi_login'] as const
export type OAuthScope = (typeof OAUTH_SCOPES)[number]

/** `/connect/oauth2/authorize` (Service Account H5) or `/connect/qrconnect` (website app, PC scan login). */
export const OAUTH_ENDPOINTS = ['authorize', 'qrconnect'] as const
export type OAuthEndpoint = (typeof OAUTH_ENDPOINTS)[number]

/** `lang` of /sns/userinfo. */
export const USERINFO_LANGS = ['zh_CN', 'zh_TW', 'en'] as const
export type UserInfoLang = (typeof USERINFO_LANGS)[number]

/** `lang` of the qrconnect page. */
export const QRCONNECT_LANGS = ['cn', 'en'] as const
export type QrconnectLang = (typeof QRCONNECT_LANGS)[number]

/** What the user fills in to build an authorize link. */
export interface OAuthLinkDraft {
  redirectUri: string
  scope: OAuthScope
  endpoint: OAuthEndpoint
  state: string
  /** Adds `forcePopup=true`: always show the consent popup. */
  forcePopup: boolean
  /** Adds `connect_redirect=1`, which stops WeChat from hitting the callback twice. */
  connectRedirect: boolean
  /** qrconnect only: the scan page's language; null = WeChat's default. */
  lang: QrconnectLang | null
}

export const OAUTH_LINT_RULES = [
  'redirect-invalid',
  'redirect-encoded',
  'domain-unregistered',
  'domain-mismatch',
  'port-or-ip',
  'localhost',
  'fragment',
  'not-https',
  'state-empty',
  'state-charset',
  'state-length',
  'userinfo-mini-program',
  'endpoint-scope'
] as const
export type OAuthLintRule = (typeof OAUTH_LINT_RULES)[number]

/** One problem the link lint found, with how to fix it. `error` = the phone will show an error page. */
export interface OAuthLintFinding {
  rule: OAuthLintRule
  severity: 'error' | 'warning' | 'info'
  field: 'redirectUri' | 'state' | 'scope' | 'endpoint'
  message: Localized
  fix: Localized
}

export interface OAuthLinkPreview {
  url: string
  findings: OAuthLintFinding[]
}

/** A built link: remembered (with its state) so a redirect can be matched to it. */
export interface OAuthLink extends OAuthLinkPreview {
  id: string
  state: string
  scope: OAuthScope
  /** `<img src>`-ready: a data URL of the SVG QR code. */
  qrDataUrl: string
  /** The link with a line of explanation, for pasting into a chat. */
  chatText: string
  builtAt: number
  /** Until when a redirect carrying this state counts as "issued by this desk". */
  stateExpiresAt: number
  /**
   * The draft's state had already been issued for an earlier link (`verdict` says what became of it), so this
   * link carries a fresh one: the desk never issues a state twice.
   */
  stateReplaced?: { state: string; verdict: OAuthStateVerdict }
}

/** A link built lately, and what became of its state (a redirect used it, or its 30 minutes ran out). */
export interface OAuthIssuedLink {
  id: string
  profileId: string
  /** Empty when the link was built without a state. */
  state: string
  builtAt: number
  /** After this a redirect carrying the state counts as "expired". */
  expiresAt: number
  /** When a redirect with this state was handled; null while unused. */
  usedAt: number | null
}

export interface LanAddress {
  address: string
  family: 'IPv4' | 'IPv6'
  /** Interface name, e.g. `en0`; `loopback` for 127.0.0.1. */
  interfaceName: string
  loopback: boolean
}

/** Where the lint's registered domains came from. */
export type OAuthDomainsSource =
  /** The profile's own 网页授权 domains. */
  | 'profile'
  /** Nothing on the sandbox profile: the emulator's default (127.0.0.1 on any port). */
  | 'emulator'
  | 'none'

export interface OAuthSetup {
  profileId: string
  kind: AppKind
  /** `https://open.weixin.qq.com`, or the emulator's address for the sandbox. */
  authorizeBase: string
  domains: string[]
  domainsSource: OAuthDomainsSource
  /** Addresses the callback catcher may listen on (loopback first). */
  lanAddresses: LanAddress[]
  /** A fresh random state to start from. */
  suggestedState: string
  /** Whether codes can be exchanged here (the AppSecret is held for this session). */
  canExchange: boolean
}

/** How a redirect's state relates to the links this desk built. */
export type OAuthStateVerdict =
  /** Issued here, not yet seen in a redirect. */
  | 'issued'
  /** Issued here, and a redirect with it was already handled. */
  | 'used'
  /** Issued here, but longer ago than the desk remembers states for. */
  | 'expired'
  /** Not issued by this desk (or not since it started). */
  | 'unknown'
  /** The redirect carried no state. */
  | 'none'

export type OAuthCatcherStatus = 'stopped' | 'listening' | 'captured' | 'timed-out' | 'failed'

export interface OAuthCatcherCapture {
  at: number
  state: string | null
  stateVerdict: OAuthStateVerdict
  /** The user refused: the redirect carried a state but no code. */
  refused: boolean
  /**
   * The state is not one this desk issued and has not used (unknown, missing, used or expired): the code may
   * have been planted (login CSRF), so it is exchanged only after the user confirms.
   */
  unverified: boolean
  /** An unverified code waits for the user's confirmation (`confirmOAuthCapture`). */
  awaitingConfirmation: boolean
  /** The code is being exchanged right now. */
  exchanging: boolean
  /** The authorization the exchange produced. */
  authorizationId: string | null
  /** Why the exchange failed. */
  error: DeskError | null
}

export interface OAuthCatcherView {
  status: OAuthCatcherStatus
  profileId: string | null
  host: string | null
  port: number | null
  path: string | null
  /** The redirect URI to use while it listens, e.g. `http://192.168.1.20:8080/oauth/callback`. */
  url: string | null
  /** When it stops listening by itself. */
  closesAt: number | null
  capture: OAuthCatcherCapture | null
  /** Why it could not listen (e.g. the port is taken). */
  error: DeskError | null
}

/** The fields of WeChat's /sns/userinfo answer. */
export interface WeChatUserInfo {
  openid: string
  nickname: string
  /** 0 unknown, 1 male, 2 female (WeChat sends 0 since 2021-10-20). */
  sex: number
  province: string
  city: string
  country: string
  headimgurl: string
  privilege: string[]
  unionid: string | null
}

export interface OAuthUserInfo extends WeChatUserInfo {
  lang: UserInfoLang
  fetchedAt: number
}

export interface OAuthTokenCheck {
  at: number
  valid: boolean
  /** What /sns/auth said when the token is not valid. */
  error: DeskError | null
}

/** One authorization (a code exchanged), as the history shows it. */
export interface OAuthAuthorizationView {
  id: string
  at: number
  profileId: string
  appId: string
  appName: string
  scope: string
  state: string | null
  stateVerdict: OAuthStateVerdict
  source: 'catcher' | 'paste'
  openid: string
  unionid: string | null
  /** The user came from a snapshot page (is_snapshotuser = 1): openid and profile are virtual. */
  isSnapshotUser: boolean
  /** False after a restart when the tokens could not be kept (no encryption) or read back. */
  tokensAvailable: boolean
  accessTokenMasked: string | null
  accessExpiresAt: number
  refreshTokenMasked: string | null
  refreshExpiresAt: number
  userInfo: OAuthUserInfo | null
  lastCheck: OAuthTokenCheck | null
}

export type OAuthTokenPersistence = 'encrypted' | 'session-only'

export interface OAuthStateView {
  catcher: OAuthCatcherView
  /** Newest first, all apps. */
  history: OAuthAuthorizationView[]
  /** The links built lately (all apps), newest first, with what became of their states. */
  links: OAuthIssuedLink[]
  tokenPersistence: OAuthTokenPersistence
  /** main's clock, so countdowns agree with it. */
  now: number
}

/** What the paste parser made of the user's input. */
export interface OAuthPasteReport {
  /** What the input looked like. */
  kind: 'bare-code' | 'url' | 'query'
  code: string
  state: string | null
  stateVerdict: OAuthStateVerdict
  /** What was cleaned up or ignored on the way (whitespace, full-width characters, extra params …). */
  notes: Localized[]
}

export interface OAuthExchangeOutcome {
  report: OAuthPasteReport
  authorization: OAuthAuthorizationView
}

export const OAUTH_COPY_FIELDS = [
  'openid',
  'unionid',
  'accessToken',
  'refreshToken',
  'state',
  'scope',
  'curlUserInfo',
  'curlAuth',
  'curlRefresh'
] as const
export type OAuthCopyField = (typeof OAUTH_COPY_FIELDS)[number]

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
  /** Exchanges a caught code whose state the desk did not issue, after the user confirmed it is theirs. */
  confirmOAuthCapture: call<OAuthCatcherView>()(none),
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
