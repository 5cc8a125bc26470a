import { describe, expect, it } from 'vitest'
import type { Emulator } from '../../../src/emulator'
import {
  apiPost,
  errcodeOf,
  fetchBytes,
  MINI_PROGRAM,
  SANDBOX,
  tokenFor,
  useCatalogue,
  type BinaryAnswer
} from '../../support/catalogue-client'
import { decodeImage, imageSize, pixelAt, showsQrCodeOf } from '../../support/image-decode'

// 小程序 codes and links (wechat-api.md §11.3, §11.4).

const DAY_S = 86_400

function wxacode(emulator: Emulator, token: string, body: Record<string, unknown>): Promise<BinaryAnswer> {
  return fetchBytes(emulator, `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
}

const jsonOf = (answer: BinaryAnswer): Record<string, unknown> =>
  JSON.parse(answer.bytes.toString('utf8')) as Record<string, unknown>

describe('POST /wxa/getwxacodeunlimit', () => {
  const ctx = useCatalogue()

  it('answers a 430-pixel JPEG by default: a scannable code of the request', async () => {
    const { emulator } = ctx
    const answer = await wxacode(emulator, await tokenFor(emulator, SANDBOX), {
      scene: 'a=1&b=2',
      page: 'pages/index/index'
    })
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('image/jpeg')
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
    const image = decodeImage(answer.bytes)
    expect([image.format, image.width, image.height]).toEqual(['jpeg', 430, 430])
    const text = `wxacode?appid=${SANDBOX.appid}&page=pages%2Findex%2Findex&scene=a%3D1%26b%3D2&env_version=release`
    expect(showsQrCodeOf(image, text)).toBe(true)
  })

  it('draws `width` pixels (280–1280), in line_color or the auto colour, on a transparent PNG for is_hyaline', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, MINI_PROGRAM)
    const sized = async (width: number): Promise<number> =>
      imageSize((await wxacode(emulator, token, { scene: 'x', width })).bytes).width
    expect(await sized(100)).toBe(280)
    expect(await sized(600)).toBe(600)
    expect(await sized(5000)).toBe(1280)

    const red = decodeImage(
      (await wxacode(emulator, token, { scene: 'x', line_color: { r: '200', g: 0, b: 0 } })).bytes
    )
    const ink = (image: ReturnType<typeof decodeImage>): number[] => {
      // The top-left finder pattern: the first dark pixel on the diagonal.
      for (let i = 0; i < image.width; i++) {
        const [r = 255, g = 255, b = 255] = pixelAt(image, i, i)
        if (r + g + b < 600) return pixelAt(image, i + 3, i + 3)
      }
      return []
    }
    const [r = 0, g = 0, b = 0] = ink(red)
    expect(r).toBeGreaterThan(150)
    expect(g + b).toBeLessThan(60)
    const auto = decodeImage((await wxacode(emulator, token, { scene: 'x', auto_color: true })).bytes)
    expect(ink(auto)[1]).toBeGreaterThan(150)

    const hyaline = await wxacode(emulator, token, {
      scene: 'x',
      is_hyaline: true,
      env_version: 'develop',
      check_path: false
    })
    expect(hyaline.contentType).toBe('image/png')
    const png = decodeImage(hyaline.bytes)
    expect([png.format, png.channels, png.width]).toEqual(['png', 4, 430])
    expect(pixelAt(png, 0, 0)[3]).toBe(0)
    expect(showsQrCodeOf(png, `wxacode?appid=${MINI_PROGRAM.appid}&scene=x&env_version=develop`)).toBe(true)
  })

  it('answers failures as JSON with HTTP 200: 40169, 40129, 41030, 40097', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, MINI_PROGRAM)
    const failure = async (body: Record<string, unknown>): Promise<unknown> => {
      const answer = await wxacode(emulator, token, body)
      expect(answer.status).toBe(200)
      expect(answer.contentType).toBe('application/json; encoding=utf-8')
      return jsonOf(answer)['errcode']
    }
    expect(await failure({})).toBe(40169)
    expect(await failure({ scene: '' })).toBe(40169)
    expect(await failure({ scene: 'x'.repeat(33) })).toBe(40169)
    expect(await failure({ scene: 123 })).toBe(40169)
    expect(await failure({ scene: '中文' })).toBe(40129)
    expect(await failure({ scene: 'a b' })).toBe(40129)
    expect(await failure({ scene: 'x', page: '/pages/index/index' })).toBe(41030)
    expect(await failure({ scene: 'x', page: 'pages/index/index?a=1' })).toBe(41030)
    expect(await failure({ scene: 'x', env_version: '' })).toBe(40097)
    expect(await failure({ scene: 'x', env_version: 'beta' })).toBe(40097)
    expect(await failure({ scene: 'x', width: '430' })).toBe(40097)
    expect(await failure({ scene: 'x', check_path: 'false' })).toBe(40097)
    expect(await failure({ scene: 'x', is_hyaline: 1 })).toBe(40097)
    expect(await failure({ scene: 'x', line_color: { r: 300, g: 0, b: 0 } })).toBe(40097)
    expect(await failure({ scene: 'x', line_color: 'red' })).toBe(40097)
    expect(await failure({ scene: 'x', page: 7 })).toBe(40097)
    // A 32-character scene of every allowed punctuation mark is fine.
    expect((await wxacode(emulator, token, { scene: "0aZ!#$&'()*+,/:;=?@-._~aaaaaaaaa" })).contentType).toBe(
      'image/jpeg'
    )
  })
})

describe('POST /wxa/generate_urllink and /wxa/generatescheme', () => {
  const ctx = useCatalogue()

  it('answers a wxaurl.cn link and a weixin:// scheme', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const link = await apiPost(emulator, '/wxa/generate_urllink', token, {
      path: 'pages/publishHomework/publishHomework',
      query: 'a=1&b=%E4%B8%AD',
      env_version: 'release',
      expire_type: 1,
      expire_interval: 1
    })
    expect(link.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      url_link: expect.stringMatching(/^https:\/\/wxaurl\.cn\/[0-9A-Za-z]{11}$/)
    })
    const scheme = await apiPost(emulator, '/wxa/generatescheme', token, {
      jump_wxa: { path: 'pages/index/index', query: 'a=1', env_version: 'trial' },
      expire_type: 0,
      expire_time: Math.floor(ctx.clock.now() / 1000) + DAY_S
    })
    expect(scheme.json).toEqual({
      errcode: 0,
      errmsg: 'ok',
      openlink: expect.stringMatching(/^weixin:\/\/dl\/business\/\?t=[0-9A-Za-z]{11}$/)
    })
    // Both need nothing but the token: the home page, 30 days.
    expect(errcodeOf(await apiPost(emulator, '/wxa/generate_urllink', token, {}))).toBe(0)
    expect(errcodeOf(await apiPost(emulator, '/wxa/generatescheme', token, {}))).toBe(0)
    const another = await apiPost(emulator, '/wxa/generate_urllink', token, {})
    expect(another.json['url_link']).not.toBe(link.json['url_link'])
  })

  it('answers 40165, 40212, 85402 and 85401 as WeChat does', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, MINI_PROGRAM)
    const now = Math.floor(clock.now() / 1000)
    for (const [path, wrap] of [
      ['/wxa/generate_urllink', (jump: Record<string, unknown>) => jump],
      ['/wxa/generatescheme', (jump: Record<string, unknown>) => ({ jump_wxa: jump })]
    ] as const) {
      const ask = async (
        jump: Record<string, unknown>,
        expiry: Record<string, unknown> = {}
      ): Promise<unknown> => errcodeOf(await apiPost(emulator, path, token, { ...wrap(jump), ...expiry }))
      expect([path, await ask({ path: '/pages/index/index' })]).toEqual([path, 40165])
      expect([path, await ask({ path: 'pages/index/index?a=1' })]).toEqual([path, 40165])
      expect([path, await ask({ query: 'a=中' })]).toEqual([path, 40212])
      expect([path, await ask({ query: 'a'.repeat(1025) })]).toEqual([path, 40212])
      expect([path, await ask({ env_version: 'beta' })]).toEqual([path, 85402])
      expect([path, await ask({}, { expire_type: 1, expire_interval: 31 })]).toEqual([path, 85401])
      expect([path, await ask({}, { expire_type: 1 })]).toEqual([path, 85401])
      expect([path, await ask({}, { expire_time: now + 30 })]).toEqual([path, 85401])
      expect([path, await ask({}, { expire_time: now + 31 * DAY_S })]).toEqual([path, 85401])
      expect([path, await ask({}, { expire_time: now + 30 * DAY_S })]).toEqual([path, 0])
      expect([path, await ask({}, { expire_type: 2 })]).toEqual([path, 40097])
      expect([path, await ask({ path: 5 })]).toEqual([path, 47001])
    }
    expect(errcodeOf(await apiPost(emulator, '/wxa/generatescheme', token, { jump_wxa: 'home' }))).toBe(47001)
  })
})
