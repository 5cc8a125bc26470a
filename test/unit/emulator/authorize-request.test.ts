import { describe, expect, it } from 'vitest'
import { AppRegistry } from '../../../src/emulator/app-registry'
import {
  checkAuthorizeRequest,
  redirectWith,
  type AuthorizeCheck
} from '../../../src/emulator/authorize-request'
import { TokenLedger } from '../../../src/emulator/credential-model'
import type { EmulatorAppConfig } from '../../../src/emulator'

// The checks are pure; the HTTP side (pages, CSP, redirects) is in test/integration/emulator/oauth-pages.test.ts.

const APP: EmulatorAppConfig = {
  appid: 'wx0123456789abcdef',
  secret: '00112233445566778899aabbccddeeff',
  accountType: 'normal',
  oauthDomains: ['www.example.com']
}

const apps = (): AppRegistry => {
  const registry = new AppRegistry(new TokenLedger())
  registry.add(APP)
  registry.add({
    ...APP,
    appid: 'wx1111111111111111',
    accountType: 'test',
    oauthDomains: ['192.168.1.20:8080']
  })
  return registry
}

const query = (pairs: [string, string][]): string =>
  pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')

const standard = (changes: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    appid: APP.appid,
    redirect_uri: 'https://www.example.com/cb?from=menu',
    response_type: 'code',
    scope: 'snsapi_userinfo',
    state: 'abc123',
    ...changes
  })

const errorOf = (check: AuthorizeCheck): { code: number | null; zh: string } => {
  if (check.ok) throw new Error('expected an in-page error')
  return check.error
}

