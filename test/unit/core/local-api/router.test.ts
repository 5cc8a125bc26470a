import { describe, expect, it } from 'vitest'
import { matchRoute, splitTarget } from '../../../../src/core/local-api/router'

const APPID = 'wx1234567890abcdef'

describe('the router', () => {
  it.each([
    ['GET', '/healthz', 'healthz', null],
    ['HEAD', '/v1/apps', 'apps', null],
    ['GET', '/v1/events', 'events', null],
    ['GET', `/v1/apps/${APPID}/access-token`, 'access-token', APPID],
    ['POST', `/v1/apps/${APPID}/access-token/refresh`, 'refresh', APPID],
    ['GET', '/cgi-bin/token?grant_type=client_credential', 'wx-token', null],
    ['PUT', '/cgi-bin/stable_token', 'wx-stable-token', null]
  ])('%s %s → %s', (method, target, name, appid) => {
    expect(matchRoute(method, target)).toMatchObject({ kind: 'route', name, appid })
  })

  it('keeps the query string apart for the WeChat-compatible endpoints', () => {
    expect(matchRoute('GET', '/cgi-bin/token?appid=a&secret=b')).toMatchObject({ query: 'appid=a&secret=b' })
    expect(matchRoute('GET', '/v1/apps?x=1')).toMatchObject({ kind: 'route', name: 'apps' })
  })

  it('decodes the appid segment, refusing encoded slashes and bad escapes', () => {
    expect(matchRoute('GET', '/v1/apps/wx%31/access-token')).toMatchObject({ appid: 'wx1' })
    expect(matchRoute('GET', '/v1/apps/a%2Fb/access-token')).toMatchObject({ kind: 'not-found' })
    expect(matchRoute('GET', '/v1/apps/%E0%A4%A/access-token')).toMatchObject({ kind: 'not-found' })
    expect(matchRoute('GET', '/v1/apps//access-token')).toMatchObject({ kind: 'not-found' })
  })

  it('says which methods a known path allows', () => {
    expect(matchRoute('POST', '/v1/apps')).toEqual({
      kind: 'method-not-allowed',
      path: '/v1/apps',
      allow: ['GET', 'HEAD']
    })
    expect(matchRoute('GET', `/v1/apps/${APPID}/access-token/refresh`)).toMatchObject({ allow: ['POST'] })
    expect(matchRoute('HEAD', '/v1/events')).toMatchObject({ allow: ['GET'] })
  })

  it('does not match near misses', () => {
    for (const target of [
      '/',
      '/healthz/',
      '/v1/apps/',
      `/v1/apps/${APPID}`,
      `/v1/apps/${APPID}/access-token/x`,
      '*'
    ]) {
      expect(matchRoute('GET', target), target).toMatchObject({ kind: 'not-found' })
    }
  })

  it('accepts absolute-form targets', () => {
    expect(splitTarget('http://127.0.0.1:17180/healthz?x=1')).toEqual({ path: '/healthz', query: 'x=1' })
    expect(matchRoute('GET', 'http://127.0.0.1:17180/healthz')).toMatchObject({
      kind: 'route',
      name: 'healthz'
    })
  })
})
