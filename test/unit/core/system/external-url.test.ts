import { describe, expect, it } from 'vitest'
import { checkExternalUrl } from '../../../../src/core/system'

describe('external links', () => {
  it.each(['https://developers.weixin.qq.com/doc/', 'http://127.0.0.1:8080/cb', 'http://localhost/x'])(
    'opens %s',
    (url) => expect(checkExternalUrl(url).ok).toBe(true)
  )
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://example.com/',
    'smb://host/share',
    'not a url'
  ])('refuses %s with a reason', (url) => {
    const result = checkExternalUrl(url)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason.en.length).toBeGreaterThan(5)
  })
})
