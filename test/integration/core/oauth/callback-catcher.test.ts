import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { answerConsent, approve, openAuthorizeLink } from '../../../support/oauth-phone'
import { failureOf } from '../../../support/desk-failure'
import { eventually, oauthWorld, type OAuthWorld } from '../../../support/oauth-world'

const SECOND = 1000
const MIN = 60 * SECOND

let world: OAuthWorld | null = null
afterEach(async () => {
  await world?.close()
  world = null
})
const setup = async (): Promise<OAuthWorld> => {
  world = await oauthWorld()
  return world
}

/** A raw GET/POST with the exact request target (fetch would normalise `..` and friends away). */
function raw(
  url: string,
  target: string,
  method = 'GET',
  headers: Record<string, string> = {}
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

async function listening(w: OAuthWorld): Promise<string> {
  const view = await w.oauth.startCatcher('sandbox', { host: '127.0.0.1', port: 0 })
  expect(view).toMatchObject({ status: 'listening', host: '127.0.0.1', path: '/oauth/callback' })
  expect(view.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oauth\/callback$/)
  return view.url ?? ''
}

const settled = (w: OAuthWorld) => (): boolean => w.oauth.state().catcher.capture?.exchanging === false

describe('the callback catcher', () => {
  it('catches the redirect, shows the phone a done page and exchanges the code on its own', async () => {
    const w = await setup()
    const url = await listening(w)
    const link = await w.build(url)
    const landed = await approve(link.url, 'li-lei')
    const phone = await fetch(landed)
    expect(phone.status).toBe(200)
    expect(phone.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/)
    expect(phone.headers.get('referrer-policy')).toBe('no-referrer')
    const page = await phone.text()
    expect(page).toContain('Done — back to your desktop')
    expect(page).toContain('授权完成')
    expect(page).not.toMatch(/<script|src=|href=/i)

    await eventually(settled(w))
    const { catcher, history } = w.oauth.state()
    expect(catcher).toMatchObject({
      status: 'captured',
      capture: { state: link.state, stateVerdict: 'issued', refused: false, error: null }
    })
    expect(history).toHaveLength(1)
    expect(catcher.capture?.authorizationId).toBe(history[0]?.id)
    expect(history[0]).toMatchObject({ source: 'catcher', stateVerdict: 'issued' })
  })

  it('answers WeChat’s duplicate callbacks without exchanging again', async () => {
    const w = await setup()
    const url = await listening(w)
    const link = await w.build(url)
    const landed = await approve(link.url)
    const pages = await Promise.all(
      [fetch(landed), fetch(landed), fetch(landed)].map(async (r) => (await r).text())
    )
    expect(pages.filter((p) => p.includes('Done — back to your desktop'))).toHaveLength(1)
    expect(pages.filter((p) => p.includes('Already received'))).toHaveLength(2)
    // WeChat's double hit can carry a second code with the same state: still the same authorization.
    const second = landed.replace(/code=[^&]+/, 'code=AnotherCodeForTheSameState000000')
    expect(await (await fetch(second)).text()).toContain('Already received')
    const stranger = landed.replace(/code=[^&]+/, 'code=StrangerCode').replace(/state=[^&]+/, 'state=Other')
    const refused = await fetch(stranger)
    expect(refused.status).toBe(409)
    await eventually(settled(w))
    expect(w.exchanges()).toBe(1)
    expect(w.oauth.state().history).toHaveLength(1)
  })

  it('reports a refusal and keeps listening', async () => {
    const w = await setup()
    const url = await listening(w)
    const link = await w.build(url)
    const page = await openAuthorizeLink(link.url)
    const answer = await answerConsent(link.url, page.ticket ?? '', { decision: 'deny' })
    const phone = await fetch(answer.headers.get('location') ?? '')
    expect(await phone.text()).toContain('Authorization refused')
    expect(w.oauth.state().catcher).toMatchObject({
      status: 'listening',
      capture: { refused: true, state: link.state, stateVerdict: 'issued' }
    })
    expect(w.exchanges()).toBe(0)
  })

  it('serves nothing else: every other path and method is a plain 404', async () => {
    const w = await setup()
    const url = await listening(w)
    const targets = [
      '/',
      '/oauth',
      '/oauth/',
      '/oauth/callback/',
      '/oauth/callbackx?code=abc&state=x',
      '/OAUTH/callback?code=abc',
      '/oauth/callback/../callback?code=abc',
      '/oauth/%63allback?code=abc',
      '/../../etc/passwd',
      '//oauth/callback?code=abc',
      'http://evil.example/oauth/x'
    ]
    for (const target of targets) {
      const answer = await raw(url, target)
      expect(answer.status, target).toBe(404)
      expect(answer.body, target).toBe('Not found\n')
      expect(answer.headers['x-content-type-options']).toBe('nosniff')
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      expect((await raw(url, '/oauth/callback?code=abc&state=x', method)).status, method).toBe(404)
    }
    expect(w.exchanges()).toBe(0)
    expect(w.oauth.state().catcher.capture).toBeNull()
  })

  it('echoes nothing from the request except an escaped state', async () => {
    const w = await setup()
    const url = await listening(w)
    const bad = await raw(
      url,
      `/oauth/callback?code=${encodeURIComponent('<script>alert(1)</script>')}&state=x`
    )
    expect(bad.status).toBe(400)
    expect(bad.body).not.toContain('<script>alert')
    expect(bad.body).not.toContain('alert(1)')
    const nothing = await raw(url, '/oauth/callback')
    expect(nothing.status).toBe(400)
    const sneaky = await raw(url, `/oauth/callback?code=abcDEF123&state=${encodeURIComponent('<b>x</b>')}`)
    expect(sneaky.body).toContain('&lt;b&gt;x&lt;/b&gt;')
    expect(sneaky.body).not.toContain('<b>x</b>')
  })

  it('closes shortly after the capture, and after 10 minutes without one (injected clock)', async () => {
    const w = await setup()
    const url = await listening(w)
    await fetch(await approve((await w.build(url)).url))
    await eventually(settled(w))
    await w.clock.advance(15 * SECOND)
    await eventually(() => w.oauth.state().catcher.closesAt === null)
    expect(w.oauth.state().catcher.status).toBe('captured')
    await expect(fetch(url)).rejects.toThrow()

    const again = await listening(w)
    await w.clock.advance(10 * MIN)
    await eventually(() => w.oauth.state().catcher.status === 'timed-out')
    await expect(fetch(again)).rejects.toThrow()
  })

  it('binds only where told, on a valid path, and says when the port is taken', async () => {
    const w = await setup()
    expect(await failureOf(w.oauth.startCatcher('sandbox', { host: '8.8.8.8', port: 0 }))).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'host' }]
    })
    expect(await failureOf(w.oauth.startCatcher('sandbox', { host: '::', port: 0 }))).toMatchObject({
      code: 'invalid-input'
    })
    for (const path of ['oauth', '/a/../b', '/a?b', '/a b', '//x']) {
      expect(
        await failureOf(w.oauth.startCatcher('sandbox', { host: '127.0.0.1', port: 0, path }))
      ).toMatchObject({
        code: 'invalid-input',
        issues: [{ path: 'path' }]
      })
    }
    const first = await w.oauth.startCatcher('sandbox', { host: '127.0.0.1', port: 0, path: '/wx/cb' })
    expect(first.url).toMatch(/\/wx\/cb$/)
    // The emulator holds a port on 127.0.0.1: asking for that one fails with a clear message.
    const taken = Number(new URL(w.desk.services.sandbox?.emulator.url ?? '').port)
    const error = await failureOf(w.oauth.startCatcher('sandbox', { host: '127.0.0.1', port: taken }))
    expect(error.message.en).toBe(`Port ${taken} on 127.0.0.1 is already in use`)
    expect(w.oauth.state().catcher).toMatchObject({ status: 'failed', error: { message: error.message } })
  })

  it('stops on request and when the desk shuts down', async () => {
    const w = await setup()
    const url = await listening(w)
    expect((await w.oauth.stopCatcher()).status).toBe('stopped')
    await expect(fetch(url)).rejects.toThrow()
    const another = await listening(w)
    await w.close()
    world = null
    await expect(fetch(another)).rejects.toThrow()
  })

  it('stays captured when a forged refusal arrives after the capture', async () => {
    const w = await setup()
    const url = await listening(w)
    await fetch(await approve((await w.build(url)).url))
    await eventually(settled(w))
    const forged = await raw(url, '/oauth/callback?state=x')
    expect(forged.status).toBe(409)
    expect(w.oauth.state().catcher).toMatchObject({ status: 'captured', capture: { refused: false } })
    await w.clock.advance(15 * SECOND)
    await eventually(() => w.oauth.state().catcher.closesAt === null)
    expect(w.oauth.state().catcher.status).toBe('captured')
  })

  it('keeps refusals bounded and reports at most one a second', async () => {
    const w = await setup()
    const url = await listening(w)
    let changes = 0
    const off = w.oauth.onChange(() => changes++)
    for (let i = 0; i < 100; i++) {
      expect((await raw(url, `/oauth/callback?state=s${i}`)).status).toBe(200)
    }
    off()
    expect(changes).toBe(1) // the clock did not move: one report
    for (let i = 0; i < 40; i++) {
      await w.clock.advance(SECOND)
      await raw(url, `/oauth/callback?state=t${i}`)
    }
    // Sixteen distinct refused states at the most, however long the flood lasts.
    expect(changes).toBeLessThanOrEqual(16)
    expect(w.oauth.state().catcher.status).toBe('listening')
  })

  it('answers only requests that name it by its own address (DNS rebinding)', async () => {
    const w = await setup()
    const url = await listening(w)
    const { port } = new URL(url)
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await raw(url, '/oauth/callback?code=abcDEF123&state=x', 'GET', { host })
      expect(answer.status, host).toBe(403)
    }
    expect(w.oauth.state().catcher.capture).toBeNull()
    expect(
      (await raw(url, '/oauth/callback?code=abcDEF123&state=x', 'GET', { host: `localhost:${port}` })).status
    ).toBe(200)
  })

  it('shows a code with a state this desk did not issue as unverified, and exchanges it only after the user confirms', async () => {
    const w = await setup()
    const url = await listening(w)
    const link = await w.build(url)
    // Someone else's authorization (login CSRF): a real code, but with a state the desk never issued.
    const landed = new URL(await approve(link.url))
    landed.searchParams.set('state', 'planted')
    await fetch(landed)
    await eventually(() => w.oauth.state().catcher.capture !== null)
    expect(w.oauth.state().catcher.capture).toMatchObject({
      stateVerdict: 'unknown',
      unverified: true,
      awaitingConfirmation: true,
      exchanging: false,
      authorizationId: null
    })
    expect(w.exchanges()).toBe(0)
    const view = await w.oauth.confirmCapture()
    expect(view.capture).toMatchObject({ awaitingConfirmation: false, exchanging: false, error: null })
    expect(view.capture?.authorizationId).not.toBeNull()
    expect(w.exchanges()).toBe(1)
    expect((await failureOf(w.oauth.confirmCapture())).code).toBe('not-found')
  })
})
