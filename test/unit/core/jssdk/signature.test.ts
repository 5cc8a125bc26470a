import { describe, expect, it } from 'vitest'
import { checkPageUrl, diagnoseSignature, jsapiSignature, newNonceStr } from '../../../../src/core/jssdk'

// wechat-api.md §5.2: the documented vector (also wechatpy's test) and one computed with encoded bytes.
const DOC = {
  ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
  nonceStr: 'Wm3WZYTPz0wzccnW',
  timestamp: '1414587457',
  url: 'http://mp.weixin.qq.com?params=value'
}
const LOCAL = {
  ticket: 'kgt8ON7yVITDhtdwci0qeemJ_IEoEGXOW99AFoUHjM4o4GUNvMyuUE2IBKOUl7ZhNWIvaBZvKp9CYJgBbog5iw',
  nonceStr: 'abc123XYZ',
  timestamp: '1700000000',
  url: 'https://www.example.com/page?a=1&b=%E4%B8%AD'
}

describe('the JS-SDK signature', () => {
  it('reproduces the documented test vector', () => {
    expect(jsapiSignature(DOC)).toEqual({
      signed:
        'jsapi_ticket=sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value',
      signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed'
    })
  })

  it('signs already-encoded bytes as they are', () => {
    expect(jsapiSignature(LOCAL).signature).toBe('c9fdeb0def5c5f95c938704bdd3706bd5b90f48a')
  })

  it('makes 16-character nonces of letters and digits', () => {
    expect(newNonceStr()).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(newNonceStr(() => 0)).toBe('AAAAAAAAAAAAAAAA')
  })
})

describe('the page URL check', () => {
  it('strips the fragment and says so', () => {
    const checked = checkPageUrl('https://www.example.com/pay?order=1#/step/2', ['www.example.com'])
    expect(checked.url).toBe('https://www.example.com/pay?order=1')
    expect(checked.findings.map((f) => f.rule)).toEqual(['fragment-stripped'])
    expect(checked.findings[0]?.message.en).toContain('#/step/2')
  })

  it('checks the host against the JS接口安全域名, exactly', () => {
    expect(checkPageUrl('https://pay.example.com/x', ['www.example.com']).findings[0]).toMatchObject({
      rule: 'domain-not-registered',
      level: 'error'
    })
    expect(checkPageUrl('https://www.example.com/x', ['WWW.example.com']).findings).toEqual([])
    expect(checkPageUrl('https://www.example.com/x', []).findings[0]?.rule).toBe('no-domains')
  })

  it('notes plain http and refuses what is not a page URL', () => {
    expect(checkPageUrl('http://www.example.com/', ['www.example.com']).findings[0]?.rule).toBe('plain-http')
    expect(checkPageUrl('www.example.com/page', ['www.example.com'])).toMatchObject({
      url: null,
      findings: [{ rule: 'not-a-url', level: 'error' }]
    })
    expect(checkPageUrl('ftp://www.example.com/', ['www.example.com']).findings[0]?.rule).toBe('not-http')
  })
})

describe('why a page says invalid signature', () => {
  const page = 'https://www.example.com/pay?order=1&name=%E4%B8%AD#/step/2'
  const signedUrl = 'https://www.example.com/pay?order=1&name=%E4%B8%AD'
  const base = { nonceStr: 'n0nce', timestamp: '1700000000' }
  const tickets = { current: 'ticket-now', previous: ['ticket-before'] }
  const signatureOf = (over: Partial<{ ticket: string; url: string; timestamp: string }>): string =>
    jsapiSignature({ ticket: 'ticket-now', url: signedUrl, ...base, ...over }).signature

  it('confirms a right signature', () => {
    const diagnosis = diagnoseSignature({ pageUrl: page, ...base, signature: signatureOf({}) }, tickets)
    expect(diagnosis.cause).toBe('matches')
    expect(diagnosis.expected.signed).toContain(`url=${signedUrl}`)
  })

  it.each([
    ['ticket-stale', { ticket: 'ticket-before' }],
    ['url-fragment', { url: page }],
    ['url-encoding', { url: 'https://www.example.com/pay?order=1&name=中' }],
    ['url-scheme', { url: signedUrl.replace('https:', 'http:') }],
    ['url-query', { url: 'https://www.example.com/pay' }],
    ['timestamp-unit', { timestamp: '1700000000000' }]
  ] as const)('says when the backend made the mistake %s', (cause, over) => {
    const diagnosis = diagnoseSignature({ pageUrl: page, ...base, signature: signatureOf(over) }, tickets)
    expect(diagnosis.cause).toBe(cause)
    expect(diagnosis.reproducedBy?.signature).toBe(signatureOf(over))
    expect(diagnosis.message.en.length).toBeGreaterThan(20)
    expect(diagnosis.message['zh-CN'].length).toBeGreaterThan(10)
  })

  it('says when nothing it knows explains the signature', () => {
    const diagnosis = diagnoseSignature({ pageUrl: page, ...base, signature: 'f'.repeat(40) }, tickets)
    expect(diagnosis).toMatchObject({ cause: 'unexplained', reproducedBy: null })
  })
})
