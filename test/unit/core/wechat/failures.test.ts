import { describe, expect, it } from 'vitest'
import { failureToDeskError, isRetryable, type UpstreamFailure } from '../../../../src/core/wechat'

const wechat = (errcode: number, errmsg = '', rid: string | null = null): UpstreamFailure => ({
  kind: 'wechat',
  errcode,
  errmsg,
  rid
})

describe('isRetryable', () => {
  it.each<[string, UpstreamFailure, boolean]>([
    ['-1 system error', wechat(-1, 'system error'), true],
    ['45011 minute quota', wechat(45011), true],
    ['40125 wrong secret', wechat(40125), false],
    ['40164 IP whitelist', wechat(40164), false],
    ['40013 bad appid', wechat(40013), false],
    ['45009 daily quota', wechat(45009), false],
    ['40243 frozen secret', wechat(40243), false],
    ['40001 on fetch', wechat(40001), false],
    ['89501 waiting for admin', wechat(89501), false],
    ['89503 admin must confirm', wechat(89503), false],
    ['89506 refused', wechat(89506), false],
    ['an unknown errcode', wechat(99999), false],
    ['a timeout', { kind: 'timeout', afterMs: 200 }, true],
    ['a network failure', { kind: 'network', message: 'connection refused' }, true],
    ['HTTP 502', { kind: 'http-status', status: 502, snippet: '' }, true],
    ['HTTP 429', { kind: 'http-status', status: 429, snippet: '' }, true],
    ['HTTP 404', { kind: 'http-status', status: 404, snippet: '' }, false],
    [
      'a bad body',
      { kind: 'bad-body', status: 200, contentType: 'text/html', snippet: '<html>', reason: 'HTML' },
      true
    ]
  ])('%s → %s', (_name, failure, expected) => {
    expect(isRetryable(failure)).toBe(expected)
  })
})

describe('failureToDeskError', () => {
  const both = (l: { en: string; 'zh-CN': string } | undefined): void => {
    expect(l?.en.trim()).not.toBe('')
    expect(l?.['zh-CN'].trim()).not.toBe('')
  }

  it('explains a WeChat errcode with the catalogue, keeping errmsg and rid', () => {
    const errmsg = 'invalid ip 61.172.68.219, not in whitelist rid: 617682e0-0f4a2c7b-1d2e3f40'
    const error = failureToDeskError(wechat(40164, errmsg, '617682e0-0f4a2c7b-1d2e3f40'), 'token-fetch')
    expect(error).toMatchObject({
      code: 'wechat',
      errcode: 40164,
      errmsg,
      rid: '617682e0-0f4a2c7b-1d2e3f40',
      retryable: false
    })
    expect(error.message.en).toContain('40164')
    expect(error.fix?.en).toContain('61.172.68.219')
    expect(error.fix?.['zh-CN']).toContain('61.172.68.219')
  })

  it('reads the rid from the errmsg when the failure carries none', () => {
    const error = failureToDeskError(wechat(-1, 'system error hints: [ req_id: AbC123 ]'), 'other')
    expect(error).toMatchObject({ rid: 'AbC123', retryable: true })
  })

  it('says "wrong AppSecret" for 40001 on fetch and "superseded" for 40001 on use', () => {
    const fetch = failureToDeskError(wechat(40001, 'invalid credential'), 'token-fetch')
    const use = failureToDeskError(wechat(40001, 'invalid credential'), 'token-use')
    expect(fetch.message.en).toContain('AppSecret')
    expect(use.fix?.en).toContain('stable_token')
    expect(use.fix?.en).not.toBe(fetch.fix?.en)
  })

  it.each<[UpstreamFailure, string, number | undefined, boolean]>([
    [{ kind: 'timeout', afterMs: 10_000 }, 'timeout', undefined, true],
    [{ kind: 'network', message: 'connection refused by 127.0.0.1:1' }, 'network', undefined, true],
    [{ kind: 'http-status', status: 502, snippet: '<html>Bad Gateway</html>' }, 'bad-response', 502, true],
    [{ kind: 'http-status', status: 404, snippet: 'Not Found' }, 'bad-response', 404, false],
    [
      {
        kind: 'bad-body',
        status: 200,
        contentType: 'text/html',
        snippet: '<html>',
        reason: 'HTML instead of JSON'
      },
      'bad-response',
      200,
      true
    ]
  ])('maps %o to %s', (failure, code, httpStatus, retryable) => {
    const error = failureToDeskError(failure, 'token-fetch')
    expect(error.code).toBe(code)
    expect(error.httpStatus).toBe(httpStatus)
    expect(error.retryable).toBe(retryable)
    both(error.message)
    both(error.fix)
  })

  it('states the timeout in seconds', () => {
    expect(failureToDeskError({ kind: 'timeout', afterMs: 10_000 }, 'other').message.en).toContain('10 s')
  })

  it('quotes an unknown errcode’s errmsg', () => {
    const error = failureToDeskError(wechat(12345, 'something odd'), 'other')
    expect(error.code).toBe('wechat')
    expect(error.fix?.en).toContain('something odd')
    expect(error.retryable).toBe(false)
  })
})