describe('the authorize link as WeChat’s client checks it', () => {
  it('accepts a well-formed link, extras after state included', () => {
    const check = checkAuthorizeRequest(
      'authorize',
      `${query(standard())}&forcePopup=true&connect_redirect=1`,
      apps()
    )
    expect(check.ok && check.request).toMatchObject({
      appid: APP.appid,
      scope: 'snsapi_userinfo',
      state: 'abc123'
    })
  })

  it('answers 10010-10013 for an empty scope, redirect_uri, appid or a missing state', () => {
    expect(errorOf(checkAuthorizeRequest('authorize', query(standard({ appid: '' })), apps())).code).toBe(
      10012
    )
    expect(
      errorOf(checkAuthorizeRequest('authorize', query(standard({ redirect_uri: '' })), apps())).code
    ).toBe(10011)
    expect(errorOf(checkAuthorizeRequest('authorize', query(standard({ scope: '' })), apps())).code).toBe(
      10010
    )
    const noState = standard().filter(([k]) => k !== 'state')
    expect(errorOf(checkAuthorizeRequest('authorize', query(noState), apps())).code).toBe(10013)
    // An empty state is a state: WeChat returns it unchanged.
    expect(checkAuthorizeRequest('authorize', query(standard({ state: '' })), apps()).ok).toBe(true)
  })

  it('refuses parameters out of WeChat’s order ("该链接无法访问")', () => {
    const [appid, redirect, ...rest] = standard()
    const swapped = query([redirect as [string, string], appid as [string, string], ...rest])
    const error = errorOf(checkAuthorizeRequest('authorize', swapped, apps()))
    expect(error).toMatchObject({ code: null, zh: '该链接无法访问' })
    const extraFirst = `connect_redirect=1&${query(standard())}`
    expect(errorOf(checkAuthorizeRequest('authorize', extraFirst, apps())).zh).toBe('该链接无法访问')
  })

  it('catches an unencoded redirect_uri, whose own query breaks the pattern', () => {
    const raw = `appid=${APP.appid}&redirect_uri=https://www.example.com/cb?a=1&state=x&response_type=code&scope=snsapi_base&state=abc`
    const error = errorOf(checkAuthorizeRequest('authorize', raw, apps()))
    expect(error.zh).toBe('该链接无法访问')
  })

  it('insists on response_type=code', () => {
    expect(
      errorOf(checkAuthorizeRequest('authorize', query(standard({ response_type: 'token' })), apps())).zh
    ).toBe('该链接无法访问')
  })

  it('answers 10005 for a scope the endpoint does not take', () => {
    expect(
      errorOf(checkAuthorizeRequest('authorize', query(standard({ scope: 'snsapi_login' })), apps())).code
    ).toBe(10005)
    expect(errorOf(checkAuthorizeRequest('qrconnect', query(standard()), apps())).code).toBe(10005)
    expect(checkAuthorizeRequest('qrconnect', query(standard({ scope: 'snsapi_login' })), apps()).ok).toBe(
      true
    )
    expect(
      errorOf(checkAuthorizeRequest('authorize', query(standard({ scope: 'snsapi_everything' })), apps()))
        .code
    ).toBe(10005)
  })

  it('answers 10003 when the redirect host is not a registered 网页授权 domain, exactly', () => {
    for (const redirect of [
      'https://pay.example.com/cb',
      'https://example.com/cb',
      'https://www.example.com:8443/cb'
    ]) {
      expect(
        errorOf(checkAuthorizeRequest('authorize', query(standard({ redirect_uri: redirect })), apps())).code
      ).toBe(10003)
    }
    const test = { appid: 'wx1111111111111111' }
    expect(
      checkAuthorizeRequest(
        'authorize',
        query(standard({ ...test, redirect_uri: 'http://192.168.1.20:8080/cb' })),
        apps()
      ).ok
    ).toBe(true)
    expect(
      errorOf(
        checkAuthorizeRequest(
          'authorize',
          query(standard({ ...test, redirect_uri: 'http://192.168.1.20/cb' })),
          apps()
        )
      ).code
    ).toBe(10003)
  })

  it('refuses a redirect_uri that is not a URL once decoded, and spots double encoding', () => {
    const twice = encodeURIComponent('https://www.example.com/cb')
    const error = errorOf(
      checkAuthorizeRequest('authorize', query(standard({ redirect_uri: twice })), apps())
    )
    expect(error.zh).toBe('redirect_uri 参数错误')
    expect(error).toMatchObject({ hint: { en: expect.stringContaining('encoded twice') } })
  })

  it('refuses an unknown appid and a state outside a-zA-Z0-9 or over 128 bytes', () => {
    expect(
      errorOf(checkAuthorizeRequest('authorize', query(standard({ appid: 'wx9999999999999999' })), apps())).zh
    ).toBe('appid 参数错误')
    expect(errorOf(checkAuthorizeRequest('authorize', query(standard({ state: 'a-b' })), apps())).zh).toBe(
      'state 参数错误'
    )
    expect(
      errorOf(checkAuthorizeRequest('authorize', query(standard({ state: 'a'.repeat(129) })), apps())).zh
    ).toBe('state 参数错误')
    expect(checkAuthorizeRequest('authorize', query(standard({ state: 'a'.repeat(128) })), apps()).ok).toBe(
      true
    )
  })
})

describe('where WeChat sends the user back', () => {
  it('appends code and state with ? or &, before any fragment', () => {
    const code = 'CODE123'
    expect(redirectWith(new URL('https://www.example.com/cb'), { code, state: 's' })).toBe(
      'https://www.example.com/cb?code=CODE123&state=s'
    )
    expect(redirectWith(new URL('https://www.example.com/cb?from=menu'), { code, state: 's' })).toBe(
      'https://www.example.com/cb?from=menu&code=CODE123&state=s'
    )
    expect(redirectWith(new URL('https://www.example.com/#/oauth'), { code, state: '' })).toBe(
      'https://www.example.com/?code=CODE123&state=#/oauth'
    )
  })

  it('sends only the state when the user refused', () => {
    expect(redirectWith(new URL('https://www.example.com/cb'), { state: 's' })).toBe(
      'https://www.example.com/cb?state=s'
    )
  })
})
