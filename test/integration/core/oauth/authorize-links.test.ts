import { describe, expect, it } from 'vitest'
import { approve, openAuthorizeLink } from '../../../support/oauth-phone'
import { oauthWorlds, SANDBOX_CALLBACK as CALLBACK } from '../../../support/oauth-world'

const setup = oauthWorlds()

describe('authorize links for the sandbox', () => {
  it('keeps the emulator’s 网页授权 domains in step with the sandbox profile', async () => {
    const w = await setup()
    expect(w.oauth.setup('sandbox')).toMatchObject({ domains: ['127.0.0.1:*'], domainsSource: 'emulator' })
    const sandbox = w.desk.services.profiles.list()[0]
    if (!sandbox) throw new Error('no sandbox profile')
    const { name, appId, kind, env, mode } = sandbox
    w.desk.services.profiles.update('sandbox', {
      name,
      appId,
      kind,
      env,
      mode,
      oauthDomains: ['127.0.0.1:8080']
    })
    expect(w.oauth.setup('sandbox')).toMatchObject({ domains: ['127.0.0.1:8080'], domainsSource: 'profile' })
    expect((await openAuthorizeLink((await w.build(CALLBACK)).url)).ticket).not.toBeNull()
    const elsewhere = await w.build('http://127.0.0.1:9090/cb')
    expect(elsewhere.findings.map((f) => f.rule)).toContain('domain-mismatch')
    expect((await openAuthorizeLink(elsewhere.url)).html).toContain('errcode: 10003')
  })
})

describe('a state is issued once', () => {
  it('gives a link built with an earlier link’s state a fresh one, and says which state it replaced', async () => {
    const w = await setup()
    const first = await w.build(CALLBACK)
    const second = await w.build(CALLBACK, { state: first.state })
    expect(second.state).not.toBe(first.state)
    expect(second.state).toMatch(/^[A-Za-z0-9]{16}$/)
    expect(new URL(second.url).searchParams.get('state')).toBe(second.state)
    expect(second.stateReplaced).toEqual({ state: first.state, verdict: 'issued' })
    expect(first.stateReplaced).toBeUndefined()
  })

  it('never calls a consumed state “issued” again: rebuilding after the redirect gets a fresh state', async () => {
    const w = await setup()
    const link = await w.build(CALLBACK)
    await w.oauth.exchangePasted('sandbox', await approve(link.url))
    expect(w.oauth.parse('sandbox', `${CALLBACK}?code=x&state=${link.state}`).stateVerdict).toBe('used')

    const again = await w.build(CALLBACK, { state: link.state })
    expect(again.stateReplaced).toEqual({ state: link.state, verdict: 'used' })
    expect(w.oauth.parse('sandbox', `${CALLBACK}?code=x&state=${link.state}`).stateVerdict).toBe('used')
  })

  it('lists the links built lately with what became of their states', async () => {
    const w = await setup()
    const used = await w.build(CALLBACK)
    await w.oauth.exchangePasted('sandbox', await approve(used.url))
    const waiting = await w.build(CALLBACK)
    const { links } = w.oauth.state()
    expect(links.map((l) => l.id)).toEqual([waiting.id, used.id])
    expect(links[0]).toMatchObject({ state: waiting.state, usedAt: null, expiresAt: waiting.stateExpiresAt })
    expect(links[1]?.usedAt).toEqual(expect.any(Number))
  })
})
