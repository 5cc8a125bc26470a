import { describe, expect, it } from 'vitest'
import { SANDBOX_SECRET } from '../../../../src/emulator'
import { failureOf } from '../../../support/desk-failure'
import { oauthWorlds } from '../../../support/oauth-world'

const HOUR = 60 * 60_000
const DAY = 24 * HOUR

const setup = oauthWorlds()

describe('the user tokens of an authorization', () => {
  it('refreshes the user token and checks it, through expiry and back', async () => {
    const w = await setup()
    const authorization = await w.authorize()
    w.clock.sleep(HOUR)
    const refreshed = await w.oauth.refresh(authorization.id)
    expect(refreshed.accessExpiresAt).toBe(w.clock.now() + 7200_000)
    expect(refreshed.accessTokenMasked).toBe(authorization.accessTokenMasked)
    expect(refreshed.refreshExpiresAt).toBe(authorization.refreshExpiresAt)
    expect((await w.oauth.check(authorization.id)).lastCheck).toMatchObject({ valid: true, error: null })

    w.clock.sleep(3 * HOUR)
    const expired = (await w.oauth.check(authorization.id)).lastCheck
    expect(expired).toMatchObject({ valid: false, error: { errcode: 42001 } })
    const renewed = await w.oauth.refresh(authorization.id)
    expect(renewed.accessTokenMasked).not.toBe(authorization.accessTokenMasked)
    expect((await w.oauth.check(authorization.id)).lastCheck).toMatchObject({ valid: true })
  })

  it('explains 42002 when the refresh_token is 30 days old', async () => {
    const w = await setup()
    const authorization = await w.authorize()
    w.clock.sleep(30 * DAY)
    const error = await failureOf(w.oauth.refresh(authorization.id))
    expect(error).toMatchObject({ code: 'wechat', errcode: 42002 })
    expect(error.fix?.en).toContain('authorise again')
  })

  it('reads the user’s profile, and explains 48001 for a token from snsapi_base', async () => {
    const w = await setup()
    const full = await w.authorize('jim-green')
    const withInfo = await w.oauth.userInfo(full.id, 'en')
    expect(withInfo.userInfo).toMatchObject({
      nickname: 'Jim Green',
      lang: 'en',
      openid: full.openid
    })

    const base = await w.authorize(undefined, { scope: 'snsapi_base' })
    expect(base.unionid).toBeNull()
    const error = await failureOf(w.oauth.userInfo(base.id, 'zh_CN'))
    expect(error).toMatchObject({ code: 'wechat', errcode: 48001 })
    expect(error.fix?.en).toContain('snsapi_base gets 48001')
  })

  it('copies fields and ready-to-run curls, never with the AppSecret', async () => {
    const w = await setup()
    const authorization = await w.authorize()
    w.oauth.copyField(authorization.id, 'openid')
    expect(w.desk.clipboard.text).toBe(authorization.openid)
    w.oauth.copyField(authorization.id, 'accessToken')
    const token = w.desk.clipboard.text ?? ''
    expect(token).toMatch(/^\d{2}_[A-Za-z0-9_-]{140}$/)
    w.oauth.copyField(authorization.id, 'curlUserInfo')
    const curl = w.desk.clipboard.text ?? ''
    expect(curl).toMatch(
      /^curl -sS 'http:\/\/127\.0\.0\.1:\d+\/sns\/userinfo\?access_token=.+&openid=o.+&lang=zh_CN'$/
    )
    expect(curl).not.toContain(SANDBOX_SECRET)
    const answer = await fetch(/'(.+)'/.exec(curl)?.[1] ?? '')
    expect(JSON.parse(await answer.text())).toMatchObject({ openid: authorization.openid })
    w.oauth.copyField(authorization.id, 'curlRefresh')
    expect(w.desk.clipboard.text).toContain('grant_type=refresh_token')
    expect(await failureOf(() => w.oauth.copyField('nope', 'openid'))).toMatchObject({ code: 'not-found' })
  })
})
