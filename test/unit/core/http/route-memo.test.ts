import { describe, expect, it } from 'vitest'
import { RouteMemo } from '../../../../src/core/http/route-memo'

describe('the route memo', () => {
  it('hands back what was routed for the same method and target', () => {
    const memo = new RouteMemo<string>()
    memo.remember('GET', '/v1/apps/wx1/access-token', 'token route')
    expect(memo.recall('GET', '/v1/apps/wx1/access-token')).toBe('token route')
    expect(memo.recall('HEAD', '/v1/apps/wx1/access-token')).toBeNull()
    expect(memo.recall('GET', '/v1/apps/wx2/access-token')).toBeNull()
  })

  it('never keeps a target with a query string: it may carry an AppSecret', () => {
    const memo = new RouteMemo<string>()
    const secretTarget = '/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=s3cret'
    memo.remember('GET', secretTarget, 'classic token route')
    expect(memo.recall('GET', secretTarget)).toBeNull()
    memo.remember('GET', '/healthz', 'health')
    memo.remember('GET', '/healthz?secret=s3cret', 'health again')
    expect(memo.recall('GET', '/healthz')).toBe('health')
    expect(memo.recall('GET', '/healthz?secret=s3cret')).toBeNull()
    expect(memo.recall('GET', '/?')).toBeNull()
    memo.remember('GET', 'http://127.0.0.1:17180/cgi-bin/token?secret=s3cret', 'absolute form')
    expect(JSON.stringify(memo)).not.toContain('s3cret')
  })

  it('forgets on request (a new API key re-masks labels)', () => {
    const memo = new RouteMemo<string>()
    memo.remember('GET', '/v1/apps', 'apps')
    memo.forget()
    expect(memo.recall('GET', '/v1/apps')).toBeNull()
  })
})
