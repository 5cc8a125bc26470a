import { describe, expect, it } from 'vitest'
import {
  checkNonceAndTimestamp,
  configSnippet,
  jsapiSignature,
  maskTicket,
  newNonceStr,
  pageConfig,
  unixSeconds,
  withTicketShown
} from '../../../../src/core/jssdk'

const TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'

describe('what a page passes to wx.config', () => {
  it('is signed with the ticket at the time given, in Unix seconds', () => {
    const config = pageConfig(
      'wx0123456789abcdef',
      TICKET,
      'http://mp.weixin.qq.com?params=value',
      1414587457_999,
      'Wm3WZYTPz0wzccnW'
    )
    expect(config).toEqual({
      appId: 'wx0123456789abcdef',
      timestamp: '1414587457',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed'
    })
    expect(unixSeconds(1_700_000_000_500)).toBe('1700000000')
  })

  it('gets a fresh nonce each time by default', () => {
    const a = pageConfig('wx0123456789abcdef', TICKET, 'https://a.example.com/', 0)
    const b = pageConfig('wx0123456789abcdef', TICKET, 'https://a.example.com/', 0)
    expect(a.nonceStr).not.toBe(b.nonceStr)
    expect(a.signature).not.toBe(b.signature)
    expect(new Set(Array.from({ length: 50 }, () => newNonceStr())).size).toBe(50)
  })
})

describe('the wx.config snippet', () => {
  it('is ready to paste: the timestamp a number, the strings quoted', () => {
    const snippet = configSnippet({
      appId: 'wx0123456789abcdef',
      timestamp: '1414587457',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      signature: '0f9de62fce790f9a083d5c99e95740ceb90c27ed'
    })
    expect(snippet.split('\n')[0]).toBe('wx.config({')
    expect(snippet).toContain('  appId: "wx0123456789abcdef",')
    expect(snippet).toContain('  timestamp: 1414587457,')
    expect(snippet).toContain('  nonceStr: "Wm3WZYTPz0wzccnW",')
    expect(snippet).toContain('  signature: "0f9de62fce790f9a083d5c99e95740ceb90c27ed",')
    expect(snippet).toContain('jsApiList: [')
    expect(snippet.endsWith('})')).toBe(true)
  })

  it('quotes a timestamp that is not a number, and escapes what would break the string', () => {
    const snippet = configSnippet({ appId: 'wx"x', timestamp: '17e8', nonceStr: 'a\\b', signature: 's' })
    expect(snippet).toContain('timestamp: "17e8",')
    expect(snippet).toContain('appId: "wx\\"x",')
    expect(snippet).toContain('nonceStr: "a\\\\b",')
  })
})

describe('the nonceStr and timestamp check', () => {
  it('accepts a nonce and Unix seconds', () => {
    expect(checkNonceAndTimestamp('abc', '1700000000')).toEqual([])
  })

  it.each([
    ['an empty nonce', ' ', '1700000000', 'nonce-empty', 'error'],
    ['a timestamp with letters', 'abc', '1700000000s', 'timestamp-not-seconds', 'error'],
    ['an ISO date', 'abc', '2026-11-22', 'timestamp-not-seconds', 'error'],
    ['milliseconds', 'abc', '1700000000000', 'timestamp-milliseconds', 'warning']
  ])('flags %s', (_label, nonce, timestamp, rule, level) => {
    expect(checkNonceAndTimestamp(nonce, timestamp)).toMatchObject([{ rule, level }])
  })
})

describe('the signed string as the window shows it', () => {
  it('masks the ticket and keeps the real signature', () => {
    const signed = jsapiSignature({
      ticket: TICKET,
      nonceStr: 'n',
      timestamp: '1',
      url: 'https://a.example.com/'
    })
    const shown = withTicketShown(signed, TICKET, maskTicket(TICKET))
    expect(shown.signature).toBe(signed.signature)
    expect(shown.signed).toBe(
      `jsapi_ticket=sM4A••••••••P7qg&noncestr=n&timestamp=1&url=https://a.example.com/`
    )
    expect(shown.signed).not.toContain(TICKET)
  })

  it('leaves a string signed with another ticket as it is', () => {
    const signed = jsapiSignature({
      ticket: 'other',
      nonceStr: 'n',
      timestamp: '1',
      url: 'https://a.example.com/'
    })
    expect(withTicketShown(signed, TICKET, '•••')).toEqual(signed)
  })
})
