import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decrypt, encrypt } from '@wecom/crypto'
import WXBizMsgCrypt from 'wechat-crypto'
import {
  aesKeyOf,
  encryptPayload,
  PushService,
  type MessageEntry,
  type PushMode,
  type PushTargetInput,
  type TemplateId
} from '../../../../src/core/push'
import { startWebotReceiver, startWecomJsonReceiver, type Receiver } from '../../../support/push-receivers'

const TOKEN = 'AAAAA'
const AES_KEY = 'A'.repeat(43)
const APPID = 'wxba5fad812f8e6fb9'

describe('third-party crypto libraries open what the desk seals', () => {
  it('reproduces vector A with @wecom/crypto and decrypts the desk with both libraries', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
    const random = Buffer.from('aaaabbbbccccdddd')
    const desk = encryptPayload(aesKeyOf(key), '我是中文abcd123', 'wxb11529c136998cb6', random)
    expect(encrypt(key, '我是中文abcd123', 'wxb11529c136998cb6', random)).toBe(desk)
    expect(decrypt(key, desk)).toMatchObject({ message: '我是中文abcd123', id: 'wxb11529c136998cb6' })
    const webot = new WXBizMsgCrypt('pamtest', key, 'wxb11529c136998cb6')
    expect(webot.decrypt(desk)).toEqual({ message: '我是中文abcd123', id: 'wxb11529c136998cb6' })
    expect(webot.getSignature('1409304348', 'xxxxxx', desk)).toBe('82c962d39941aa48552f90ef55aa323dc620cc10')
  })
})

/** A Mini Program server in JSON format, written with @wecom/crypto. */
describe.each<PushMode>(['plain', 'compat', 'safe'])(
  '@wecom/crypto Mini Program receiver (JSON), %s mode',
  (mode) => {
    let receiver: Receiver
    let service: PushService
    let target: PushTargetInput

    beforeAll(async () => {
      receiver = await startWecomJsonReceiver({ token: TOKEN, encodingAESKey: AES_KEY, appid: APPID })
      service = new PushService()
      target = {
        url: receiver.url,
        token: TOKEN,
        encodingAesKey: AES_KEY,
        appId: APPID,
        mode,
        account: 'mini-program',
        format: 'json'
      }
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

    it('verifies the URL', async () => {
      const result = await service.verify(target)
      expect(result.ok && result.value.verdict.accepted).toBe(true)
    })

    it.each<TemplateId>(['mp.text', 'mp.image', 'mp.miniprogrampage', 'mp.event.user_enter_tempsession'])(
      'delivers %s as JSON the receiver decrypts, acknowledged with success',
      async (template) => {
        const entry = await push(template)
        expect(entry.verdict).toMatchObject({ accepted: true, phone: { kind: 'nothing' }, reply: null })
        expect(entry.verdict.summary.en).toContain('Acknowledged (success)')
        const composed = service.compose(target, template)
        if (!composed.ok) throw new Error('compose')
        const decoded = receiver.received.at(-1) ?? {}
        for (const field of composed.value.fields) {
          if (field.name !== 'MsgId' && field.name !== 'CreateTime')
            expect(decoded[field.name]).toBe(field.value)
        }
        if (entry.incoming?.msgId) expect(decoded['MsgId']).toBe(entry.incoming.msgId)
        if (mode === 'safe')
          expect(Object.keys(JSON.parse(entry.request.body ?? '{}'))).toEqual(['ToUserName', 'Encrypt'])
      }
    )

    it('reads a transfer_customer_service reply in JSON, decrypting it outside plain mode', async () => {
      const entry = await push('mp.text', { Content: 'reply:kf' })
      expect(entry.verdict.accepted).toBe(true)
      expect(entry.verdict.phone).toEqual({ kind: 'customer-service', kfAccount: null })
      expect(entry.verdict.reply).toMatchObject({
        encrypted: mode !== 'plain',
        msgType: 'transfer_customer_service'
      })
      expect(entry.verdict.findings.filter((f) => f.level !== 'note')).toEqual([])
    })
  }
)

describe('Mini Program receivers, misconfigured or in XML', () => {
  let service: PushService
  beforeAll(() => {
    service = new PushService()
  })
  afterAll(() => service.close())

  it('explains a plain push refused by a receiver that runs in safe mode', async () => {
    const receiver = await startWecomJsonReceiver({
      token: TOKEN,
      encodingAESKey: AES_KEY,
      appid: APPID,
      requireEncryption: true
    })
    try {
      const target = {
        url: receiver.url,
        token: TOKEN,
        account: 'mini-program' as const,
        format: 'json' as const
      }
      const composed = service.compose(target, 'mp.text')
      if (!composed.ok) throw new Error('compose')
      const sent = await service.send(target, { body: composed.value.body })
      if (!sent.ok) throw new Error('send')
      expect(sent.value.verdict.findings[0]?.code).toBe('wrong-mode')
      expect(sent.value.verdict.phone).toEqual({
        kind: 'service-unavailable',
        text: '该小程序客服暂时无法提供服务，请稍后再试'
      })
    } finally {
      await receiver.close()
    }
  })

  it('explains a receiver holding another EncodingAESKey', async () => {
    const receiver = await startWecomJsonReceiver({
      token: TOKEN,
      encodingAESKey: 'B'.repeat(43),
      appid: APPID
    })
    try {
      const target = {
        url: receiver.url,
        token: TOKEN,
        encodingAesKey: AES_KEY,
        appId: APPID,
        mode: 'safe' as const,
        account: 'mini-program' as const,
        format: 'json' as const
      }
      const composed = service.compose(target, 'mp.text')
      if (!composed.ok) throw new Error('compose')
      const sent = await service.send(target, { body: composed.value.body })
      if (!sent.ok) throw new Error('send')
      expect(sent.value.verdict.findings[0]?.code).toBe('cannot-open')
    } finally {
      await receiver.close()
    }
  })

  it('in XML safe mode (node-webot), accepts transfer_customer_service and warns about other passive replies', async () => {
    const receiver = await startWebotReceiver({
      token: TOKEN,
      aes: { encodingAESKey: AES_KEY, appid: APPID }
    })
    try {
      const target = {
        url: receiver.url,
        token: TOKEN,
        encodingAesKey: AES_KEY,
        appId: APPID,
        mode: 'safe' as const,
        account: 'mini-program' as const
      }
      const send = async (content: string): Promise<MessageEntry> => {
        const composed = service.compose(target, 'mp.text', { Content: content })
        if (!composed.ok) throw new Error('compose')
        const sent = await service.send(target, { body: composed.value.body })
        if (!sent.ok) throw new Error('send')
        return sent.value
      }
      const kf = await send('reply:kf')
      expect(kf.verdict).toMatchObject({ accepted: true, phone: { kind: 'customer-service' } })
      const echoed = await send('hello')
      expect(echoed.verdict.accepted).toBe(true)
      expect(echoed.verdict.findings.map((f) => f.code)).toContain('mini-program-passive-reply')
      const page = service.compose(target, 'mp.miniprogrampage')
      if (!page.ok) throw new Error('compose')
      const sent = await service.send(target, { body: page.value.body })
      expect(sent.ok && sent.value.verdict.accepted).toBe(true)
      expect(receiver.received.at(-1)).toMatchObject({
        MsgType: 'miniprogrampage',
        PagePath: 'pages/index/index'
      })
    } finally {
      await receiver.close()
    }
  })
})
