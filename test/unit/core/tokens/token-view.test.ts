import { describe, expect, it } from 'vitest'
import type { HeldToken } from '../../../../src/core/tokens'
import { buildTokenView, maskToken, type TokenFacts } from '../../../../src/core/tokens/token-view'

const NOW = 1_000_000
const held: HeldToken = {
  value: '84_vWP_BMabcdefghijklmnop1a2b',
  mode: 'stable',
  obtainedAt: NOW - 1000,
  expiresAt: NOW + 7_199_000,
  grantedSeconds: 7200
}
const facts = (over: Partial<TokenFacts> = {}): TokenFacts => ({
  profileId: 'p1',
  held,
  refreshing: false,
  schedule: { nextRefreshAt: NOW + 60_000, retry: null, stopped: false },
  lastAttempt: null,
  quota: { used: 1, limit: 500_000, forceUsed: 0, forceLimit: 20, forceAvailableAt: null },
  missingCredential: false,
  awaitsConfirmation: false,
  rejected: false,
  remembered: null,
  stomping: null,
  appId: 'wx0123456789abcdef',
  now: NOW,
  ...over
})

describe('token view', () => {
  it('shows the held token masked, with its times and schedule', () => {
    expect(buildTokenView(facts())).toMatchObject({
      held: true,
      masked: '84_vWP_B••••••1a2b',
      mode: 'stable',
      expiresAt: held.expiresAt,
      valid: true,
      autoRefresh: 'scheduled',
      nextRefreshAt: NOW + 60_000
    })
    expect(JSON.stringify(buildTokenView(facts()))).not.toContain(held.value)
  })

  it('says why nothing refreshes by itself', () => {
    const idle = { nextRefreshAt: null, retry: null, stopped: false }
    expect(buildTokenView(facts({ missingCredential: true })).autoRefresh).toBe('no-secret')
    expect(buildTokenView(facts({ schedule: { ...idle, stopped: true } })).autoRefresh).toBe('stopped')
    expect(buildTokenView(facts({ awaitsConfirmation: true })).autoRefresh).toBe('needs-confirmation')
    expect(buildTokenView(facts({ held: null, awaitsConfirmation: true, schedule: idle })).autoRefresh).toBe(
      'idle'
    )
  })

  it('hides short tokens whole', () => {
    expect(maskToken('short-token')).toBe('•••••••••••')
    expect(maskToken('0123456789abcdef')).toBe('••••••••••••••••')
    expect(maskToken('0123456789abcdefg')).toBe('01234567••••••defg')
  })
})
