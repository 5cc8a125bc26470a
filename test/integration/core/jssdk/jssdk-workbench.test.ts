import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_PROFILE_ID } from '../../../../src/core/profiles'
import { ManualClock } from '../../../../src/core/time/clock'
import { startTestDesk, type TestDesk } from '../../../support/desk'
import { failureOf } from '../../../support/desk-failure'

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')

// The JS-SDK workbench on the sandbox: the jsapi_ticket comes from the emulator over real HTTP.
describe('the JS-SDK workbench on the sandbox', () => {
  let desk: TestDesk
  const clock = new ManualClock()
  beforeAll(async () => {
    desk = await startTestDesk({ clock })
  })
  afterAll(() => desk.close())

  const jssdk = () => desk.services.jssdk
  const PAGE = 'https://127.0.0.1/pay?order=1#/step/2'
  const SIGNED_URL = 'https://127.0.0.1/pay?order=1'

  it('starts with no ticket held, then fetches the shared one with its life', async () => {
    const setup = jssdk().setup(SANDBOX_PROFILE_ID)
    expect(setup.ticket.held).toBe(false)
    expect(setup.timestamp).toBe(String(Math.floor(clock.now() / 1000)))
    const view = await jssdk().fetchTicket(SANDBOX_PROFILE_ID)
    expect(view.held).toBe(true)
    expect(view.expiresAt! - view.now).toBe(7_200_000)
    const { ticket } = jssdk().revealTicket(SANDBOX_PROFILE_ID)
    expect(view.masked).not.toContain(ticket)
    expect(view.masked?.slice(0, 4)).toBe(ticket.slice(0, 4))
  })

  it('signs a page with the app’s ticket: the fragment dropped, the ticket masked in the string shown', async () => {
    const signed = await jssdk().sign({
      profileId: SANDBOX_PROFILE_ID,
      url: PAGE,
      nonceStr: 'abc123XYZ',
      timestamp: '1700000000'
    })
    const { ticket } = jssdk().revealTicket(SANDBOX_PROFILE_ID)
    const real = `jsapi_ticket=${ticket}&noncestr=abc123XYZ&timestamp=1700000000&url=${SIGNED_URL}`
    expect(signed.url).toBe(SIGNED_URL)
    expect(signed.findings.map((f) => f.rule)).toContain('fragment-stripped')
    expect(signed.result?.signature).toBe(sha1(real))
    expect(signed.result?.signed).not.toContain(ticket)
    expect(signed.snippet).toContain(`signature: "${sha1(real)}"`)
    const revealed = await jssdk().sign({
      profileId: SANDBOX_PROFILE_ID,
      url: PAGE,
      nonceStr: 'abc123XYZ',
      timestamp: '1700000000',
      revealTicket: true
    })
    expect(revealed.result?.signed).toBe(real)
  })

  it('reproduces the documented vector with a typed ticket', async () => {
    const signed = await jssdk().sign({
      profileId: SANDBOX_PROFILE_ID,
      url: 'http://mp.weixin.qq.com?params=value',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      timestamp: '1414587457',
      ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'
    })
    expect(signed.ticketSource).toBe('typed')
    expect(signed.result?.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })

  it('checks the page host against the app’s JS接口安全域名', async () => {
    const app = desk.services.profiles.get(SANDBOX_PROFILE_ID)
    desk.services.profiles.update(SANDBOX_PROFILE_ID, {
      name: app.name,
      appId: app.appId,
      kind: app.kind,
      env: app.env,
      mode: app.mode,
      jsDomains: ['www.example.com']
    })
    expect(jssdk().setup(SANDBOX_PROFILE_ID).jsDomains).toEqual(['www.example.com'])
    const signed = await jssdk().sign({
      profileId: SANDBOX_PROFILE_ID,
      url: PAGE,
      nonceStr: 'n',
      timestamp: '1'
    })
    expect(signed.findings.find((f) => f.rule === 'domain-not-registered')?.level).toBe('error')
  })

  it('says which input differs when a page reports invalid signature', async () => {
    const { ticket } = jssdk().revealTicket(SANDBOX_PROFILE_ID)
    const withFragment = sha1(`jsapi_ticket=${ticket}&noncestr=n0nce&timestamp=1700000000&url=${PAGE}`)
    const diagnosis = await jssdk().diagnose({
      profileId: SANDBOX_PROFILE_ID,
      pageUrl: PAGE,
      nonceStr: 'n0nce',
      timestamp: '1700000000',
      signature: withFragment
    })
    expect(diagnosis.cause).toBe('url-fragment')
    expect(diagnosis.expected.signed).not.toContain(ticket)
    const right = sha1(`jsapi_ticket=${ticket}&noncestr=n0nce&timestamp=1700000000&url=${SIGNED_URL}`)
    const ok = await jssdk().diagnose({
      profileId: SANDBOX_PROFILE_ID,
      pageUrl: PAGE,
      nonceStr: 'n0nce',
      timestamp: '1700000000',
      signature: right
    })
    expect(ok.cause).toBe('matches')
  })

  it('names each missing value of a diagnosis', async () => {
    const failure = await failureOf(
      jssdk().diagnose({
        profileId: SANDBOX_PROFILE_ID,
        pageUrl: 'x',
        nonceStr: '',
        timestamp: '',
        signature: 'z'
      })
    )
    expect(failure.issues?.map((i) => i.path)).toEqual(['pageUrl', 'nonceStr', 'timestamp', 'signature'])
  })
})
