import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { authorizeBaseFor, buildAuthorizeUrl, OPEN_WEIXIN_BASE } from '../../../../src/core/oauth'
import type { OAuthLinkDraft } from '../../../../src/shared/contract'

const draft = (changes: Partial<OAuthLinkDraft> = {}): OAuthLinkDraft => ({
  redirectUri: 'http://localhost',
  scope: 'snsapi_base',
  endpoint: 'authorize',
  state: '',
  forcePopup: false,
  connectRedirect: false,
  lang: null,
  ...changes
})

const paramNames = (url: string): string[] => [...new URL(url).searchParams.keys()]

describe('authorize links in WeChat’s strict order', () => {
  // wechat-api.md §4.1 quotes wechatpy's tests/test_oauth.py (appid 123456, redirect http://localhost). wechatpy
  // drops an empty state; the desk always writes `state=` (WxJava does the same), so the vector gains it.
  it('matches wechatpy’s authorize vector, with state= kept', () => {
    expect(buildAuthorizeUrl(OPEN_WEIXIN_BASE, '123456', draft())).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=123456&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_base&state=#wechat_redirect'
    )
  })

  it('matches wechatpy’s qrconnect vector for snsapi_login, with state= kept', () => {
    expect(
      buildAuthorizeUrl(OPEN_WEIXIN_BASE, '123456', draft({ scope: 'snsapi_login', endpoint: 'qrconnect' }))
    ).toBe(
      'https://open.weixin.qq.com/connect/qrconnect?appid=123456&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_login&state=#wechat_redirect'
    )
  })

  // The two examples of WeChat's 网页授权 page: a redirect with its own query, and snsapi_userinfo.
  it.each<[string, string, Partial<OAuthLinkDraft>, string]>([
    [
      'encodes a redirect that has its own query exactly once (the documentation’s snsapi_base example)',
      'wx520c15f417810387',
      {
        redirectUri:
          'https://chong.qq.com/php/index.php?d=&c=wxAdapter&m=mobileDeal&showwxpaytitle=1&vb2ctag=4_2030_5_1194_60',
        state: '123'
      },
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387&redirect_uri=https%3A%2F%2Fchong.qq.com%2Fphp%2Findex.php%3Fd%3D%26c%3DwxAdapter%26m%3DmobileDeal%26showwxpaytitle%3D1%26vb2ctag%3D4_2030_5_1194_60&response_type=code&scope=snsapi_base&state=123#wechat_redirect'
    ],
    [
      'builds the documentation’s snsapi_userinfo example',
      'wxf0e81c3bee622d60',
      {
        redirectUri: 'http://nba.bluewebgame.com/oauth_response.php',
        scope: 'snsapi_userinfo',
        state: 'STATE'
      },
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wxf0e81c3bee622d60&redirect_uri=http%3A%2F%2Fnba.bluewebgame.com%2Foauth_response.php&response_type=code&scope=snsapi_userinfo&state=STATE#wechat_redirect'
    ]
  ])('%s', (_behaviour, appId, changes, expected) => {
    expect(buildAuthorizeUrl(OPEN_WEIXIN_BASE, appId, draft(changes))).toBe(expected)
  })

  it('puts the extras after state — forcePopup, then connect_redirect=1 (as WxJava writes it) — and the fragment last', () => {
    const url = buildAuthorizeUrl(
      OPEN_WEIXIN_BASE,
      'wx520c15f417810387',
      draft({ state: 'STATE', forcePopup: true, connectRedirect: true })
    )
    expect(url).toBe(
      'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_base&state=STATE&forcePopup=true&connect_redirect=1#wechat_redirect'
    )
    expect(paramNames(url)).toEqual([
      'appid',
      'redirect_uri',
      'response_type',
      'scope',
      'state',
      'forcePopup',
      'connect_redirect'
    ])
  })

  it('adds lang to qrconnect links only', () => {
    const qr = buildAuthorizeUrl(
      OPEN_WEIXIN_BASE,
      'wx520c15f417810387',
      draft({ scope: 'snsapi_login', endpoint: 'qrconnect', state: 's1', lang: 'en' })
    )
    expect(qr).toBe(
      'https://open.weixin.qq.com/connect/qrconnect?appid=wx520c15f417810387&redirect_uri=http%3A%2F%2Flocalhost&response_type=code&scope=snsapi_login&state=s1&lang=en#wechat_redirect'
    )
    expect(buildAuthorizeUrl(OPEN_WEIXIN_BASE, 'wx1', draft({ lang: 'en' }))).not.toContain('lang=')
  })

  it('trims the redirect URI and encodes every reserved character, a fragment and non-ASCII included', () => {
    const url = buildAuthorizeUrl(
      OPEN_WEIXIN_BASE,
      'wx1',
      draft({ redirectUri: '  https://m.example.com/cb?a=1&b=中 文#/home \n' })
    )
    expect(url).toContain(
      'redirect_uri=https%3A%2F%2Fm.example.com%2Fcb%3Fa%3D1%26b%3D%E4%B8%AD%20%E6%96%87%23%2Fhome&response_type'
    )
    expect(url.split('#')).toHaveLength(2)
  })

  it('round-trips any redirect URI: decoded once, it is the URI the user typed, and the order never changes', () => {
    fc.assert(
      fc.property(
        fc.webUrl({ withQueryParameters: true, withFragments: true }),
        fc.string(),
        (redirect, state) => {
          const url = buildAuthorizeUrl(
            OPEN_WEIXIN_BASE,
            'wx5e1d0c7a3b9f2468',
            draft({ redirectUri: redirect, state })
          )
          const parsed = new URL(url)
          expect(parsed.searchParams.get('redirect_uri')).toBe(redirect.trim())
          expect(parsed.searchParams.get('state')).toBe(state)
          expect(paramNames(url).slice(0, 5)).toEqual([
            'appid',
            'redirect_uri',
            'response_type',
            'scope',
            'state'
          ])
          expect(parsed.hash).toBe('#wechat_redirect')
        }
      )
    )
  })

  it('points links at open.weixin.qq.com, except for an emulator on this machine', () => {
    expect(authorizeBaseFor('https://api.weixin.qq.com')).toBe(OPEN_WEIXIN_BASE)
    expect(authorizeBaseFor('https://proxy.example/wx')).toBe(OPEN_WEIXIN_BASE)
    expect(authorizeBaseFor('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010')
    expect(authorizeBaseFor('http://localhost:4010/prefix')).toBe('http://localhost:4010')
    expect(authorizeBaseFor('not a url')).toBe(OPEN_WEIXIN_BASE)
  })
})
