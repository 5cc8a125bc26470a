import { describe, expect, it } from 'vitest'
import { TokenResponses } from '../../../../src/core/local-api/token-response'
import type { HeldToken } from '../../../../src/core/tokens'

const held: HeldToken = {
  value: '84_abc"def',
  mode: 'stable',
  obtainedAt: Date.UTC(2026, 0, 1, 0, 0, 0),
  expiresAt: Date.UTC(2026, 0, 1, 2, 0, 0),
  grantedSeconds: 7200
}

describe('token answers', () => {
  it('are valid JSON in the documented shape, with the remaining seconds', () => {
    const responses = new TokenResponses()
    const now = held.obtainedAt + 1500
    expect(JSON.parse(responses.desk('p', held, now).body)).toEqual({
      access_token: '84_abc"def',
      expires_in: 7198,
      expires_at: '2026-01-01T02:00:00.000Z',
      obtained_at: '2026-01-01T00:00:00.000Z',
      mode: 'stable'
    })
    expect(JSON.parse(responses.desk('p', held, now, false).body)).toMatchObject({ refreshed: false })
    expect(JSON.parse(responses.wechat('p', held, now).body)).toEqual({
      access_token: '84_abc"def',
      expires_in: 7198
    })
    expect(JSON.parse(responses.wechat('p', held, held.expiresAt + 5000).body)).toMatchObject({
      expires_in: 0
    })
  })

  it('carry their headers: JSON (WeChat’s own content type for the compatible shape), byte length, no-store', () => {
    const responses = new TokenResponses()
    const desk = responses.desk('p', { ...held, value: '84_令牌' }, held.obtainedAt)
    expect(desk).toMatchObject({ status: 200 })
    expect(desk.prepared).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(desk.body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff'
    })
    expect(desk.prepared?.['content-length']).toBeGreaterThan(desk.body.length)
    const wechat = responses.wechat('p', held, held.obtainedAt)
    expect(wechat.prepared?.['content-type']).toBe('application/json; encoding=utf-8')
  })

  it('are built once per second of expires_in and handed out again within it', () => {
    const responses = new TokenResponses()
    const first = responses.desk('p', held, held.obtainedAt + 1)
    expect(responses.desk('p', held, held.obtainedAt + 999)).toBe(first)
    const later = responses.desk('p', held, held.obtainedAt + 1001)
    expect(later).not.toBe(first)
    expect(JSON.parse(later.body)).toMatchObject({ expires_in: 7198 })
    expect(responses.wechat('p', held, held.obtainedAt + 1001)).toBe(
      responses.wechat('p', held, held.obtainedAt + 1500)
    )
    // A passive refresh's answer says whether it refreshed: never one of the shared answers.
    expect(responses.desk('p', held, held.obtainedAt + 1001, true)).not.toBe(later)
  })

  it('re-render when the token changes', () => {
    const responses = new TokenResponses()
    responses.desk('p', held, held.obtainedAt)
    const next = { ...held, value: '84_next' }
    expect(JSON.parse(responses.desk('p', next, held.obtainedAt).body)).toMatchObject({
      access_token: '84_next'
    })
  })
})
