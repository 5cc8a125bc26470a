import { describe, expect, it } from 'vitest'
import { checkAppId, checkAppSecret, parseApiBase } from '../../../src/shared/validation'

describe('AppID validation', () => {
  it('accepts wx + 16 lower-case hex digits', () => expect(checkAppId('wx1234567890abcdef')).toBeNull())
  it.each([
    ['', 'AppID is required'],
    ['gh_1234567890abcd', 'must start with "wx" (got "gh")'],
    ['wx123', '18 characters; this one has 5'],
    ['wx1234567890abcdeg', 'character 18 "g" is not a hex digit'],
    ['wx1234567890ABCDEF', 'character 13 "A" is upper-case'],
    ['wx1234 567890abcde', 'contains spaces']
  ])('explains what is wrong with %j', (value, expected) => {
    const message = checkAppId(value)
    expect(message?.en).toContain(expected)
    expect(message?.['zh-CN'].length).toBeGreaterThan(3)
  })
})

describe('AppSecret validation', () => {
  it('accepts 32 lower-case hex digits', () =>
    expect(checkAppSecret('0123456789abcdef0123456789abcdef')).toBeNull())
  it('counts the characters', () => expect(checkAppSecret('abc')?.en).toContain('this one has 3 characters'))
  it('points at the bad character', () =>
    expect(checkAppSecret('0123456789abcdef0123456789abcdez')?.en).toContain('character 32 "z"'))
})

describe('API base URL', () => {
  it('defaults to api.weixin.qq.com', () =>
    expect(parseApiBase('')).toEqual({ ok: true, value: 'https://api.weixin.qq.com' }))
  it('keeps a path prefix and drops the trailing slash', () =>
    expect(parseApiBase('https://proxy.example.com/wx/')).toEqual({
      ok: true,
      value: 'https://proxy.example.com/wx'
    }))
  it('allows http only to this machine', () => {
    expect(parseApiBase('http://127.0.0.1:9000').ok).toBe(true)
    expect(parseApiBase('http://localhost:9000').ok).toBe(true)
    const lan = parseApiBase('http://192.168.1.5:9000')
    expect(lan.ok).toBe(false)
    if (!lan.ok) expect(lan.message.en).toContain('43003')
  })
  it('rejects queries, other schemes and garbage', () => {
    expect(parseApiBase('https://api.weixin.qq.com/?a=1').ok).toBe(false)
    expect(parseApiBase('ftp://x').ok).toBe(false)
    expect(parseApiBase('api weixin').ok).toBe(false)
  })
})
