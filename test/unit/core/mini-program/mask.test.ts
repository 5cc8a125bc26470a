import { describe, expect, it } from 'vitest'
import { maskSessionKey } from '../../../../src/core/mini-program'

describe('a session_key as the window shows it', () => {
  it('is dots and its last four characters, never enough to use', () => {
    const key = 'tiihtNczf5v6AKRyjwEUhQ=='
    const masked = maskSessionKey(key)
    expect(masked.endsWith('hQ==')).toBe(true)
    expect(masked).not.toContain(key.slice(0, 4))
    expect(masked.replace(/•/g, '').length).toBeLessThanOrEqual(4)
  })
})
