import { describe, expect, it } from 'vitest'
import { BearerAuth } from '../../../../src/core/local-api/auth'
import { checkApiKey, generateApiKey, maskApiKey, SecretMatcher } from '../../../../src/core/local-api/key'

describe('API keys', () => {
  it('are 32 random bytes as base64url, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey))
    expect(keys.size).toBe(200)
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(key, 'base64url')).toHaveLength(32)
    }
  })

  it('accepts supplied keys only when long enough and header-safe', () => {
    expect(checkApiKey('x'.repeat(32))).toBeNull()
    expect(checkApiKey('short')?.en).toContain('at least 32')
    expect(checkApiKey(`${'x'.repeat(32)} y`)?.en).toContain('printable ASCII')
    expect(checkApiKey(`${'x'.repeat(32)}é`)).not.toBeNull()
  })

  it('masks all but the last four characters', () => {
    expect(maskApiKey('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('••••••••DEFG')
  })
})

describe('constant-time comparison', () => {
  it('matches only the exact value', () => {
    const matcher = new SecretMatcher('0123456789abcdef0123456789abcdef')
    expect(matcher.matches('0123456789abcdef0123456789abcdef')).toBe(true)
    expect(matcher.matches('0123456789abcdef0123456789abcdee')).toBe(false)
    expect(matcher.matches('0123456789abcdef')).toBe(false)
    expect(matcher.matches('')).toBe(false)
    expect(matcher.matches('0123456789abcdef0123456789abcdef0')).toBe(false)
    // Code unit by code unit: characters that share a low byte with the expected ones (U+0165, U+0166
    // end in 0x65 'e', 0x66 'f') or another character of the same UTF-8 length never match.
    expect(matcher.matches('0123456789abcdef0123456789abcd\u0165\u0166')).toBe(false)
    expect(matcher.matches('0123456789abcdef0123456789abcdé')).toBe(false)
    expect(matcher.matches('0123456789abcdef0123456789abcdef')).toBe(true)
    const unicode = new SecretMatcher('pässwörd-密钥')
    expect(unicode.matches('pässwörd-密钥')).toBe(true)
    expect(unicode.matches('passwörd-密钥x')).toBe(false)
  })

  it('matches a range of a longer text without cutting it out', () => {
    const matcher = new SecretMatcher('secret-key')
    const header = 'Bearer secret-key'
    expect(matcher.matchesAt(header, 7, header.length)).toBe(true)
    expect(matcher.matchesAt(header, 6, header.length)).toBe(false)
    expect(matcher.matchesAt(header, 7, header.length - 1)).toBe(false)
    expect(matcher.matchesAt('Bearer secret-kez', 7, 17)).toBe(false)
  })

  it('reads the Bearer scheme case-insensitively and nothing else', () => {
    const auth = new BearerAuth('k'.repeat(43))
    expect(auth.allows(`Bearer ${'k'.repeat(43)}`)).toBe(true)
    expect(auth.allows(`bearer  ${'k'.repeat(43)}`)).toBe(true)
    // White space around the key is trimmed whatever the capitalisation (Node strips only spaces and tabs
    // at the ends of a header value).
    expect(auth.allows(`Bearer \t${'k'.repeat(43)}`)).toBe(true)
    expect(auth.allows(`Bearer ${'k'.repeat(43)}\u00a0`)).toBe(true)
    expect(auth.allows(`Bearer ${'k'.repeat(42)}`)).toBe(false)
    expect(auth.allows(`Bearer ${'k'.repeat(42)}j`)).toBe(false)
    expect(auth.allows('k'.repeat(43))).toBe(false)
    expect(auth.allows(`Basic ${'k'.repeat(43)}`)).toBe(false)
    expect(auth.allows(undefined)).toBe(false)
    auth.setKey(null)
    expect(auth.allows(`Bearer ${'k'.repeat(43)}`)).toBe(false)
  })
})
