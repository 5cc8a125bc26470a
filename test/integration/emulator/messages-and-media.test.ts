import { describe, expect, it } from 'vitest'
import {
  apiGet,
  apiPost,
  errcodeOf,
  jpegOfSize,
  MINI_PROGRAM,
  OFFICIAL_ACCOUNT,
  openidOf,
  pngOfSize,
  SANDBOX,
  tokenFor,
  upload,
  useCatalogue
} from '../../support/catalogue-client'
import { call, MINUTE } from '../../support/emulator-client'
import type { Emulator } from '../../../src/emulator'

// 消息 and 素材 (wechat-api.md §11.5) on the emulator.

const MB = 1024 * 1024
const DAY = 24 * 60 * MINUTE

interface Template {
  template_id: string
  title: string
  content: string
}

async function templatesOf(emulator: Emulator, token: string): Promise<Template[]> {
  return (await apiGet(emulator, '/cgi-bin/template/get_all_private_template', token)).json[
    'template_list'
  ] as Template[]
}

describe('template messages', () => {
  const ctx = useCatalogue()

  it("lists the account's templates, with ids of its own", async () => {
    const { emulator } = ctx
    const answer = await apiGet(
      emulator,
      '/cgi-bin/template/get_all_private_template',
      await tokenFor(emulator, OFFICIAL_ACCOUNT)
    )
    expect(Object.keys(answer.json)).toEqual(['template_list'])
    const list = answer.json['template_list'] as Record<string, unknown>[]
    expect(list.length).toBeGreaterThan(0)
    for (const template of list) {
      expect(Object.keys(template).sort()).toEqual(
        ['content', 'deputy_industry', 'example', 'primary_industry', 'template_id', 'title'].sort()
      )
      expect(template['template_id']).toMatch(/^[\w-]{43}$/)
    }
    const sandbox = await templatesOf(emulator, await tokenFor(emulator, SANDBOX))
    expect(sandbox[0]?.template_id).not.toBe(list[0]?.['template_id'])
  })

  it('sends to a follower and answers a msgid; the same client_msg_id within 10 minutes sends nothing new', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const [template] = await templatesOf(emulator, token)
    const message = {
      touser: openidOf(OFFICIAL_ACCOUNT, 'li-lei'),
      template_id: template!.template_id,
      url: 'https://example.com/order/1',
      client_msg_id: 'order-1',
      data: {
        first: { value: '您的订单已支付成功' },
        amount: { value: '39.80元', color: '#173177' },
        product: { value: '微信定制马克杯' },
        remark: { value: '感谢您的光临' }
      }
    }
    const sent = await apiPost(emulator, '/cgi-bin/message/template/send', token, message)
    expect(sent.json).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) })
    const again = await apiPost(emulator, '/cgi-bin/message/template/send', token, message)
    expect(again.json['msgid']).toBe(sent.json['msgid'])
    await clock.advance(10 * MINUTE)
    const later = await apiPost(emulator, '/cgi-bin/message/template/send', token, message)
    expect(later.json['msgid']).not.toBe(sent.json['msgid'])
    const { client_msg_id: _, ...plain } = message
    const first = await apiPost(emulator, '/cgi-bin/message/template/send', token, plain)
    const second = await apiPost(emulator, '/cgi-bin/message/template/send', token, plain)
    expect(first.json['msgid']).not.toBe(second.json['msgid'])
  })

  it('answers 40003, 40037, 43004 and 47003 (naming the field) as WeChat does', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const [, booking] = await templatesOf(emulator, token)
    const data = {
      thing1: { value: '体检套餐' },
      time2: { value: '2026年11月22日 10:00' },
      character_string3: { value: 'A1024' }
    }
    const send = async (fields: Record<string, unknown>): Promise<unknown> =>
      errcodeOf(
        await apiPost(emulator, '/cgi-bin/message/template/send', token, {
          touser: openidOf(OFFICIAL_ACCOUNT, 'han-meimei'),
          template_id: booking!.template_id,
          data,
          ...fields
        })
      )
    expect(await send({})).toBe(0)
    expect(await send({ touser: '' })).toBe(40003)
    expect(await send({ touser: openidOf(SANDBOX, 'han-meimei') })).toBe(40003)
    expect(await send({ template_id: 'no-such-template' })).toBe(40037)
    expect(await send({ template_id: '' })).toBe(40037)
    expect(await send({ touser: openidOf(OFFICIAL_ACCOUNT, 'jim-green') })).toBe(43004)
    const missing = await apiPost(emulator, '/cgi-bin/message/template/send', token, {
      touser: openidOf(OFFICIAL_ACCOUNT, 'han-meimei'),
      template_id: booking!.template_id,
      data: { ...data, time2: { value: '' } }
    })
    expect(errcodeOf(missing)).toBe(47003)
    expect(String(missing.json['errmsg'])).toMatch(/^argument invalid! data\.time2\.value is empty rid: /)
    expect(await send({ data: { ...data, thing1: { value: 5 } } })).toBe(47003)
    expect(await send({ touser: 7 })).toBe(47001)
  })
})

