import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PushConfigDraft } from '../../../src/shared/contract'
import { startPushDesk, type PushDesk } from '../../support/push-desk'
import { startFixedReceiver, startWebotReceiver, type Receiver } from '../../support/push-receivers'

// The push tab's calls through the real handler table and services, against servers written with node-webot's
// `wechat` middleware on 127.0.0.1: what the renderer gets, and what the developer's server receives.

const TOKEN = 'deskToken2026'
const SANDBOX_APPID = 'wx5e1d0c7a3b9f2468'
const id = 'sandbox'

const draft = (over: Partial<PushConfigDraft> = {}): PushConfigDraft => ({
  url: '',
  token: TOKEN,
  mode: 'plain',
  format: 'xml',
  accountId: '',
  openid: '',
  ...over
})

describe('the push tab, end to end through the handlers', () => {
  let desk: PushDesk
  const receivers: Receiver[] = []
  const receiver = async (start: Promise<Receiver>): Promise<Receiver> => {
    const started = await start
    receivers.push(started)
    return started
  }

  beforeEach(async () => {
    desk = await startPushDesk({ pushAttemptTimeoutMs: 400 })
  })
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()))
    await desk.close()
  })

  it('configures, verifies and sends a text; the reply is judged and the history keeps both', async () => {
    const server = await receiver(startWebotReceiver({ token: TOKEN }))
    const config = await desk.value('savePushConfig', { id, draft: draft({ url: server.url }) })
    expect(config).toMatchObject({
      url: server.url,
      hasToken: true,
      tokenMask: '••••••••2026',
      mode: 'plain',
      account: 'official-account',
      format: 'xml',
      accountId: 'gh_d3e07d51b513',
      openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
      appId: SANDBOX_APPID
    })

    const verified = await desk.value('verifyPushUrl', { id })
    expect(verified.verdict.accepted).toBe(true)
    expect(server.requests[0]?.method).toBe('GET')

    const composed = await desk.value('composePush', {
      id,
      template: 'text',
      values: { Content: 'hello desk' },
      format: 'xml',
      accountId: '',
      openid: ''
    })
    expect(composed.body).toContain('<Content><![CDATA[hello desk]]></Content>')
    const sent = await desk.value('sendPush', { id, body: composed.body, template: 'text', retry: false })
    expect(sent.verdict).toMatchObject({ accepted: true, phone: { kind: 'text', text: 'echo: hello desk' } })
    expect(server.received.at(-1)).toMatchObject({ MsgType: 'text', Content: 'hello desk' })

    const state = await desk.value('getPushState', { id })
    expect(state.history.map((entry) => entry.kind)).toEqual(['push', 'verify'])
    expect(state).toMatchObject({ attemptTimeoutMs: 400, deliveries: 3 })

    // Each delivery, then each finished entry, told as they happen, tagged with the app.
    expect(desk.activity.map((a) => `${a.profileId}:${a.type}`)).toEqual([
      'sandbox:attempt',
      'sandbox:entry',
      'sandbox:attempt',
      'sandbox:entry'
    ])

    await desk.value('copyPushCurl', { id, entryId: sent.id })
    expect(desk.clipboard.text).toMatch(/^curl -sS -i --max-time 5 -X POST '.*[?&]signature=[0-9a-f]{40}&/)
    expect(desk.clipboard.text).toContain('hello desk')

    expect(await desk.value('clearPushHistory', { id })).toEqual([])
    expect((await desk.value('getPushState', { id })).history).toEqual([])
    expect((await desk.error('copyPushCurl', { id, entryId: sent.id })).code).toBe('not-found')
  })

  it('previews a template before anything is configured, and sends nothing until a configuration is saved', async () => {
    const state = await desk.value('getPushState', { id })
    expect(state.config).toMatchObject({ url: '', hasToken: false, hasAesKey: false, mode: 'plain' })
    expect(state.templates.map((t) => t.id)).toContain('event.subscribe.qrscene')
    expect(state.templates.every((t) => t.account === 'official-account')).toBe(true)

    const composed = await desk.value('composePush', {
      id,
      template: 'event.subscribe.qrscene',
      values: { EventKey: 'qrscene_42' },
      format: 'json',
      accountId: 'gh_0123456789ab',
      openid: 'oUser'
    })
    // An Official Account pushes XML whatever the form left selected.
    expect(composed.body).toMatch(/^<xml><ToUserName><!\[CDATA\[gh_0123456789ab\]\]><\/ToUserName>/)
    expect(composed.body).toContain('<EventKey><![CDATA[qrscene_42]]></EventKey>')

    const refused = await desk.error('verifyPushUrl', { id })
    expect(refused.code).toBe('invalid-input')
    expect(refused.issues?.map((issue) => issue.path)).toEqual(['url', 'token'])
  })

  it('names every field that needs fixing, and saves none of it', async () => {
    const error = await desk.error('savePushConfig', {
      id,
      draft: draft({ url: 'ftp://example.com', token: 'a b', mode: 'safe', accountId: 'gh bad' })
    })
    expect(error.code).toBe('invalid-input')
    expect(error.issues?.map((issue) => issue.path)).toEqual(['url', 'token', 'accountId', 'encodingAesKey'])
    expect(error.issues?.[1]?.message['zh-CN']).toContain('Token')
    expect((await desk.value('getPushState', { id })).config).toMatchObject({ url: '', hasToken: false })
  })

  it('keeps the saved Token when the form leaves it empty, and refuses to copy a secret never saved', async () => {
    const server = await receiver(startWebotReceiver({ token: TOKEN }))
    expect((await desk.error('copyPushSecret', { id, secret: 'token' })).code).toBe('not-found')
    await desk.value('savePushConfig', { id, draft: draft({ url: server.url }) })
    const again = await desk.value('savePushConfig', {
      id,
      draft: draft({ url: server.url, token: '', openid: 'oAnotherUser' })
    })
    expect(again).toMatchObject({ hasToken: true, openid: 'oAnotherUser' })
    await desk.value('copyPushSecret', { id, secret: 'token' })
    expect(desk.clipboard.text).toBe(TOKEN)
    expect((await desk.value('verifyPushUrl', { id })).verdict.accepted).toBe(true)
  })

  it('safe mode: a generated key, pasted into the server, carries the push encrypted and opens the reply', async () => {
    const generated = await desk.value('generatePushAesKey', { id })
    expect(generated).toMatchObject({
      hasAesKey: true,
      aesKeyMask: expect.stringMatching(/^•{8}[A-Za-z0-9]{4}$/)
    })
    await desk.value('copyPushSecret', { id, secret: 'encodingAesKey' })
    const key = desk.clipboard.text ?? ''
    expect(key).toMatch(/^[A-Za-z0-9]{43}$/)

    const server = await receiver(
      startWebotReceiver({ token: TOKEN, aes: { encodingAESKey: key, appid: SANDBOX_APPID } })
    )
    await desk.value('savePushConfig', { id, draft: draft({ url: server.url, mode: 'safe' }) })
    const composed = await desk.value('composePush', {
      id,
      template: 'text',
      values: { Content: 'sealed' },
      format: 'xml',
      accountId: '',
      openid: ''
    })
    const sent = await desk.value('sendPush', { id, body: composed.body, template: 'text', retry: false })

    expect(server.requests.at(-1)?.query).toMatchObject({ encrypt_type: 'aes' })
    expect(sent.request.body).not.toContain('sealed')
    expect(server.received.at(-1)).toMatchObject({ Content: 'sealed' })
    expect(sent.verdict).toMatchObject({
      accepted: true,
      phone: { kind: 'text', text: 'echo: sealed' },
      reply: { encrypted: true }
    })
  })

  it('retries like WeChat when asked: a slow handler gets the same push three times, each delivery told as it ends', async () => {
    const server = await receiver(startWebotReceiver({ token: TOKEN, delayFor: () => 2_000 }))
    await desk.value('savePushConfig', { id, draft: draft({ url: server.url }) })
    const composed = await desk.value('composePush', {
      id,
      template: 'text',
      values: {},
      format: 'xml',
      accountId: '',
      openid: ''
    })
    const sent = await desk.value('sendPush', { id, body: composed.body, template: 'text', retry: true })

    expect(sent.attempts.map((a) => a.outcome.kind)).toEqual(['timeout', 'timeout', 'timeout'])
    expect(sent.verdict).toMatchObject({ accepted: false, phone: { kind: 'service-unavailable' } })
    expect(server.received.map((m) => m['MsgId'])).toEqual(Array(3).fill(server.received[0]?.['MsgId']))
    expect(
      desk.activity.map((a) => (a.type === 'attempt' ? `attempt ${a.attempt.delivery}` : 'entry'))
    ).toEqual(['attempt 1', 'attempt 2', 'attempt 3', 'entry'])
  })

  it('explains a failed verification: another Token on the server, with the sorted string the desk signed', async () => {
    const server = await receiver(startWebotReceiver({ token: 'someOtherToken' }))
    await desk.value('savePushConfig', { id, draft: draft({ url: server.url }) })
    const verified = await desk.value('verifyPushUrl', { id })
    expect(verified.verdict.accepted).toBe(false)
    expect(verified.verdict.findings[0]).toMatchObject({ level: 'refusal', code: 'signature-refused' })
    expect(verified.verdict.findings[0]?.message.en).toContain('d•••••••••••6')
  })

  it('answers a call that races the shutdown (a debounced compose) instead of reading a torn-down store', async () => {
    const closing = await startPushDesk()
    await closing.close()
    const error = await closing.error('composePush', {
      id,
      template: 'text',
      values: {},
      format: 'xml',
      accountId: '',
      openid: ''
    })
    expect(error).toMatchObject({ code: 'internal', message: { en: 'The desk is shutting down' } })
  })

  it('a Mini Program gets the customer-service pushes, in JSON when its console says so', async () => {
    const created = await desk.value('createApp', {
      name: 'Mini',
      appId: 'wx0123456789abcdef',
      secret: '0123456789abcdef0123456789abcdef',
      kind: 'mini-program',
      env: 'dev',
      mode: 'stable'
    })
    const state = await desk.value('getPushState', { id: created.id })
    expect(state.config).toMatchObject({ account: 'mini-program', appId: 'wx0123456789abcdef' })
    expect(state.templates.map((t) => t.id)).toEqual([
      'mp.text',
      'mp.image',
      'mp.miniprogrampage',
      'mp.event.user_enter_tempsession'
    ])
    const composed = await desk.value('composePush', {
      id: created.id,
      template: 'mp.text',
      values: { Content: 'hi' },
      format: 'json',
      accountId: '',
      openid: ''
    })
    expect(JSON.parse(composed.body)).toMatchObject({ MsgType: 'text', Content: 'hi' })
    const server = await receiver(startFixedReceiver({ status: 200, body: 'success' }))
    await desk.value('savePushConfig', {
      id: created.id,
      draft: draft({ url: server.url, format: 'json' })
    })
    const sent = await desk.value('sendPush', {
      id: created.id,
      body: composed.body,
      template: 'mp.text',
      retry: false
    })
    expect(sent.request.headers['content-type']).toBe('application/json')
    expect(sent.verdict).toMatchObject({ accepted: true, phone: { kind: 'nothing' } })

    // Deleting the app forgets its configuration and history with it.
    await desk.value('deleteApp', { id: created.id })
    expect((await desk.error('getPushState', { id: created.id })).code).toBe('not-found')
  })
})
