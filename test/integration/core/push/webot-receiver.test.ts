import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  PushService,
  type MessageEntry,
  type PushMode,
  type PushTargetInput,
  type TemplateId
} from '../../../../src/core/push'
import { startWebotReceiver, type Receiver } from '../../../support/push-receivers'

const TOKEN = 'pamtest'
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const APPID = 'wxb11529c136998cb6'

const MESSAGES: TemplateId[] = ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link']
const EVENTS: TemplateId[] = [
  'event.subscribe',
  'event.subscribe.qrscene',
  'event.SCAN',
  'event.LOCATION',
  'event.VIEW',
  'event.TEMPLATESENDJOBFINISH'
]

function codes(entry: MessageEntry): string[] {
  return entry.verdict.findings.map((finding) => `${finding.level}:${finding.code}`)
}

/** node-webot's `wechat` middleware (with wechat-crypto inside) as the developer's Official Account server. */
describe.each<PushMode>(['plain', 'compat', 'safe'])('node-webot wechat middleware, %s mode', (mode) => {
  let receiver: Receiver
  let service: PushService
  let target: PushTargetInput

  beforeAll(async () => {
    receiver = await startWebotReceiver({
      token: TOKEN,
      ...(mode === 'plain' ? {} : { aes: { encodingAESKey: AES_KEY, appid: APPID } })
    })
    service = new PushService()
    target = { url: receiver.url, token: TOKEN, encodingAesKey: AES_KEY, appId: APPID, mode }
  })
  afterAll(async () => {
    await service.close()
    await receiver.close()
  })

  async function push(template: TemplateId, values: Record<string, string> = {}): Promise<MessageEntry> {
    const composed = service.compose(target, template, values)
    if (!composed.ok) throw new Error(composed.error.message.en)
    const sent = await service.send(target, { body: composed.value.body, template })
    if (!sent.ok) throw new Error(sent.error.message.en)
    return sent.value
  }

  /** What the library decoded must be what the desk composed, field for field (MsgId to the last digit). */
  function expectDecoded(template: TemplateId, values: Record<string, string> = {}): void {
    const composed = service.compose(target, template, values)
    if (!composed.ok) throw new Error('compose')
    const decoded = receiver.received.at(-1)
    for (const field of composed.value.fields) {
      if (field.name === 'MsgId' || field.name === 'CreateTime') {
        expect(decoded?.[field.name]).toMatch(/^\d+$/)
      } else expect(decoded?.[field.name]).toBe(field.value)
    }
  }

  it('verifies the URL: the middleware answers the echostr', async () => {
    const result = await service.verify(target)
    if (!result.ok) throw new Error(result.error.message.en)
    const entry = result.value
    expect(entry.verdict.accepted).toBe(true)
    const query = receiver.requests.at(-1)?.query
    expect(Object.keys(query ?? {})).toEqual(['signature', 'echostr', 'timestamp', 'nonce'])
  })

  it.each(MESSAGES)(
    'delivers a %s message the library decodes, and shows its text reply',
    async (template) => {
      const entry = await push(template)
      expect(entry.verdict.accepted).toBe(true)
      expect(entry.verdict.phone.kind).toBe('text')
      expectDecoded(template)
      const query = receiver.requests.at(-1)?.query ?? {}
      const expected = ['signature', 'timestamp', 'nonce', 'openid']
      expect(Object.keys(query)).toEqual(
        mode === 'plain' ? expected : [...expected, 'encrypt_type', 'msg_signature']
      )
      // The MsgId reached the handler digit for digit, beyond 2^53.
      expect(receiver.received.at(-1)?.['MsgId']).toBe(entry.incoming?.msgId)
      expect(BigInt(entry.incoming?.msgId ?? '0') > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true)
    }
  )

  it('reads the fields the middleware decoded back in its reply', async () => {
    const location = await push('location')
    expect(location.verdict.phone).toEqual({
      kind: 'text',
      text: 'location Location_X=23.134521 Location_Y=113.358803 Scale=20 Label=广州市天河区'
    })
  })

  it('sends a CDATA value containing "]]>" intact, and refuses the unsplit CDATA node-webot echoes back', async () => {
    const entry = await push('text', { Content: 'a ]]> b & <c>' })
    expect(receiver.received.at(-1)?.['Content']).toBe('a ]]> b & <c>')
    // node-webot's reply template writes <![CDATA[echo: a ]]> b & <c>]]>: not well-formed XML.
    expect(entry.verdict.accepted).toBe(false)
    expect(codes(entry)).toContain('refusal:malformed-xml')
  })

  it.each(EVENTS)('delivers the %s event and shows the reply', async (template) => {
    const entry = await push(template)
    expect(entry.verdict.accepted).toBe(true)
    expectDecoded(template)
  })

  it('passes a parametric-QR subscribe on with its qrscene_ EventKey and Ticket', async () => {
    const entry = await push('event.subscribe.qrscene', { EventKey: 'qrscene_42' })
    expect(entry.verdict.phone).toEqual({ kind: 'text', text: 'event subscribe qrscene_42' })
    expect(receiver.received.at(-1)?.['Ticket']).toMatch(/^gQH/)
  })

  it('takes the empty answer to unsubscribe as an acknowledgement', async () => {
    const entry = await push('event.unsubscribe')
    expect(entry.verdict.accepted).toBe(true)
    expect(entry.verdict.phone).toEqual({ kind: 'nothing' })
    expect(entry.verdict.reply).toBeNull()
  })

  it('allows up to eight articles in reply to a CLICK event', async () => {
    const entry = await push('event.CLICK')
    expect(entry.verdict.accepted).toBe(true)
    expect(entry.verdict.phone).toMatchObject({ kind: 'news', dropped: 0 })
    expect(codes(entry)).not.toContain('warning:news-over-limit')
  })

  it('parses every kind of passive reply and says what the phone shows', async () => {
    const phone = async (content: string): Promise<MessageEntry> => push('text', { Content: content })
    expect((await phone('reply:image')).verdict.phone).toEqual({ kind: 'image', mediaId: 'image-media-1' })
    expect((await phone('reply:voice')).verdict.phone).toEqual({ kind: 'voice', mediaId: 'voice-media-1' })
    expect((await phone('reply:video')).verdict.phone).toEqual({
      kind: 'video',
      mediaId: 'video-media-1',
      title: 'Clip',
      description: 'A short clip'
    })
    expect((await phone('reply:music')).verdict.phone).toEqual({
      kind: 'music',
      title: 'Song',
      description: 'A song',
      musicUrl: 'https://example.com/song.mp3',
      hqMusicUrl: 'https://example.com/song-hq.mp3',
      thumbMediaId: 'thumb-media-1'
    })
    expect((await phone('reply:news')).verdict.phone).toEqual({
      kind: 'news',
      articles: [
        {
          title: 'Article 1',
          description: 'About 1',
          picUrl: 'https://example.com/1.jpg',
          url: 'https://example.com/1'
        }
      ],
      dropped: 0
    })
    expect((await phone('reply:kf')).verdict.phone).toEqual({
      kind: 'customer-service',
      kfAccount: 'kf2001@gh_d3e07d51b513'
    })
    const empty = await phone('reply:empty')
    expect(empty.verdict).toMatchObject({ accepted: true, phone: { kind: 'nothing' }, reply: null })
  })

  it("warns, without failing, about the library's CreateTime in milliseconds", async () => {
    const entry = await push('text')
    expect(entry.verdict.accepted).toBe(true)
    expect(codes(entry)).toContain('warning:create-time-milliseconds')
    expect(entry.verdict.reply?.encrypted).toBe(mode !== 'plain')
    if (mode !== 'plain') expect(codes(entry)).toContain('warning:timestamp-milliseconds')
  })

  it('keeps only the first article in reply to a text message', async () => {
    const entry = await push('text', { Content: 'reply:news3' })
    expect(entry.verdict.accepted).toBe(true)
    expect(codes(entry)).toContain('warning:news-over-limit')
    expect(entry.verdict.phone).toMatchObject({ kind: 'news', dropped: 2 })
  })

  it('refuses a music reply without the required ThumbMediaId', async () => {
    const entry = await push('text', { Content: 'reply:music-without-thumb' })
    expect(entry.verdict.accepted).toBe(false)
    expect(codes(entry)).toContain('refusal:thumbmediaid-missing')
    expect(entry.verdict.phone).toEqual({
      kind: 'service-unavailable',
      text: '该公众号暂时无法提供服务，请稍后再试'
    })
  })
})

