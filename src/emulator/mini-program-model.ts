import { randomBytes } from 'node:crypto'
import { BoundedMap } from '../shared/bounded-map'
import { randomCode } from './oauth-model'

// The codes a Mini Program gets on the phone (wechat-api.md §11.1, §11.2): wx.login's js_code and the
// getPhoneNumber button's code. Both work once, within 5 minutes, for the Mini Program they were issued to.
// Pure like oauth-model.ts: every method takes `now` (epoch ms).

export const MINI_PROGRAM_CODE_TTL_MS = 300_000
/** How long a code is remembered after it expires, to tell a reuse (40163) from a stranger (40029). */
const MEMORY_MS = 3_600_000
const CAPACITY = 5000

export type MiniProgramCodeKind = 'login' | 'phone'

interface CodeRecord {
  readonly kind: MiniProgramCodeKind
  readonly appid: string
  readonly userId: string
  readonly expiresAt: number
  usedAt: number | null
}

export type CodeRedeemed =
  | { ok: true; userId: string }
  /** `other-app`: a live code issued to another Mini Program (getuserphonenumber answers 40013). */
  | { ok: false; reason: 'invalid' | 'used' | 'other-app' }

/** js_codes look like `0a3RXi000xKzxR1Lxt300Ab9XL2RXi0H`; phone codes are 64 hex digits. */
const RANDOM: Record<MiniProgramCodeKind, () => string> = {
  login: randomCode,
  phone: () => randomBytes(32).toString('hex')
}

export class MiniProgramCodes {
  private readonly codes = new BoundedMap<string, CodeRecord>(CAPACITY)

  constructor(private readonly random: Record<MiniProgramCodeKind, () => string> = RANDOM) {}

  issue(
    kind: MiniProgramCodeKind,
    appid: string,
    userId: string,
    now: number
  ): { code: string; expiresAt: number } {
    for (const [code, record] of this.codes) if (now - record.expiresAt > MEMORY_MS) this.codes.delete(code)
    let code = this.random[kind]()
    while (this.codes.has(code)) code = this.random[kind]()
    const expiresAt = now + MINI_PROGRAM_CODE_TTL_MS
    this.codes.set(code, { kind, appid, userId, expiresAt, usedAt: null })
    return { code, expiresAt }
  }

  /** Spends a code: `used` when already spent, `invalid` when unknown, expired or of the other kind. */
  redeem(kind: MiniProgramCodeKind, appid: string, code: string, now: number): CodeRedeemed {
    const record = this.codes.get(code)
    if (!record || record.kind !== kind) return { ok: false, reason: 'invalid' }
    if (record.appid !== appid) return { ok: false, reason: now < record.expiresAt ? 'other-app' : 'invalid' }
    if (record.usedAt !== null) return { ok: false, reason: 'used' }
    if (now >= record.expiresAt) return { ok: false, reason: 'invalid' }
    record.usedAt = now
    return { ok: true, userId: record.userId }
  }
}