describe('POST /cgi-bin/media/upload', () => {
  const ctx = useCatalogue()

  it('takes a multipart file in the `media` field and answers type, media_id and created_at', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const answer = await upload(emulator, token, 'image', {
      filename: 'qr.png',
      bytes: pngOfSize(2048),
      mime: 'image/png'
    })
    expect(answer.json).toEqual({
      type: 'image',
      media_id: expect.any(String),
      created_at: Math.floor(clock.now() / 1000)
    })
    expect(answer.json['media_id']).toMatch(/^[\w-]{64}$/)
    const thumb = await upload(emulator, token, 'thumb', { filename: 'cover.JPG', bytes: jpegOfSize(1000) })
    expect(thumb.json).toEqual({
      type: 'thumb',
      thumb_media_id: expect.any(String),
      created_at: expect.any(Number)
    })
    const voice = await upload(emulator, token, 'voice', {
      filename: 'a.amr',
      bytes: Buffer.from('#!AMR\n....')
    })
    expect(voice.json['type']).toBe('voice')
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(100)])
    expect((await upload(emulator, token, 'video', { filename: 'a.mp4', bytes: mp4 })).json['type']).toBe(
      'video'
    )
  })

  it('answers 40004 for a missing or unknown type; a Mini Program uploads images only', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const file = { filename: 'a.png', bytes: pngOfSize(100) }
    expect(errcodeOf(await upload(emulator, token, '', file))).toBe(40004)
    expect(errcodeOf(await upload(emulator, token, 'news', file))).toBe(40004)
    const miniProgram = await tokenFor(emulator, MINI_PROGRAM)
    expect((await upload(emulator, miniProgram, 'image', file)).json['type']).toBe('image')
    expect(
      errcodeOf(
        await upload(emulator, miniProgram, 'voice', { filename: 'a.mp3', bytes: Buffer.from('ID3....') })
      )
    ).toBe(40004)
  })

  it('answers 41005 when there is no file in `media`: another field, no file name, JSON, empty', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const png = pngOfSize(100)
    expect(
      errcodeOf(await upload(emulator, token, 'image', { field: 'file', filename: 'a.png', bytes: png }))
    ).toBe(41005)
    expect(
      errcodeOf(await upload(emulator, token, 'image', { filename: 'a.png', bytes: Buffer.alloc(0) }))
    ).toBe(41005)
    const noFilename = new FormData()
    noFilename.append('media', 'just text')
    const path = `/cgi-bin/media/upload?access_token=${encodeURIComponent(token)}&type=image`
    expect(errcodeOf(await call(emulator, path, { method: 'POST', body: noFilename }))).toBe(41005)
    const json = await apiPost(emulator, '/cgi-bin/media/upload', token, { media: 'x' })
    expect(errcodeOf(json)).toBe(40004)
    const jsonWithType = await call(emulator, path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"media":"x"}'
    })
    expect(errcodeOf(jsonWithType)).toBe(41005)
    expect(errcodeOf(await call(emulator, path, { method: 'POST' }))).toBe(41005)
    expect(errcodeOf(await call(emulator, path))).toBe(43002)
  })

  it('answers 40005 for a file of the wrong format, by name or by content', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    expect(
      errcodeOf(await upload(emulator, token, 'image', { filename: 'a.bmp', bytes: pngOfSize(100) }))
    ).toBe(40005)
    expect(
      errcodeOf(await upload(emulator, token, 'image', { filename: 'noextension', bytes: pngOfSize(100) }))
    ).toBe(40005)
    expect(
      errcodeOf(
        await upload(emulator, token, 'image', { filename: 'a.png', bytes: Buffer.from('plain text') })
      )
    ).toBe(40005)
    expect(
      errcodeOf(await upload(emulator, token, 'thumb', { filename: 'a.png', bytes: pngOfSize(100) }))
    ).toBe(40005)
    expect(
      errcodeOf(await upload(emulator, token, 'voice', { filename: 'a.wav', bytes: Buffer.from('RIFF....') }))
    ).toBe(40005)
  })

  it('answers 40006 past the size limit of each type: image 10 MB, voice 2 MB, thumb 64 KB', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    expect(
      (await upload(emulator, token, 'image', { filename: 'a.png', bytes: pngOfSize(10 * MB) })).json['type']
    ).toBe('image')
    expect(
      errcodeOf(await upload(emulator, token, 'image', { filename: 'a.png', bytes: pngOfSize(10 * MB + 1) }))
    ).toBe(40006)
    const mp3 = (size: number): Buffer => Buffer.concat([Buffer.from('ID3'), Buffer.alloc(size - 3)])
    expect(
      (await upload(emulator, token, 'voice', { filename: 'a.mp3', bytes: mp3(2 * MB) })).json['type']
    ).toBe('voice')
    expect(
      errcodeOf(await upload(emulator, token, 'voice', { filename: 'a.mp3', bytes: mp3(2 * MB + 1) }))
    ).toBe(40006)
    expect(
      (await upload(emulator, token, 'thumb', { filename: 'a.jpg', bytes: jpegOfSize(64 * 1024) })).json[
        'type'
      ]
    ).toBe('thumb')
    expect(
      errcodeOf(
        await upload(emulator, token, 'thumb', { filename: 'a.jpg', bytes: jpegOfSize(64 * 1024 + 1) })
      )
    ).toBe(40006)
  })

  it('answers 40006 for a body bigger than any file may be, without reading it all', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const answer = await upload(emulator, token, 'video', { filename: 'a.mp4', bytes: Buffer.alloc(12 * MB) })
    expect(answer.status).toBe(200)
    expect(errcodeOf(answer)).toBe(40006)
    expect(String(answer.json['errmsg'])).toMatch(/^invalid meida size rid: /)
  })
})

