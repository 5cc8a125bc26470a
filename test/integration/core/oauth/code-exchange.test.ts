import { describe, expect, it } from 'vitest'
import { failureToDeskError } from '../../../../src/core/wechat'
import { SANDBOX_APPID, SANDBOX_SECRET } from '../../../../src/emulator'
import { approve, codeOf } from '../../../support/oauth-phone'
import { failureOf } from '../../../support/desk-failure'
import { oauthWorlds, SANDBOX_CALLBACK as CALLBACK } from '../../../support/oauth-world'

const MIN = 60_000
const DAY = 24 * 60 * MIN

const setup = oauthWorlds()

describe('exchanging codes against the emulator', () => {
  it('exchanges a pasted redirect URL and records who signed in, with a state it issued', async () => {
    const w = await setup()
    const link = await w.build(CALLBACK)
    const landed = await approve(link.url, 'han-meimei')
    const { report, authorization } = await w.oauth.exchangePasted('sandbox', `  ${landed}\n`)
    expect(report).toMatchObject({ kind: 'url', state: link.state, stateVerdict: 'issued' })
    expect(authorization).toMatchObject({
      profileId: 'sandbox',
      appId: SANDBOX_APPID,
      scope: 'snsapi_userinfo',
      state: link.state,
      stateVerdict: 'issued',
      source: 'paste',
      isSnapshotUser: false,
      tokensAvailable: true,
      accessExpiresAt: w.clock.now() + 7200_000,
      refreshExpiresAt: w.clock.now() + 30 * DAY
    })
    expect(authorization.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(authorization.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(authorization.accessTokenMasked).toMatch(/^\d{2}_.{5}••••••.{4}$/)
    expect(w.oauth.parse('sandbox', landed).stateVerdict).toBe('used')
  })

  it('never sends a code twice (its own guard); WeChat would answer 40163 anyway', async () => {
    const w = await setup()
    const landed = await approve((await w.build(CALLBACK)).url)
    await w.oauth.exchangePasted('sandbox', landed)
    const guard = await failureOf(w.oauth.exchangePasted('sandbox', codeOf(landed)))
    expect(guard).toMatchObject({ code: 'guard' })
    expect(guard.message.en).toContain('already exchanged')
    expect(guard.message.en).toContain('40163')
    expect(w.exchanges()).toBe(1)

    // The same code sent by someone else (straight through the client, no guard): WeChat's 40163.
    const direct = await w.desk.services.client.snsExchangeCode({
      apiBase: w.desk.services.sandbox?.emulator.url ?? '',
      appid: SANDBOX_APPID,
      secret: SANDBOX_SECRET,
      code: codeOf(landed)
    })
    expect(direct.ok).toBe(false)
    if (direct.ok) return
    const explained = failureToDeskError(direct.failure, 'oauth')
    expect(explained).toMatchObject({ code: 'wechat', errcode: 40163 })
    expect(explained.message.en).toContain('WeChat error 40163')
  })

  it('shares one upstream call between two exchanges of the same code at once', async () => {
    const w = await setup()
    const landed = await approve((await w.build(CALLBACK)).url)
    const [a, b] = await Promise.all([
      w.oauth.exchangePasted('sandbox', landed),
      w.oauth.exchangePasted('sandbox', landed)
    ])
    expect(a.authorization.id).toBe(b.authorization.id)
    expect(w.exchanges()).toBe(1)
    expect(w.oauth.state().history).toHaveLength(1)
  })

  it('reports a code left unused for 5 minutes as 40029, explained (injected clock)', async () => {
    const w = await setup()
    const landed = await approve((await w.build(CALLBACK)).url)
    w.clock.sleep(5 * MIN)
    const error = await failureOf(w.oauth.exchangePasted('sandbox', landed))
    expect(error).toMatchObject({ code: 'wechat', errcode: 40029 })
    expect(error.message.en).toBe('WeChat error 40029: Invalid or expired OAuth code')
    expect(error.fix?.en).toContain('within 5 minutes')
    expect(error.rid).toMatch(/^[0-9a-f]{8}-/)
  })

  it('says a state is unknown or expired, and still exchanges the code', async () => {
    const w = await setup()
    const link = await w.build(CALLBACK)
    const landed = await approve(link.url)
    const foreign = landed.replace(`state=${link.state}`, 'state=NotFromThisDesk')
    expect(w.oauth.parse('sandbox', foreign).stateVerdict).toBe('unknown')
    w.clock.sleep(30 * MIN)
    expect(w.oauth.parse('sandbox', landed).stateVerdict).toBe('expired')
    expect(w.oauth.parse('sandbox', codeOf(landed))).toMatchObject({
      kind: 'bare-code',
      stateVerdict: 'none'
    })
  })

  it('flags a snapshot-page visitor', async () => {
    const w = await setup()
    const authorization = await w.authorize('snapshot-visitor')
    expect(authorization.isSnapshotUser).toBe(true)
  })

  it('logs every /sns call with the token and secret masked', async () => {
    const w = await setup()
    const authorization = await w.authorize()
    await w.oauth.check(authorization.id)
    const urls = w.desk.services.callLog.list('sandbox').map((entry) => entry.url)
    expect(urls.some((url) => url.includes('/sns/oauth2/access_token') && url.includes('secret=***'))).toBe(
      true
    )
    expect(urls.some((url) => url.includes('/sns/auth?access_token=***'))).toBe(true)
    expect(urls.join(' ')).not.toContain(SANDBOX_SECRET)
  })

  it('refuses to exchange without the AppSecret', async () => {
    const w = await setup()
    const { id } = w.desk.services.profiles.create({
      name: 'Remote OA',
      appId: 'wx0123456789abcdef',
      kind: 'official-account',
      env: 'dev',
      mode: 'remote',
      remoteUrl: 'http://127.0.0.1:17180',
      remoteKey: 'k'.repeat(24)
    })
    const error = await failureOf(w.oauth.exchangePasted(id, 'code=abcdefghij0123456789'))
    expect(error).toMatchObject({ code: 'no-secret' })
    expect(w.exchanges()).toBe(0)
  })
})
