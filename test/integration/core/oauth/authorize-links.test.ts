import { describe, expect, it } from 'vitest'
import { openAuthorizeLink } from '../../../support/oauth-phone'
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