describe('POST /cgi-bin/message/custom/send', () => {
  const ctx = useCatalogue()

  it('sends text and uploaded media to a user in the 48-hour window', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const touser = openidOf(SANDBOX, 'li-lei')
    const text = await apiPost(emulator, '/cgi-bin/message/custom/send', token, {
      touser,
      msgtype: 'text',
      text: { content: 'Hello World' }
    })
    expect(text.json).toEqual({ errcode: 0, errmsg: 'ok' })
    const mediaId = String(
      (await upload(emulator, token, 'image', { filename: 'a.png', bytes: pngOfSize(64) })).json['media_id']
    )
    const image = await apiPost(emulator, '/cgi-bin/message/custom/send', token, {
      touser,
      msgtype: 'image',
      image: { media_id: mediaId }
    })
    expect(image.json).toEqual({ errcode: 0, errmsg: 'ok' })
    const page = await apiPost(emulator, '/cgi-bin/message/custom/send', token, {
      touser,
      msgtype: 'miniprogrampage',
      miniprogrampage: {
        title: '小程序',
        appid: SANDBOX.appid,
        pagepath: 'pages/index/index',
        thumb_media_id: mediaId
      }
    })
    expect(errcodeOf(page)).toBe(0)
  })

  it('answers 40003, 40008, 44004, 40007 and 45015 as WeChat does', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const touser = openidOf(OFFICIAL_ACCOUNT, 'li-lei')
    const send = async (body: Record<string, unknown>): Promise<unknown> =>
      errcodeOf(await apiPost(emulator, '/cgi-bin/message/custom/send', token, { touser, ...body }))
    expect(await send({ touser: '', msgtype: 'text', text: { content: 'hi' } })).toBe(40003)
    expect(
      await send({ touser: openidOf(SANDBOX, 'li-lei'), msgtype: 'text', text: { content: 'hi' } })
    ).toBe(40003)
    expect(await send({ msgtype: 'telegram', telegram: {} })).toBe(40008)
    // `link` is a Mini Program's type; an Official Account has none.
    expect(await send({ msgtype: 'link', link: {} })).toBe(40008)
    expect(await send({ msgtype: 'text' })).toBe(47001)
    expect(await send({ msgtype: 'text', text: { content: '' } })).toBe(44004)
    expect(await send({ msgtype: 'image', image: { media_id: 'not-uploaded' } })).toBe(40007)
    const sandboxMedia = String(
      (
        await upload(emulator, await tokenFor(emulator, SANDBOX), 'image', {
          filename: 'a.png',
          bytes: pngOfSize(64)
        })
      ).json['media_id']
    )
    expect(await send({ msgtype: 'image', image: { media_id: sandboxMedia } })).toBe(40007)
    const own = String(
      (await upload(emulator, token, 'image', { filename: 'a.png', bytes: pngOfSize(64) })).json['media_id']
    )
    expect(await send({ msgtype: 'voice', voice: { media_id: own } })).toBe(40007)
    expect(await send({ msgtype: 'image', image: { media_id: own } })).toBe(0)
    expect(
      await send({
        touser: openidOf(OFFICIAL_ACCOUNT, 'jim-green'),
        msgtype: 'text',
        text: { content: 'hi' }
      })
    ).toBe(45015)
    // Temporary media live 3 days.
    await clock.advance(3 * DAY)
    const fresh = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const late = await apiPost(emulator, '/cgi-bin/message/custom/send', fresh, {
      touser,
      msgtype: 'image',
      image: { media_id: own }
    })
    expect(errcodeOf(late)).toBe(40007)
  })

  it("sends a Mini Program's customer-service link message", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, MINI_PROGRAM)
    const answer = await apiPost(emulator, '/cgi-bin/message/custom/send', token, {
      touser: openidOf(MINI_PROGRAM, 'han-meimei'),
      msgtype: 'link',
      link: {
        title: 'Happy Day',
        description: 'Is Really A Happy Day',
        url: 'https://example.com',
        thumb_url: 'https://example.com/a.png'
      }
    })
    expect(answer.json).toEqual({ errcode: 0, errmsg: 'ok' })
  })
})
