import { describe, expect, it } from 'vitest'
import { TokenResponses } from '../../../src/main/control-server/token-response'
import type { HeldToken } from '../../../src/main/tokens'

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
    expect(JSON.parse(responses.desk('p', held, now))).toEqual({
      access_token: '84_abc"def',
      expires_in: 7198,
      expires_at: '2026-01-01T02:00:00.000Z',
      obtained_at: '2026-01-01T00:00:00.000Z',
      mode: 'stable'
    })
    expect(JSON.parse(responses.desk('p', held, now, false))).toMatchObject({ refreshed: false })
    expect(JSON.parse(responses.wechat('p', held, now))).toEqual({
      access_token: '84_abc"def',
      expires_in: 7198
    })
    expect(JSON.parse(responses.wechat('p', held, held.expiresAt + 5000))).toMatchObject({ expires_in: 0 })
  })

  it('re-render when the token changes', () => {
    const responses = new TokenResponses()
    responses.desk('p', held, held.obtainedAt)
    const next = { ...held, value: '84_next' }
    expect(JSON.parse(responses.desk('p', next, held.obtainedAt))).toMatchObject({ access_token: '84_next' })
  })
})
