import { describe, expect, it } from 'vitest'
import type { HeldToken } from '../../../../src/core/tokens'
import {
  MIN_TOKEN_AGE_MS,
  REMEMBER_CAP_MS,
  REREQUEST_WINDOW_MS,
  RefreshGovernor
} from '../../../../src/core/tokens/refresh-governor'
import type { DeskError } from '../../../../src/shared/result'

const T0 = Date.UTC(2026, 11, 1, 4, 0, 0)
const token = (value: string, obtainedAt: number): HeldToken => ({
  value,
  mode: 'classic',
  obtainedAt,
  expiresAt: obtainedAt + 7_200_000,
  grantedSeconds: 7200
})
const wechatError = (errcode: number): DeskError => ({
  code: 'wechat',
  errcode,
  message: { en: `WeChat error ${errcode}`, 'zh-CN': `微信错误 ${errcode}` }
})

describe('RefreshGovernor', () => {
  it('coalesces a refresh of a token younger than 30 s, and lets an older one through', () => {
    const g = new RefreshGovernor()
    const held = token('a', T0)
    g.obtained('app', held, T0)
    expect(g.decide('app', held, T0 + MIN_TOKEN_AGE_MS - 1)).toEqual({
      kind: 'coalesce',
      token: held,
      until: T0 + MIN_TOKEN_AGE_MS
    })
    expect(g.decide('app', held, T0 + MIN_TOKEN_AGE_MS).kind).toBe('proceed')
    expect(g.decide('app', null, T0).kind).toBe('proceed')
  })

  it('lets evidence replace a young token, but no more than two tokens in any 30 s', () => {
    const g = new RefreshGovernor()
    const a = token('a', T0)
    g.obtained('app', a, T0)
    expect(g.rejected('app', 'a', a, T0 + 1000).current).toBe(true)
    expect(g.decide('app', a, T0 + 1000).kind).toBe('proceed')
    const b = token('b', T0 + 1000)
    g.obtained('app', b, T0 + 1000)
    g.rejected('app', 'b', b, T0 + 2000)
    expect(g.decide('app', b, T0 + 2000)).toMatchObject({ kind: 'coalesce', until: T0 + MIN_TOKEN_AGE_MS })
    expect(g.decide('app', b, T0 + MIN_TOKEN_AGE_MS).kind).toBe('proceed')
  })

  it('ignores a rejection of a token that is no longer the held one', () => {
    const g = new RefreshGovernor()
    const b = token('b', T0)
    expect(g.rejected('app', 'a', b, T0)).toEqual({ current: false, stomped: null })
    expect(g.isRejected('app', b)).toBe(false)
  })

  it('remembers only errors retrying cannot fix, with a doubling pause capped at an hour', () => {
    const g = new RefreshGovernor()
    expect(g.failed('app', wechatError(-1), T0)).toBeNull()
    expect(g.failed('app', { code: 'network', message: { en: 'x', 'zh-CN': 'x' } }, T0)).toBeNull()
    const pauses: number[] = []
    for (let i = 0; i < 10; i++) pauses.push((g.failed('app', wechatError(40164), T0)?.nextTryAt ?? 0) - T0)
    expect(pauses.slice(0, 4)).toEqual([60_000, 120_000, 240_000, 480_000])
    expect(Math.max(...pauses)).toBe(REMEMBER_CAP_MS)
    expect(g.decide('app', null, T0 + 1000).kind).toBe('remembered')
    g.release('app')
    expect(g.decide('app', null, T0 + 1000).kind).toBe('proceed')
    g.obtained('app', token('a', T0 + 2000), T0 + 2000)
    expect(g.remembered('app')).toBeNull()
  })

  it('counts stomped tokens per Beijing day, only for tokens that died well before their expiry', () => {
    const g = new RefreshGovernor()
    const young = token('a', T0)
    expect(g.rejected('app', 'a', young, T0 + 5_000).stomped).toMatchObject({
      countToday: 1,
      lifetimeMs: 5_000
    })
    // The same token reported twice counts once.
    expect(g.rejected('app', 'a', young, T0 + 6_000).stomped).toBeNull()
    const old = token('b', T0)
    expect(g.rejected('app', 'b', old, old.expiresAt - 60_000).stomped).toBeNull()
    expect(g.stomping('app', T0 + 86_400_000)).toBeNull() // a new Beijing day
  })

  it('says whether a hand-out follows another within the re-request window', () => {
    const g = new RefreshGovernor()
    expect(g.handedOut('app', T0)).toBe(false)
    expect(g.handedOut('app', T0 + REREQUEST_WINDOW_MS - 1)).toBe(true)
    expect(g.handedOut('app', T0 + 3 * REREQUEST_WINDOW_MS)).toBe(false)
    expect(g.takeProbe('app', T0)).toBe(true)
    expect(g.takeProbe('app', T0 + 29_999)).toBe(false)
    expect(g.takeProbe('app', T0 + 30_000)).toBe(true)
  })
})
