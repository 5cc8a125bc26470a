import { describe, expect, it } from 'vitest'
import { SANDBOX_APP, type EmulatorAppConfig } from '../../../src/emulator'
import { answerConsent, approve, authorizeLink, openAuthorizeLink } from '../../support/oauth-phone'
import { MINUTE, NORMAL_APP, TEST_APP, call, useEmulator } from '../../support/emulator-client'

// The pages WeChat shows in its client, over real HTTP: in-page errors, the consent page, the redirect.

const OA: EmulatorAppConfig = {
  ...NORMAL_APP,
  name: 'Demo OA',
  oauthDomains: ['www.example.com'],
  unionBound: true
}
const LAB: EmulatorAppConfig = { ...TEST_APP, oauthDomains: ['127.0.0.1:8080'] }

describe('the emulator’s authorize pages', () => {
  const ctx = useEmulator([OA, LAB, SANDBOX_APP])
  const link = (changes: Partial<Parameters<typeof authorizeLink>[1]> = {}): string =>
    authorizeLink(ctx.emulator.url, {
      appid: OA.appid,
      redirectUri: 'https://www.example.com/cb?from=menu',
      scope: 'snsapi_userinfo',
      state: 'abc123',
      ...changes
    })

  it('shows a consent page under a strict CSP: no script, one hashed stylesheet, nothing external', async () => {
    const page = await openAuthorizeLink(link())
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; frame-ancestors 'none'$/
    )
    expect(page.html).not.toMatch(/<script|src=|href=|url\(/i)
    expect(page.html).toContain('Demo OA')
    expect(page.html).toContain('snsapi_userinfo')
    expect(page.html).toMatch(/<button[^>]*value="allow"[^>]*>允许 · Allow</)
    expect(page.ticket).toMatch(/^[A-Za-z0-9_-]{24}$/)
  })

  it('redirects to redirect_uri with code and state after Allow, appending with & to the URI’s own query', async () => {
    const location = await approve(link(), 'han-meimei')
    expect(location).toMatch(/^https:\/\/www\.example\.com\/cb\?from=menu&code=[A-Za-z0-9]{32}&state=abc123$/)
  })

  it('redirects with the state alone when the user refuses', async () => {
    const page = await openAuthorizeLink(link())
    const answer = await answerConsent(link(), page.ticket ?? '', { decision: 'deny' })
    expect(answer.status).toBe(302)
    expect(answer.headers.get('location')).toBe('https://www.example.com/cb?from=menu&state=abc123')
  })

  it('accepts each consent form once', async () => {
    const page = await openAuthorizeLink(link())
    await answerConsent(link(), page.ticket ?? '', { user: 'li-lei', decision: 'allow' })
    const again = await answerConsent(link(), page.ticket ?? '', { user: 'li-lei', decision: 'allow' })
    expect(again.status).toBe(200)
    expect(await again.text()).toContain('授权页面已过期')
  })

  it('expires an unanswered consent page after 10 minutes (injected clock)', async () => {
    const page = await openAuthorizeLink(link())
    ctx.clock.sleep(10 * MINUTE)
    const late = await answerConsent(link(), page.ticket ?? '', { user: 'li-lei', decision: 'allow' })
    expect(await late.text()).toContain('This authorization page has expired')
  })

  it('shows 10003 in the page when the redirect host is not the registered domain', async () => {
    const page = await openAuthorizeLink(link({ redirectUri: 'https://pay.example.com/cb' }))
    expect(page.status).toBe(200)
    expect(page.ticket).toBeNull()
    expect(page.html).toContain('redirect_uri 域名与后台配置不一致')
    expect(page.html).toContain('errcode: 10003')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
  })

  it('takes IP:port on a test account, exactly that port', async () => {
    const ok = await openAuthorizeLink(link({ appid: LAB.appid, redirectUri: 'http://127.0.0.1:8080/cb' }))
    expect(ok.ticket).not.toBeNull()
    const otherPort = await openAuthorizeLink(
      link({ appid: LAB.appid, redirectUri: 'http://127.0.0.1:9090/cb' })
    )
    expect(otherPort.html).toContain('errcode: 10003')
  })

  it('takes 127.0.0.1 on any port for the sandbox account', async () => {
    const page = await openAuthorizeLink(
      link({ appid: SANDBOX_APP.appid, redirectUri: 'http://127.0.0.1:43117/oauth/callback' })
    )
    expect(page.ticket).not.toBeNull()
  })

  it('shows 10005 for a scope the endpoint does not take, and 10010-10013 for empty parameters', async () => {
    expect((await openAuthorizeLink(link({ scope: 'snsapi_login' }))).html).toContain('errcode: 10005')
    expect((await openAuthorizeLink(link({ endpoint: 'qrconnect' }))).html).toContain('errcode: 10005')
    expect((await openAuthorizeLink(link({ scope: '' }))).html).toContain('errcode: 10010')
    expect((await openAuthorizeLink(link({ redirectUri: '' }))).html).toContain('errcode: 10011')
    expect((await openAuthorizeLink(link({ appid: '' }))).html).toContain('errcode: 10012')
    const noState = link().replace('&state=abc123', '')
    expect((await openAuthorizeLink(noState)).html).toContain('errcode: 10013')
  })

  it('serves qrconnect for snsapi_login', async () => {
    const location = await approve(link({ endpoint: 'qrconnect', scope: 'snsapi_login' }))
    expect(location).toMatch(/code=[A-Za-z0-9]{32}&state=abc123$/)
  })

  it('checks the parameter order on the raw query string', async () => {
    const swapped = link().replace(
      /appid=([^&]+)&redirect_uri=([^&]+)/,
      (_all, appid: string, redirect: string) => `redirect_uri=${redirect}&appid=${appid}`
    )
    const page = await openAuthorizeLink(swapped)
    expect(page.html).toContain('该链接无法访问')
    expect(page.html).toContain('appid, redirect_uri, response_type, scope, state')
  })

  it('never echoes input unescaped into its error pages', async () => {
    const page = await openAuthorizeLink(link({ appid: '<img src=x onerror=alert(1)>' }))
    expect(page.html).not.toContain('<img src=x')
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('answers the wrong method on each page with an error page, not a crash', async () => {
    const post = await call(ctx.emulator, '/connect/oauth2/authorize', { method: 'POST', body: 'x' })
    expect(post.status).toBe(200)
    expect(post.text).toContain('请求方式错误')
    const get = await call(ctx.emulator, '/connect/oauth2/consent')
    expect(get.text).toContain('POST')
  })
})
