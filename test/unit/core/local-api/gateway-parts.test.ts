import { describe, expect, it } from 'vitest'
import { Gateway } from '../../../../src/core/local-api/gateway/gateway'
import { withToken } from '../../../../src/core/local-api/gateway/relay-text'
import { IssuedTokens } from '../../../../src/core/local-api/gateway/issued-tokens'
import { responseHeaders } from '../../../../src/core/local-api/gateway/relay-http'

describe('the gateway’s parts', () => {
  it('replaces the access_token in place, keeping every other byte and the order', () => {
    expect(withToken('b=2&access_token=OLD&a=1&a=%E4%B8%AD+x&flag', 'NEW')).toBe(
      'b=2&access_token=NEW&a=1&a=%E4%B8%AD+x&flag'
    )
    expect(withToken('access%5Ftoken=OLD', 'N/W')).toBe('access%5Ftoken=N%2FW')
  })

  it('leaves the desk’s own paths to the desk and relays every other one', () => {
    for (const path of ['/healthz', '/v1', '/v1/apps', '/v1/nope'])
      expect(Gateway.owns(path), path).toBe(true)
    for (const path of ['/', '/cgi-bin/user/get', '/v1x', '/healthz/', '/sns/auth']) {
      expect(Gateway.owns(path), path).toBe(false)
    }
  })

  it('passes answer fields on without hop-by-hop ones, including those the Connection field names', () => {
    expect(
      responseHeaders({
        'content-type': 'image/jpeg',
        connection: 'keep-alive, x-hop',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'x-hop': '1',
        'set-cookie': ['a=1', 'b=2']
      })
    ).toEqual({ 'content-type': 'image/jpeg', 'set-cookie': ['a=1', 'b=2'] })
  })

  it('remembers issued credentials per app, marks rejected ones, and forgets an app’s', () => {
    const issued = new IssuedTokens()
    issued.note('T1', 'p1', 'global', 10)
    issued.note('U1', 'p2', 'user', 20)
    issued.markRejected('T1')
    expect(issued.find('T1')).toEqual({ profileId: 'p1', kind: 'global', expiresAt: 10, rejected: true })
    issued.note('T1', 'p1', 'global', 10)
    expect(issued.find('T1')?.rejected).toBe(true)
    issued.note('U0', 'p1', 'user', 30)
    issued.forget('p1', 'global')
    expect(issued.find('T1')).toBeNull()
    expect(issued.find('U0')?.kind).toBe('user')
    issued.forget('p1')
    expect(issued.find('U0')).toBeNull()
    expect(issued.find('U1')?.kind).toBe('user')
  })
})
