import type { WeChatUserInfo } from '../../shared/contract'
import type { CallLogInput } from '../call-log/call-log'

/** The WeChat credential endpoints this client calls. */
export type WeChatEndpoint =
  | '/cgi-bin/token'
  | '/cgi-bin/stable_token'
  | '/cgi-bin/getcallbackip'
  | '/cgi-bin/ticket/getticket'
  | '/sns/oauth2/access_token'
  | '/sns/oauth2/refresh_token'
  | '/sns/auth'
  | '/sns/userinfo'
  | '/sns/jscode2session'
  | '/wxa/business/getuserphonenumber'

/** One upstream HTTP exchange as the client reports it: a call log entry before the log numbers it. */
export type UpstreamCall = Omit<CallLogInput, 'profileId'>

export type UpstreamFailure =
  /** WeChat answered with a non-zero errcode (normally with HTTP 200). */
  | { kind: 'wechat'; errcode: number; errmsg: string; rid: string | null }
  /** No complete answer within the client's timeout (headers + body). */
  | { kind: 'timeout'; afterMs: number }
  /** The request never got an answer: refused, reset before the response head, DNS, TLS. */
  | { kind: 'network'; message: string }
  /** A non-2xx answer without a WeChat errcode (e.g. a proxy's 502 HTML page). */
  | { kind: 'http-status'; status: number; snippet: string }
  /** A 2xx answer that is not the expected JSON: HTML, empty, cut off, malformed, too large or missing fields. */
  | { kind: 'bad-body'; status: number; contentType: string | null; snippet: string; reason: string }

export type UpstreamResult<T> =
  { ok: true; value: T; call: UpstreamCall } | { ok: false; failure: UpstreamFailure; call: UpstreamCall }

/** A web-OAuth user token grant (code exchange or refresh). */
export interface SnsGrant {
  accessToken: string
  expiresIn: number
  refreshToken: string
  openid: string
  scope: string
  /** Only when the account is bound to an Open Platform account and the scope is snsapi_userinfo. */
  unionid: string | null
  /** `is_snapshotuser: 1`: a snapshot-page visitor whose openid and profile are virtual. */
  isSnapshotUser: boolean
}

/** The fields of WeChat's /sns/userinfo answer. */
export type SnsUserInfo = WeChatUserInfo

/** The JS-SDK tickets (wechat-api.md §5.1): `jsapi` for wx.config, `wx_card` for the card APIs. */
export type TicketType = 'jsapi' | 'wx_card'

export interface TicketGrant {
  ticket: string
  /** Seconds; WeChat always says 7200, even for a ticket it handed out before (its true life is unknowable). */
  expiresIn: number
}

/** /sns/jscode2session: who logged in to the Mini Program, and the key of the session the code opened. */
export interface CodeSession {
  openid: string
  /** A credential: never logged, never shown unless the user asks. */
  sessionKey: string
  /** Only when the Mini Program is bound to an Open Platform account. */
  unionid: string | null
}

/** getuserphonenumber's `phone_info`. */
export interface PhoneInfo {
  phoneNumber: string
  purePhoneNumber: string
  /** A string in WeChat's field table, a number in its sample: kept as text. */
  countryCode: string
  watermark: { timestamp: number; appid: string }
}

export interface TokenGrant {
  accessToken: string
  /** Seconds, as WeChat granted them (7200 for classic; 300…7200 for stable normal mode). */
  expiresIn: number
}

export interface WeChatClient {
  /** GET /cgi-bin/token: every successful call mints a new token (the previous one dies ~5 min later). */
  getToken(p: {
    apiBase: string
    appid: string
    secret: string
    /** Abandons the request (a person cancelled the wait); it then fails as `network`, "cancelled". */
    signal?: AbortSignal
  }): Promise<UpstreamResult<TokenGrant>>
  /** POST /cgi-bin/stable_token with a JSON body; normal mode returns the current stable token. */
  getStableToken(p: {
    apiBase: string
    appid: string
    secret: string
    forceRefresh: boolean
    signal?: AbortSignal
  }): Promise<UpstreamResult<TokenGrant>>
  /** GET /cgi-bin/getcallbackip: a cheap probe that a token is alive. */
  getCallbackIp(p: { apiBase: string; accessToken: string }): Promise<UpstreamResult<{ ipList: string[] }>>
  /** GET /cgi-bin/ticket/getticket: the current ticket of that type (the same one while it is valid). */
  getTicket(p: {
    apiBase: string
    accessToken: string
    type: TicketType
  }): Promise<UpstreamResult<TicketGrant>>
  /** GET /sns/oauth2/access_token: exchanges a web-OAuth code (single use, 5 minutes) for a user token. */
  snsExchangeCode(p: {
    apiBase: string
    appid: string
    secret: string
    code: string
  }): Promise<UpstreamResult<SnsGrant>>
  /** GET /sns/oauth2/refresh_token (no secret). */
  snsRefreshToken(p: {
    apiBase: string
    appid: string
    refreshToken: string
  }): Promise<UpstreamResult<SnsGrant>>
  /** GET /sns/auth: `ok` while the user token is valid for that openid. */
  snsCheckToken(p: {
    apiBase: string
    accessToken: string
    openid: string
  }): Promise<UpstreamResult<{ ok: true }>>
  /** GET /sns/userinfo (48001 for a token from an snsapi_base grant). */
  snsUserInfo(p: {
    apiBase: string
    accessToken: string
    openid: string
    lang: 'zh_CN' | 'zh_TW' | 'en'
  }): Promise<UpstreamResult<SnsUserInfo>>
  /** GET /sns/jscode2session: exchanges a wx.login code (single use, 5 minutes) for openid and session_key. */
  jscode2session(p: {
    apiBase: string
    appid: string
    secret: string
    code: string
  }): Promise<UpstreamResult<CodeSession>>
  /** POST /wxa/business/getuserphonenumber `{code, openid?}`: the phone number behind a getPhoneNumber code. */
  getUserPhoneNumber(p: {
    apiBase: string
    accessToken: string
    code: string
    /** Checks the code belongs to this user (40003 otherwise). */
    openid?: string
  }): Promise<UpstreamResult<PhoneInfo>>
  /** Closes the client's own connection pool (not an injected dispatcher). Idempotent. */
  close(): Promise<void>
}
