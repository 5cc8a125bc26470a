import { randomInt } from 'node:crypto'
import { randomTokenString } from './token-shape'

// The time model of web OAuth (wechat-api.md §4.3-4.6, §6a). Pure like credential-model.ts: every method
// takes `now` (epoch ms) and nothing here knows about HTTP.

/** An unused code expires 5 minutes after it is issued (Official Account). */
export const OAUTH_CODE_TTL_MS = 300_000
/** A user access_token lives 7200 s. */
export const USER_TOKEN_TTL_MS = 7_200_000
/** A refresh_token lives 30 days and is never extended. */
export const REFRESH_TOKEN_TTL_MS = 30 * 86_400_000
/** How long a spent or expired code is remembered, to answer 40163 rather than 40029 for a reuse. */
const CODE_MEMORY_MS = 3_600_000

export const SNS_SCOPES = ['snsapi_base', 'snsapi_userinfo', 'snsapi_login'] as const
export type SnsScope = (typeof SNS_SCOPES)[number]

export const isSnsScope = (value: string): value is SnsScope =>
  (SNS_SCOPES as readonly string[]).includes(value)

interface CodeRecord {
  readonly appid: string
  readonly scope: SnsScope
  readonly userId: string
  readonly expiresAt: number
  usedAt: number | null
}

/** A user access_token: bound to the app, the user and the scope it was granted with. */
export interface UserTokenRecord {
  readonly token: string
  readonly appid: string
  readonly userId: string
  readonly scope: SnsScope
  expiresAt: number
}

interface RefreshRecord {
  readonly token: string
  readonly appid: string
  readonly userId: string
  readonly scope: SnsScope
  readonly expiresAt: number
  /** The access_token this refresh_token currently maintains. */
  accessToken: string
}

/** What the code exchange and a refresh hand out (the endpoint adds openid / unionid). */
export interface UserGrant {
  accessToken: string
  expiresIn: number
  refreshToken: string
  userId: string
  scope: SnsScope
}

export type Redeemed = { ok: true; grant: UserGrant } | { ok: false; reason: 'invalid' | 'used' }
export type Refreshed = { ok: true; grant: UserGrant } | { ok: false; reason: 'invalid' | 'expired' }
export type AccessState = { state: 'valid'; record: UserTokenRecord } | { state: 'expired' | 'unknown' }

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Codes look like `061Ab2ll2Ft6hd4oE3ol2lM0hN3Ab2lY`: 32 letters and digits. */
export function randomCode(): string {
  let code = ''
  for (let i = 0; i < 32; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

export interface OAuthLedgerRandom {
  code: () => string
  token: () => string
}

/**
 * Codes, user access_tokens and refresh_tokens of every emulated account. A code is bound to the appid it
 * was issued for, works once, within 5 minutes; reuse is 40163, anything else 40029.
 */
export class OAuthLedger {
  private readonly codes = new Map<string, CodeRecord>()
  private readonly access = new Map<string, UserTokenRecord>()
  private readonly refresh = new Map<string, RefreshRecord>()

  constructor(private readonly random: OAuthLedgerRandom = { code: randomCode, token: randomTokenString }) {}

  issueCode(appid: string, scope: SnsScope, userId: string, now: number): string {
    this.forgetOldCodes(now)
    let code = this.random.code()
    while (this.codes.has(code)) code = this.random.code()
    this.codes.set(code, { appid, scope, userId, expiresAt: now + OAUTH_CODE_TTL_MS, usedAt: null })
    return code
  }

  /** The exchange: 40163 for a code already exchanged, 40029 for an unknown, expired or other app's code. */
  redeem(appid: string, code: string, now: number): Redeemed {
    const record = this.codes.get(code)
    if (!record || record.appid !== appid) return { ok: false, reason: 'invalid' }
    if (record.usedAt !== null) return { ok: false, reason: 'used' }
    if (now >= record.expiresAt) return { ok: false, reason: 'invalid' }
    record.usedAt = now
    const access = this.mintAccess(appid, record.userId, record.scope, now)
    const refresh: RefreshRecord = {
      token: this.unique(this.refresh),
      appid,
      userId: record.userId,
      scope: record.scope,
      expiresAt: now + REFRESH_TOKEN_TTL_MS,
      accessToken: access.token
    }
    this.refresh.set(refresh.token, refresh)
    return { ok: true, grant: grantOf(access, refresh, now) }
  }

  /**
   * /sns/oauth2/refresh_token: a still-valid access_token keeps its string and gets a fresh 7200 s; an expired
   * one is replaced. The refresh_token itself is returned unchanged and is not extended (wechat-api.md §4.4).
   */
  refreshGrant(appid: string, refreshToken: string, now: number): Refreshed {
    const record = this.refresh.get(refreshToken)
    if (!record || record.appid !== appid) return { ok: false, reason: 'invalid' }
    if (now >= record.expiresAt) return { ok: false, reason: 'expired' }
    let access = this.access.get(record.accessToken)
    if (access && now < access.expiresAt) {
      access.expiresAt = now + USER_TOKEN_TTL_MS
    } else {
      access = this.mintAccess(appid, record.userId, record.scope, now)
      record.accessToken = access.token
    }
    return { ok: true, grant: grantOf(access, record, now) }
  }

  /** What a user access_token presented to /sns/auth or /sns/userinfo is now. */
  checkAccess(token: string, now: number): AccessState {
    const record = this.access.get(token)
    if (!record) return { state: 'unknown' }
    return now >= record.expiresAt ? { state: 'expired' } : { state: 'valid', record }
  }

  private mintAccess(appid: string, userId: string, scope: SnsScope, now: number): UserTokenRecord {
    const record: UserTokenRecord = {
      token: this.unique(this.access),
      appid,
      userId,
      scope,
      expiresAt: now + USER_TOKEN_TTL_MS
    }
    this.access.set(record.token, record)
    return record
  }

  private unique(taken: ReadonlyMap<string, unknown>): string {
    let token = this.random.token()
    while (taken.has(token) || this.access.has(token) || this.refresh.has(token)) token = this.random.token()
    return token
  }

  private forgetOldCodes(now: number): void {
    for (const [code, record] of this.codes) {
      if (now - record.expiresAt > CODE_MEMORY_MS) this.codes.delete(code)
    }
  }
}

function grantOf(access: UserTokenRecord, refresh: RefreshRecord, now: number): UserGrant {
  return {
    accessToken: access.token,
    expiresIn: Math.min(USER_TOKEN_TTL_MS / 1000, Math.floor((access.expiresAt - now) / 1000)),
    refreshToken: refresh.token,
    userId: refresh.userId,
    scope: refresh.scope
  }
}