describe('node-webot wechat middleware, misconfigured', () => {
  let service: PushService
  beforeAll(() => {
    service = new PushService()
  })
  afterAll(() => service.close())

  it('explains a wrong Token, showing the sorted string the desk signed with the Token masked', async () => {
    const receiver = await startWebotReceiver({ token: 'anotherToken' })
    try {
      const target = { url: receiver.url, token: TOKEN }
      const verified = await service.verify(target)
      if (!verified.ok) throw new Error('verify')
      const { verdict, request } = verified.value
      expect(verdict.accepted).toBe(false)
      expect(verdict.findings[0]?.code).toBe('signature-refused')
      expect(verdict.summary.en).toContain('HTTP 401')
      expect(verdict.summary.en).toContain(request.signature.joined)
      expect(request.signature.joined).toContain('p•••••t')
      expect(JSON.stringify(verified.value)).not.toContain(TOKEN)

      const composed = service.compose(target, 'text')
      if (!composed.ok) throw new Error('compose')
      const pushed = await service.send(target, { body: composed.value.body })
      if (!pushed.ok) throw new Error('send')
      expect(pushed.value.verdict.findings[0]?.code).toBe('signature-refused')
      expect(pushed.value.verdict.phone.kind).toBe('service-unavailable')
    } finally {
      await receiver.close()
    }
  })

  it('explains a safe-mode msg_signature refused for a wrong Token', async () => {
    const receiver = await startWebotReceiver({
      token: 'anotherToken',
      aes: { encodingAESKey: AES_KEY, appid: APPID }
    })
    try {
      const target = {
        url: receiver.url,
        token: TOKEN,
        encodingAesKey: AES_KEY,
        appId: APPID,
        mode: 'safe' as const
      }
      const composed = service.compose(target, 'text')
      if (!composed.ok) throw new Error('compose')
      const pushed = await service.send(target, { body: composed.value.body })
      if (!pushed.ok) throw new Error('send')
      const first = pushed.value.verdict.findings[0]
      expect(first?.code).toBe('signature-refused')
      expect(first?.message.en).toContain('msg_signature')
      expect(first?.message.en).toContain(pushed.value.request.msgSignature?.joined ?? '?')
    } finally {
      await receiver.close()
    }
  })

  it('refuses a reply encrypted for another AppID (node-webot does not check the AppID it decrypts)', async () => {
    const receiver = await startWebotReceiver({
      token: TOKEN,
      aes: { encodingAESKey: AES_KEY, appid: 'wx0123456789abcdef' }
    })
    try {
      const target = {
        url: receiver.url,
        token: TOKEN,
        encodingAesKey: AES_KEY,
        appId: APPID,
        mode: 'safe' as const
      }
      const composed = service.compose(target, 'text')
      if (!composed.ok) throw new Error('compose')
      const pushed = await service.send(target, { body: composed.value.body })
      if (!pushed.ok) throw new Error('send')
      expect(pushed.value.verdict.accepted).toBe(false)
      expect(pushed.value.verdict.findings[0]?.code).toBe('reply-appid-mismatch')
    } finally {
      await receiver.close()
    }
  })
})
