import { describe, expect, it } from 'vitest'
import {
  apiPost,
  errcodeOf,
  fetchBytes,
  OFFICIAL_ACCOUNT,
  SANDBOX,
  tokenFor,
  useCatalogue
} from '../../support/catalogue-client'
import { SECOND } from '../../support/emulator-client'
import { decodeImage, showsQrCodeOf } from '../../support/image-decode'

// 账号: parametric QR codes and their image (wechat-api.md §11.5).

const showqrcode = (ticket: string): string => `/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`

describe('POST /cgi-bin/qrcode/create and GET /cgi-bin/showqrcode', () => {
  const ctx = useCatalogue()

  it('makes a temporary code whose ticket shows as a 430-pixel JPEG of its url', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const created = await apiPost(emulator, '/cgi-bin/qrcode/create', token, {
      expire_seconds: 604800,
      action_name: 'QR_SCENE',
      action_info: { scene: { scene_id: 123 } }
    })
    expect(created.json).toEqual({
      ticket: expect.any(String),
      expire_seconds: 604800,
      url: expect.any(String)
    })
    const url = String(created.json['url'])
    expect(url).toMatch(/^http:\/\/weixin\.qq\.com\/q\/[0-9A-Za-z]{22}$/)
    // A ticket is base64 that carries the url, like WeChat's.
    const ticket = String(created.json['ticket'])
    expect(Buffer.from(ticket, 'base64').toString('latin1')).toContain(url)

    const image = await fetchBytes(emulator, showqrcode(ticket))
    expect(image.status).toBe(200)
    expect(image.contentType).toBe('image/jpg')
    expect([...image.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    const decoded = decodeImage(image.bytes)
    expect([decoded.format, decoded.width, decoded.height]).toEqual(['jpeg', 430, 430])
    expect(showsQrCodeOf(decoded, url)).toBe(true)
  })

  it('defaults a temporary code to 60 s and caps it at 30 days; showqrcode answers 404 once it expired', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const short = await apiPost(emulator, '/cgi-bin/qrcode/create', token, {
      action_name: 'QR_STR_SCENE',
      action_info: { scene: { scene_str: 'invite:42' } }
    })
    expect(short.json['expire_seconds']).toBe(60)
    const long = await apiPost(emulator, '/cgi-bin/qrcode/create', token, {
      expire_seconds: 99_999_999,
      action_name: 'QR_SCENE',
      action_info: { scene: { scene_id: 1 } }
    })
    expect(long.json['expire_seconds']).toBe(2_592_000)
    const ticket = String(short.json['ticket'])
    await clock.advance(59 * SECOND)
    expect((await fetchBytes(emulator, showqrcode(ticket))).status).toBe(200)
    await clock.advance(1 * SECOND)
    expect((await fetchBytes(emulator, showqrcode(ticket))).status).toBe(404)
  })

  it('makes permanent codes without expire_seconds, the same ticket for the same scene', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const create = (scene: Record<string, unknown>, action = 'QR_LIMIT_SCENE'): ReturnType<typeof apiPost> =>
      apiPost(emulator, '/cgi-bin/qrcode/create', token, { action_name: action, action_info: { scene } })
    const first = await create({ scene_id: 100000 })
    expect(Object.keys(first.json).sort()).toEqual(['ticket', 'url'])
    expect((await create({ scene_id: 100000 })).json).toEqual(first.json)
    expect((await create({ scene_id: 99999 })).json['ticket']).not.toBe(first.json['ticket'])
    const named = await create({ scene_str: 'channel-a' }, 'QR_LIMIT_STR_SCENE')
    expect(named.json['ticket']).not.toBe(first.json['ticket'])
    await clock.advance(40 * 24 * 3600 * SECOND)
    expect((await fetchBytes(emulator, showqrcode(String(first.json['ticket'])))).status).toBe(200)
  })

  it('answers 40053 for an action or scene that does not fit, 47001 for wrong types', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const create = async (body: Record<string, unknown>): Promise<unknown> =>
      errcodeOf(await apiPost(emulator, '/cgi-bin/qrcode/create', token, body))
    const info = (scene: Record<string, unknown>): Record<string, unknown> => ({ action_info: { scene } })
    expect(await create({ action_name: 'QR_FOREVER', ...info({ scene_id: 1 }) })).toBe(40053)
    expect(await create({ action_name: 'QR_SCENE' })).toBe(40053)
    expect(await create({ action_name: 'QR_SCENE', ...info({ scene_str: 'a' }) })).toBe(40053)
    expect(await create({ action_name: 'QR_SCENE', ...info({ scene_id: 0 }) })).toBe(40053)
    expect(await create({ action_name: 'QR_LIMIT_SCENE', ...info({ scene_id: 100001 }) })).toBe(40053)
    expect(await create({ action_name: 'QR_LIMIT_SCENE', ...info({ scene_id: 1.5 }) })).toBe(40053)
    expect(await create({ action_name: 'QR_STR_SCENE', ...info({ scene_str: '' }) })).toBe(40053)
    expect(await create({ action_name: 'QR_STR_SCENE', ...info({ scene_str: 'x'.repeat(65) }) })).toBe(40053)
    expect(await create({ action_name: 7, ...info({ scene_id: 1 }) })).toBe(47001)
    expect(await create({ action_name: 'QR_SCENE', expire_seconds: '60', ...info({ scene_id: 1 }) })).toBe(
      47001
    )
  })

  it('answers showqrcode with HTTP 404 for an unknown ticket or one sent without URL-encoding', async () => {
    const { emulator } = ctx
    expect((await fetchBytes(emulator, '/cgi-bin/showqrcode?ticket=nope')).status).toBe(404)
    expect((await fetchBytes(emulator, '/cgi-bin/showqrcode')).status).toBe(404)
    const token = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    // Try scenes until a ticket holds a "+", which unencoded reads back as a space.
    for (let scene = 1; scene < 200; scene++) {
      const created = await apiPost(emulator, '/cgi-bin/qrcode/create', token, {
        action_name: 'QR_SCENE',
        action_info: { scene: { scene_id: scene } }
      })
      const ticket = String(created.json['ticket'])
      if (!ticket.includes('+')) continue
      expect((await fetchBytes(emulator, `/cgi-bin/showqrcode?ticket=${ticket}`)).status).toBe(404)
      expect((await fetchBytes(emulator, showqrcode(ticket))).status).toBe(200)
      return
    }
    throw new Error('no ticket with a "+" in 200 tries')
  })
})
