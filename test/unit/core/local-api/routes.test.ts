import { describe, expect, it } from 'vitest'
import { Router, splitTarget } from '../../../../src/core/http/router'
import {
  API_ROUTES,
  callerPath,
  routeLabel,
  unroutedReply,
  UNAUTHORIZED
} from '../../../../src/core/local-api/routes'

const APPID = 'wx1234567890abcdef'
const router = new Router(API_ROUTES)
const matchRoute = (method: string, target: string) => router.match(method, target)
const unmasked = (text: string): string => text
const label = (method: string, target: string): string => routeLabel(matchRoute(method, target), unmasked)

describe('the local API route table', () => {
  it.each([
    ['GET', '/healthz', '/healthz', null],
    ['HEAD', '/v1/apps', '/v1/apps', null],
    ['GET', '/v1/events', '/v1/events', null],
    ['GET', `/v1/apps/${APPID}/access-token`, '/v1/apps/{appid}/access-token', APPID],
    ['POST', `/v1/apps/${APPID}/access-token/refresh`, '/v1/apps/{appid}/access-token/refresh', APPID],
    ['GET', '/cgi-bin/token?grant_type=client_credential', '/cgi-bin/token', null],
    ['PUT', '/cgi-bin/stable_token', '/cgi-bin/stable_token', null]
  ])('%s %s → %s', (method, target, path, appid) => {
    expect(matchRoute(method, target)).toMatchObject({
      kind: 'route',
      route: { path },
      params: appid === null ? {} : { appid }
    })
  })

  it('keeps the query string apart for the WeChat-compatible endpoints', () => {
    expect(matchRoute('GET', '/cgi-bin/token?appid=a&secret=b')).toMatchObject({ query: 'appid=a&secret=b' })
    expect(matchRoute('GET', '/v1/apps?x=1')).toMatchObject({ kind: 'route', route: { path: '/v1/apps' } })
  })

  it('decodes the appid segment, refusing encoded slashes and bad escapes', () => {
    expect(matchRoute('GET', '/v1/apps/wx%31/access-token')).toMatchObject({ params: { appid: 'wx1' } })
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
      route: { path: '/healthz' }
    })
  })

  it('keys every /v1 route but the health check; WeChat’s own paths check the AppSecret instead', () => {
    const keyed = API_ROUTES.filter((route) => route.keyed).map((route) => route.path)
    expect(keyed.sort()).toEqual(
      [
        '/v1/apps',
        '/v1/apps/{appid}/access-token',
        '/v1/apps/{appid}/access-token/refresh',
        '/v1/apps/{appid}/jssdk-config',
        '/v1/apps/{appid}/tickets/{type}',
        '/v1/apps/{appid}/tickets/{type}/refresh',
        '/v1/events'
      ].sort()
    )
    for (const route of API_ROUTES) {
      if (route.path.startsWith('/v1/')) expect(route.keyed, route.path).toBe(true)
      if (route.methods === 'any') expect(route.keyed, route.path).toBe(false)
    }
  })

  it('has one entry per path', () => {
    const paths = API_ROUTES.map((route) => route.path)
    expect(new Set(paths).size).toBe(paths.length)
  })
})

describe('request-log labels', () => {
  it('labels every route by its pattern, with a well-formed AppID filled in, and never a query', () => {
    for (const route of API_ROUTES) {
      const target = `${route.path.replace('{appid}', APPID)}?secret=s3cret&key=k`
      const method = route.methods === 'any' ? 'GET' : (route.methods[0] ?? 'GET')
      expect(label(method, target), route.path).toBe(route.path.replace('{appid}', APPID))
    }
  })

  it('keeps {appid} when the value does not look like an AppID', () => {
    expect(label('GET', '/v1/apps/not-an-appid/access-token')).toBe('/v1/apps/{appid}/access-token')
    expect(label('POST', '/v1/apps/wx%31/access-token/refresh')).toBe('/v1/apps/{appid}/access-token/refresh')
  })

  it('shows an unknown path shortened, without its query, and masked', () => {
    const mask = (text: string): string => text.replaceAll('k3y', '***')
    expect(routeLabel(matchRoute('GET', '/nothing/k3y?secret=x'), mask)).toBe('/nothing/***')
    expect(routeLabel(matchRoute('DELETE', '/v1/apps?secret=x'), mask)).toBe('/v1/apps')
    expect(callerPath(`/${'a'.repeat(300)}?secret=x`, unmasked)).toHaveLength(200)
  })
})

describe('answers derived from the table', () => {
  interface ErrorBody {
    error: { code: string; message: string }
  }
  const errorOf = (body: string): ErrorBody['error'] => (JSON.parse(body) as ErrorBody).error

  it('answers a path no route knows with 404', () => {
    const match = matchRoute('GET', '/v1/nope')
    if (match.kind !== 'not-found') throw new Error('expected no route')
    const reply = unroutedReply(match)
    expect(reply.status).toBe(404)
    expect(errorOf(reply.body).code).toBe('not-found')
  })

  it('answers a wrong method with 405 and the methods the path allows', () => {
    const match = matchRoute('DELETE', `/v1/apps/${APPID}/access-token`)
    if (match.kind !== 'method-not-allowed') throw new Error('expected a wrong method')
    const reply = unroutedReply(match)
    expect(reply.status).toBe(405)
    expect(reply.headers).toEqual({ allow: 'GET, HEAD' })
    expect(errorOf(reply.body)).toEqual({ code: 'method-not-allowed', message: 'Use GET or HEAD here.' })
  })

  it('answers a keyed route without the key with 401 and a Bearer challenge', () => {
    expect(UNAUTHORIZED.status).toBe(401)
    expect(UNAUTHORIZED.prepared?.['www-authenticate']).toMatch(/^Bearer /)
    expect(errorOf(UNAUTHORIZED.body).code).toBe('unauthorized')
  })
})
