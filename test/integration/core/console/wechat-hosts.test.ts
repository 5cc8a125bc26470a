import { MockAgent } from 'undici'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestDesk, type TestDesk } from '../../../support/desk'

// showqrcode lives on mp.weixin.qq.com, not on api.weixin.qq.com. Nothing here reaches the network: an
// undici MockAgent answers for WeChat's hosts and refuses anything else.

let desk: TestDesk | null = null
afterEach(async () => {
  await desk?.close()
  desk = null
})

describe("the console and the gateway on WeChat's real hosts", () => {
  it('fetch a QR code image from mp.weixin.qq.com, not from the API host', async () => {
    const agent = new MockAgent()
    agent.disableNetConnect()
    const api = agent.get('https://api.weixin.qq.com')
    api
      .intercept({ path: '/cgi-bin/stable_token', method: 'POST' })
      .reply(200, { access_token: 'ACCESS_TOKEN_FROM_MOCK_0123456789', expires_in: 7200 })
      .persist()
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const mp = agent.get('https://mp.weixin.qq.com')
    // Matched exactly: the access_token is not sent to mp.weixin.qq.com (the ticket is showqrcode's credential).
    mp.intercept({ path: '/cgi-bin/showqrcode?ticket=T1', method: 'GET' }).reply(200, png, {
      headers: { 'content-type': 'image/jpg' }
    })

    desk = await startTestDesk({ dispatcher: agent })
    const app = desk.services.profiles.create({
      name: 'Real OA',
      appId: 'wx00112233445566aa',
      secret: '0123456789abcdef0123456789abcdef',
      kind: 'official-account',
      env: 'dev',
      mode: 'stable',
      apiBase: 'https://api.weixin.qq.com'
    })
    const { response } = await desk.services.console.send(app.id, 'req-qr-1', {
      method: 'GET',
      path: '/cgi-bin/showqrcode',
      query: [['ticket', 'T1']],
      body: { kind: 'none' }
    })
    expect(response).toMatchObject({ outcome: 'answered', status: 200 })
    expect(response.url).toBe('https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=***')
    expect(response.contentType).toBe('image/jpg')
    agent.assertNoPendingInterceptors()
    await agent.close()
  })
})
