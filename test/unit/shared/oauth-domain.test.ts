import { describe, expect, it } from 'vitest'
import {
  checkOAuthDomain,
  checkOAuthDomains,
  isIpLiteral,
  matchesOAuthDomain
} from '../../../src/shared/oauth-domain'

describe('网页授权 domains', () => {
  it('accepts a bare host, or host:port / IP:port as test accounts register them', () => {
    for (const ok of [
      'www.example.com',
      'WWW.Example.COM',
      'm-1.example.cn',
      '127.0.0.1:8080',
      '192.168.1.20',
      'a.b.c.d.e:65535'
    ]) {
      expect(checkOAuthDomain(ok), ok).toBeNull()
    }
  })

  it('explains what is wrong with everything else', () => {
    expect(checkOAuthDomain('https://www.example.com/cb')?.en).toContain('"www.example.com"')
    expect(checkOAuthDomain('www.example.com/cb')?.en).toContain('no path')
    expect(checkOAuthDomain('*.example.com')?.en).toContain('wildcards')
    expect(checkOAuthDomain('www.example.com:0')?.en).toContain('out of range')
    expect(checkOAuthDomain('300.1.1.1')?.en).toContain('not a valid IPv4')
    expect(checkOAuthDomain('-bad-.example.com')?.en).toContain('not a host name')
    expect(checkOAuthDomain('[::1]:8080')?.en).toBeDefined()
    expect(checkOAuthDomain(' ')?.en).toContain('empty')
  })

  it('normalises a list, drops duplicates and takes at most two', () => {
    expect(checkOAuthDomains([' WWW.example.com ', 'www.example.com', '', '127.0.0.1:8080'])).toEqual({
      ok: true,
      value: ['www.example.com', '127.0.0.1:8080']
    })
    const three = checkOAuthDomains(['a.com', 'b.com', 'c.com'])
    expect(three.ok).toBe(false)
    if (!three.ok) expect(three.message.en).toContain('at most 2')
    const bad = checkOAuthDomains(['a.com', 'http://b.com'])
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.message.en).toMatch(/^http:\/\/b\.com: /)
  })

  it('matches the redirect host exactly: port included, path ignored; host:* is any port', () => {
    const url = (href: string): URL => new URL(href)
    expect(matchesOAuthDomain(url('https://www.qq.com/any/path?x=1'), 'www.qq.com')).toBe(true)
    expect(matchesOAuthDomain(url('https://pay.qq.com/'), 'www.qq.com')).toBe(false)
    expect(matchesOAuthDomain(url('https://qq.com/'), 'www.qq.com')).toBe(false)
    expect(matchesOAuthDomain(url('https://www.qq.com:443/'), 'www.qq.com')).toBe(true)
    expect(matchesOAuthDomain(url('http://127.0.0.1:8080/cb'), '127.0.0.1:8080')).toBe(true)
    expect(matchesOAuthDomain(url('http://127.0.0.1:9090/cb'), '127.0.0.1:8080')).toBe(false)
    expect(matchesOAuthDomain(url('http://127.0.0.1/cb'), '127.0.0.1:8080')).toBe(false)
    expect(matchesOAuthDomain(url('http://127.0.0.1:43117/cb'), '127.0.0.1:*')).toBe(true)
  })

  it('tells IP literals from host names', () => {
    expect(isIpLiteral('10.0.0.1')).toBe(true)
    expect(isIpLiteral('[::1]')).toBe(true)
    expect(isIpLiteral('999.0.0.1')).toBe(false)
    expect(isIpLiteral('www.example.com')).toBe(false)
  })
})
