import { describe, expect, it } from 'vitest'
import { Router, type RouteSpec } from '../../../../src/core/http/router'

interface Named extends RouteSpec {
  name: string
}

const route = (name: string, path: string, methods: RouteSpec['methods']): Named => ({ name, path, methods })

const table = [
  route('ticket', '/cgi-bin/ticket/getticket', ['GET']),
  route('jssdk', '/v1/apps/{appid}/jssdk-config', ['GET']),
  route('token', '/v1/apps/{appid}/access-token', ['GET', 'HEAD']),
  route('token-admin', '/v1/apps/{appid}/access-token', ['DELETE']),
  route('relay-cgi', '/cgi-bin/*', 'any'),
  route('relay-ticket', '/cgi-bin/ticket/*', ['POST']),
  route('fallback', '/*', ['GET'])
]
const router = new Router(table)
const nameOf = (method: string, target: string): string | null => {
  const match = router.match(method, target)
  return match.kind === 'route' ? match.route.name : null
}

describe('the router', () => {
  it('prefers a literal path, then patterns, then the longest prefix', () => {
    expect(nameOf('GET', '/cgi-bin/ticket/getticket?type=jsapi')).toBe('ticket')
    expect(nameOf('GET', '/v1/apps/wx1/jssdk-config')).toBe('jssdk')
    expect(nameOf('POST', '/cgi-bin/ticket/other')).toBe('relay-ticket')
    expect(nameOf('GET', '/cgi-bin/ticket/other')).toBe('relay-cgi')
    expect(nameOf('GET', '/cgi-bin/message/custom/send')).toBe('relay-cgi')
    expect(nameOf('GET', '/sns/userinfo')).toBe('fallback')
  })

  it('lets a route that takes any method catch what a more specific one does not answer', () => {
    expect(nameOf('POST', '/cgi-bin/ticket/getticket')).toBe('relay-ticket')
    expect(nameOf('PUT', '/cgi-bin/ticket/getticket')).toBe('relay-cgi')
  })

  it('binds {params} decoded and reports the path as sent', () => {
    expect(router.match('GET', '/v1/apps/wx%31/jssdk-config?url=x')).toEqual({
      kind: 'route',
      route: table[1],
      params: { appid: 'wx1' },
      path: '/v1/apps/wx%31/jssdk-config',
      query: 'url=x'
    })
  })

  it('gives a prefix route any rest, the empty one included, but not the bare prefix', () => {
    expect(nameOf('PUT', '/cgi-bin/')).toBe('relay-cgi')
    expect(nameOf('PUT', '/cgi-bin')).toBeNull()
  })

  it('answers 405 with every method the path is answered with, across routes', () => {
    expect(router.match('POST', '/v1/apps/wx1/access-token')).toEqual({
      kind: 'method-not-allowed',
      path: '/v1/apps/wx1/access-token',
      allow: ['GET', 'HEAD', 'DELETE']
    })
    expect(router.match('DELETE', '/v1/apps/wx1/access-token')).toMatchObject({
      route: { name: 'token-admin' }
    })
  })

  it('finds nothing for paths no route covers', () => {
    const bare = new Router([route('a', '/a', ['GET']), route('b', '/b/{id}', ['GET'])])
    for (const target of ['/', '/a/', '/b', '/b/', '/b/x/y', '*', '']) {
      expect(bare.match('GET', target), target).toMatchObject({ kind: 'not-found' })
    }
  })

  it('refuses a table it cannot read', () => {
    expect(() => new Router([route('x', 'no-slash', ['GET'])])).toThrow(/starts with/)
    expect(() => new Router([route('x', '/a/*/b', ['GET'])])).toThrow(/ends a route path/)
  })
})
