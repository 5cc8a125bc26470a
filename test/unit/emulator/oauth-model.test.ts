import { describe, expect, it } from 'vitest'
import {
  OAuthLedger,
  OAUTH_CODE_TTL_MS,
  REFRESH_TOKEN_TTL_MS,
  USER_TOKEN_TTL_MS,
  randomCode
} from '../../../src/emulator/oauth-model'

const T0 = Date.UTC(2026, 10, 22, 2, 0, 0)
const A = 'wx0123456789abcdef'
const B = 'wxfedcba9876543210'

function redeemOk(ledger: OAuthLedger, appid: string, code: string, now: number) {
  const redeemed = ledger.redeem(appid, code, now)
  if (!redeemed.ok) throw new Error(`expected a grant, got ${redeemed.reason}`)
  return redeemed.grant
}

describe('the web-OAuth model', () => {
  it('issues codes of 32 letters and digits', () => {
    expect(randomCode()).toMatch(/^[A-Za-z0-9]{32}$/)
  })

  it('exchanges a code once; the second time is "used" (40163)', () => {
    const ledger = new OAuthLedger()
    const code = ledger.issueCode(A, 'snsapi_userinfo', 'li-lei', T0)
    const grant = redeemOk(ledger, A, code, T0 + 1000)
    expect(grant).toMatchObject({ expiresIn: 7200, scope: 'snsapi_userinfo', userId: 'li-lei' })
    expect(ledger.redeem(A, code, T0 + 2000)).toEqual({ ok: false, reason: 'used' })
  })

  it('lets a code expire 5 minutes after it was issued (40029)', () => {
    const ledger = new OAuthLedger()
    const code = ledger.issueCode(A, 'snsapi_base', 'li-lei', T0)
    expect(ledger.redeem(A, code, T0 + OAUTH_CODE_TTL_MS)).toEqual({ ok: false, reason: 'invalid' })
    const fresh = ledger.issueCode(A, 'snsapi_base', 'li-lei', T0)
    expect(ledger.redeem(A, fresh, T0 + OAUTH_CODE_TTL_MS - 1).ok).toBe(true)
  })

  it('binds a code to its appid: another app gets "invalid" and the code stays usable', () => {
    const ledger = new OAuthLedger()
    const code = ledger.issueCode(A, 'snsapi_base', 'li-lei', T0)
    expect(ledger.redeem(B, code, T0)).toEqual({ ok: false, reason: 'invalid' })
    expect(ledger.redeem(A, code, T0).ok).toBe(true)
    expect(ledger.redeem(A, 'never-issued', T0)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('refreshes a still-valid access token by extending it, and replaces an expired one', () => {
    const ledger = new OAuthLedger()
    const grant = redeemOk(ledger, A, ledger.issueCode(A, 'snsapi_userinfo', 'li-lei', T0), T0)
    const extended = ledger.refreshGrant(A, grant.refreshToken, T0 + 3_600_000)
    expect(extended).toMatchObject({ ok: true, grant: { accessToken: grant.accessToken, expiresIn: 7200 } })
    expect(ledger.checkAccess(grant.accessToken, T0 + 3_600_000 + USER_TOKEN_TTL_MS - 1).state).toBe('valid')

    const later = T0 + 3_600_000 + USER_TOKEN_TTL_MS
    expect(ledger.checkAccess(grant.accessToken, later).state).toBe('expired')
    const replaced = ledger.refreshGrant(A, grant.refreshToken, later)
    if (!replaced.ok) throw new Error('expected a refresh')
    expect(replaced.grant.accessToken).not.toBe(grant.accessToken)
    expect(replaced.grant.refreshToken).toBe(grant.refreshToken)
  })

  it('never extends the refresh_token: 30 days after the authorization it is expired (42002)', () => {
    const ledger = new OAuthLedger()
    const grant = redeemOk(ledger, A, ledger.issueCode(A, 'snsapi_userinfo', 'li-lei', T0), T0)
    expect(ledger.refreshGrant(A, grant.refreshToken, T0 + REFRESH_TOKEN_TTL_MS - 1).ok).toBe(true)
    expect(ledger.refreshGrant(A, grant.refreshToken, T0 + REFRESH_TOKEN_TTL_MS)).toEqual({
      ok: false,
      reason: 'expired'
    })
  })

  it('refuses an unknown refresh_token, or one of another app (40030)', () => {
    const ledger = new OAuthLedger()
    const grant = redeemOk(ledger, A, ledger.issueCode(A, 'snsapi_base', 'li-lei', T0), T0)
    expect(ledger.refreshGrant(B, grant.refreshToken, T0)).toEqual({ ok: false, reason: 'invalid' })
    expect(ledger.refreshGrant(A, 'nope', T0)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('keeps user tokens apart from everything else it issued', () => {
    let n = 0
    const ledger = new OAuthLedger({ code: () => 'same-code', token: () => `token-${n++ % 2}` })
    const grant = redeemOk(ledger, A, ledger.issueCode(A, 'snsapi_base', 'li-lei', T0), T0)
    expect(grant.accessToken).not.toBe(grant.refreshToken)
    expect(ledger.checkAccess(grant.refreshToken, T0).state).toBe('unknown')
  })
})
