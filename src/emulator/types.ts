import type { EmulatorFault } from '../shared/contract'

/** One WeChat account as the emulator knows it. */
export interface EmulatorAppConfig {
  appid: string
  secret: string
  name?: string
  /** `/cgi-bin/token` quota: 2000 a day for a normal account, 200 for a 测试号 test account. */
  accountType: 'normal' | 'test'
  /**
   * null/undefined: whitelist off. Otherwise the caller's IP as the socket sees it (`::ffff:` stripped)
   * must be listed, else the token endpoints answer 40164.
   */
  ipWhitelist?: string[] | null
  /** A frozen AppSecret: the token endpoints answer 40243. */
  frozen?: boolean
  /**
   * 网页授权 domains as the console holds them: bare host or host:port, matched exactly against the
   * redirect_uri's host (wechat-api.md §4.1). `host:*` (emulator only) accepts that host on any port.
   * None: every authorize link is refused with 10003.
   */
  oauthDomains?: string[]
  /** Bound to an Open Platform account: snsapi_userinfo grants and /sns/userinfo carry a unionid. */
  unionBound?: boolean
  /**
   * Which APIs the account may call: an Official Account's (the default, 测试号 included), a Mini Program's,
   * or both (the sandbox, so one profile tries everything). The other kind's APIs answer 48001.
   */
  platform?: EmulatorPlatform
}

export type EmulatorPlatform = 'official-account' | 'mini-program' | 'both'

/** The emulator only reads the time: it never arms a timer (expiry is judged when a request arrives). */
export interface EmulatorClock {
  now(): number
}

export interface EmulatorOptions {
  /**
   * Where "now" comes from (quotas, expiry, rid), in epoch ms; defaults to the system clock. The desk's
   * `Clock` fits, so a test moves the desk and its emulator through time together.
   */
  clock?: EmulatorClock
  /** Defaults to 127.0.0.1. */
  host?: string
  /** Defaults to 0: a free port picked by the OS. */
  port?: number
  /** The accounts the emulator accepts. Defaults to the sandbox account alone. */
  apps?: EmulatorAppConfig[]
}

/**
 * Requests that reached each endpoint for one appid, errors and faults included. `stable` counts normal-mode
 * stable_token calls, `force` those with `force_refresh: true`, `probe` getcallbackip calls made with one of
 * the app's tokens. `total` is the sum of the four.
 */
export interface EmulatorStats {
  classic: number
  stable: number
  force: number
  probe: number
  total: number
}

/** A sandbox user as the Mini Program and Official Account APIs know them. */
export interface SandboxUser {
  /** The id the consent page and the simulate methods take. */
  id: string
  nickname: string
  /** What getuserphonenumber answers for them (mainland China, country code 86). */
  phoneNumber: string
  /**
   * Follows the Official Account (user/get lists them); one who does not gets 43004 for template messages and
   * 45015 for customer-service messages.
   */
  follows: boolean
}

/** A code the emulator issued as if the sandbox user had tapped a button in a Mini Program. */
export interface SimulatedCode {
  code: string
  userId: string
  /** Epoch ms: the code works once, until then (5 minutes). */
  expiresAt: number
}

/** What a token is, as seen by an API that is handed it now. */
export type TokenState = 'valid' | 'superseded' | 'expired' | 'unknown'

export interface Emulator {
  /** `http://127.0.0.1:PORT`; throws while the server is not running. */
  readonly url: string
  /** Whether the server is listening. */
  readonly running: boolean
  /** Starts listening (once; later calls return the same url) and resolves to the url. */
  start(): Promise<string>
  /** Stops listening and destroys every open socket, hung ones included. */
  close(): Promise<void>
  /** Adds an account, or replaces the configuration of a known appid (its tokens and counters stay). */
  addApp(cfg: EmulatorAppConfig): void
  /**
   * Queues `count` (default 1) copies of `fault`. Each queued fault is served once, in order, to the next
   * request to /cgi-bin/token, /cgi-bin/stable_token, /cgi-bin/getcallbackip or /cgi-bin/ticket/getticket.
   */
  injectFault(fault: EmulatorFault, count?: number): void
  clearFaults(): void
  /** Faults still queued, in the order they will be served. */
  pendingFaults(): EmulatorFault[]
  /** Called whenever the fault queue changes (queued, served, cleared); returns an unsubscribe function. */
  onFaultsChange(listener: () => void): () => void
  stats(appid: string): EmulatorStats
  /** getticket requests made with one of the app's tokens (kept apart from the token calls of `stats`). */
  ticketCalls(appid: string): number
  tokenState(token: string): TokenState
  /** The sandbox users who can sign in to a Mini Program (the snapshot-page visitor exists only on H5). */
  sandboxUsers(): SandboxUser[]
  /**
   * Simulates `wx.login` for `userId` in Mini Program `appid`: a js_code for /sns/jscode2session. Throws a
   * RangeError for an unknown appid, an account without Mini Program APIs, or an unknown user.
   */
  simulateLogin(appid: string, userId: string): SimulatedCode
  /**
   * Simulates the getPhoneNumber button: a code for /wxa/business/getuserphonenumber. Throws like
   * `simulateLogin`.
   */
  simulatePhoneNumber(appid: string, userId: string): SimulatedCode
}
