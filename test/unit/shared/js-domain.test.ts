import { describe, expect, it } from 'vitest'
import { checkJsDomains, MAX_JS_DOMAINS } from '../../../src/shared/js-domain'

describe('JS接口安全域名', () => {
  it('are normalised like the console keeps them, duplicates dropped', () => {
    expect(checkJsDomains([' WWW.Example.com', 'www.example.com', 'pay.example.com', ''])).toEqual({
      ok: true,
      value: ['www.example.com', 'pay.example.com']
    })
  })

  it('are at most five', () => {
    expect(MAX_JS_DOMAINS).toBe(5)
    expect(checkJsDomains(['a.cn', 'b.cn', 'c.cn', 'd.cn', 'e.cn']).ok).toBe(true)
    const six = checkJsDomains(['a.cn', 'b.cn', 'c.cn', 'd.cn', 'e.cn', 'f.cn'])
    expect(six.ok).toBe(false)
    if (!six.ok) {
      expect(six.message.en).toBe('WeChat takes at most 5 JS接口安全域名; this list has 6')
      expect(six.message['zh-CN']).toBe('微信最多登记 5 个 JS 接口安全域名；当前为 6 个')
    }
  })

  it('are bare hosts: a scheme or a path is refused with what to write instead', () => {
    const withScheme = checkJsDomains(['https://www.example.com/pay'])
    expect(withScheme.ok).toBe(false)
    if (!withScheme.ok) expect(withScheme.message.en).toContain('"www.example.com"')
    expect(checkJsDomains(['www.example.com/pay']).ok).toBe(false)
  })
})
