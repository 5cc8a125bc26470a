import { describe, expect, it } from 'vitest'
import { makeRid, withRid } from '../../../src/emulator/rid'
import { isWellFormedToken, randomTokenString } from '../../../src/emulator/token-shape'

describe('rid', () => {
  it('is three groups of 8 hex digits, the first the Unix seconds of the request', () => {
    const now = Date.UTC(2023, 10, 10, 9, 0, 0, 750)
    const rid = makeRid(now)
    expect(rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/)
    expect(parseInt(rid.slice(0, 8), 16)).toBe(Math.floor(now / 1000))
    expect(rid.startsWith('654df')).toBe(true)
  })

  it('pads early times to 8 digits and varies its random groups', () => {
    expect(makeRid(1000).slice(0, 8)).toBe('00000001')
    expect(makeRid(0).slice(9)).not.toBe(makeRid(0).slice(9))
  })

  it('is appended to errmsg the way WeChat does', () => {
    expect(withRid('invalid appid', '654df33c-0a1b2c3d-4e5f6a7b')).toBe(
      'invalid appid rid: 654df33c-0a1b2c3d-4e5f6a7b'
    )
  })
})

describe('token shape', () => {
  it('looks like a real token: two digits, underscore, 140 URL-safe characters', () => {
    const tokens = Array.from({ length: 200 }, () => randomTokenString())
    for (const token of tokens) {
      expect(token).toMatch(/^\d{2}_[A-Za-z0-9_-]{140}$/)
      expect(isWellFormedToken(token)).toBe(true)
    }
    expect(new Set(tokens).size).toBe(tokens.length)
  })

  it('rejects garbage, truncated and padded tokens', () => {
    const token = randomTokenString()
    for (const bad of [
      '2',
      'ACCESS_TOKEN',
      token.slice(0, -1),
      `${token}x`,
      `x${token.slice(1)}`,
      token.replace(/.$/, '=')
    ]) {
      expect(isWellFormedToken(bad)).toBe(false)
    }
  })
})
