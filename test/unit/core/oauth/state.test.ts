import { describe, expect, it } from 'vitest'
import { generateState, StateRegistry } from '../../../../src/core/oauth'
import type { IssuedState } from '../../../../src/core/oauth/state-registry'

const T0 = Date.UTC(2026, 10, 22, 2, 0, 0)
const MIN = 60_000

const link = (state: string, linkId = `link-${state}`): Omit<IssuedState, 'expiresAt' | 'usedAt'> => ({
  state,
  linkId,
  profileId: 'sandbox',
  appId: 'wx5e1d0c7a3b9f2468',
  scope: 'snsapi_userinfo',
  endpoint: 'authorize',
  redirectUri: 'http://127.0.0.1:8080/oauth/callback',
  url: `http://127.0.0.1:4010/connect/oauth2/authorize?state=${state}`,
  issuedAt: T0
})

describe('generated states', () => {
  it('are 16 letters and digits, and differ every time', () => {
    const states = new Set(Array.from({ length: 500 }, () => generateState()))
    expect(states.size).toBe(500)
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9]{16}$/)
  })
})

describe('the state registry', () => {
  it('remembers each built link’s state, scope, redirect URI and app for 30 minutes', () => {
    const registry = new StateRegistry()
    registry.issue(link('abc'))
    expect(registry.lookup('abc', T0 + 29 * MIN)).toMatchObject({
      verdict: 'issued',
      entry: {
        scope: 'snsapi_userinfo',
        redirectUri: 'http://127.0.0.1:8080/oauth/callback',
        appId: 'wx5e1d0c7a3b9f2468'
      }
    })
    expect(registry.lookup('abc', T0 + 30 * MIN).verdict).toBe('expired')
    expect(registry.lookup('zzz', T0).verdict).toBe('unknown')
    expect(registry.lookup(null, T0).verdict).toBe('none')
    expect(registry.lookup('', T0).verdict).toBe('none')
  })

  it('says “used” once a redirect with the state was handled', () => {
    const registry = new StateRegistry()
    registry.issue(link('abc'))
    registry.markUsed('abc', T0 + MIN)
    expect(registry.lookup('abc', T0 + 2 * MIN)).toMatchObject({
      verdict: 'used',
      entry: { usedAt: T0 + MIN }
    })
  })

  it('keeps links with an empty state for copying, but never matches redirects to them', () => {
    const registry = new StateRegistry()
    registry.issue(link('', 'L1'))
    expect(registry.link('L1')?.url).toContain('authorize')
    expect(registry.lookup('', T0).verdict).toBe('none')
  })

  it('replaces a link rebuilt with the same state', () => {
    const registry = new StateRegistry()
    registry.issue(link('abc', 'first'))
    registry.issue({ ...link('abc', 'second'), scope: 'snsapi_base' })
    expect(registry.link('first')).toBeUndefined()
    expect(registry.lookup('abc', T0).entry?.scope).toBe('snsapi_base')
  })

  it('forgets the oldest links beyond its capacity', () => {
    const registry = new StateRegistry()
    for (let i = 0; i < 250; i++) registry.issue(link(`s${i}`))
    expect(registry.lookup('s0', T0).verdict).toBe('unknown')
    expect(registry.lookup('s249', T0).verdict).toBe('issued')
  })
})
