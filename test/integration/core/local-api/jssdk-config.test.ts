import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APPID } from '../../../support/keeper-world'
import { localApiWorld, type LocalApiWorld } from '../../../support/local-api-world'

interface JssdkConfigBody {
  appId: string
  timestamp: string
  nonceStr: string
  signature: string
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')
const PAGE = 'https://www.example.com/pay?order=1&b=%E4%B8%AD'

describe('GET /v1/apps/{appid}/jssdk-config', () => {
  let w: LocalApiWorld
  beforeAll(async () => {
    w = await localApiWorld()
  })
  afterAll(() => w.close())

  const path = (url: string): string => `/v1/apps/${APPID}/jssdk-config?url=${encodeURIComponent(url)}`

  it('needs the desk’s API key', async () => {
    const res = await w.call({ path: path(PAGE) })
    expect(res.status).toBe(401)
  })

  it('signs the page URL, without its fragment, with the shared jsapi_ticket', async () => {
    const res = await w.authed({ path: path(`${PAGE}#/step/2`) })
    expect(res.status).toBe(200)
    const body = res.json<JssdkConfigBody>()
    expect(Object.keys(body).sort()).toEqual(['appId', 'nonceStr', 'signature', 'timestamp'])
    expect(body.appId).toBe(APPID)
    expect(body.timestamp).toBe(String(Math.floor(w.clock.now() / 1000)))
    expect(body.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/)
    const ticket = await w.authed({ path: `/v1/apps/${APPID}/tickets/jsapi` })
    const { ticket: value } = ticket.json<{ ticket: string }>()
    const signed = `jsapi_ticket=${value}&noncestr=${body.nonceStr}&timestamp=${body.timestamp}&url=${PAGE}`
    expect(body.signature).toBe(sha1(signed))
  })

  it('shares one ticket: many pages signed, WeChat asked once', async () => {
    const before = w.emulator.ticketCalls(APPID)
    const answers = await Promise.all([1, 2, 3].map((n) => w.authed({ path: path(`${PAGE}&n=${n}`) })))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(w.emulator.ticketCalls(APPID)).toBe(before)
  })

  it.each([
    ['no url', ''],
    ['not a URL', '?url=www.example.com/pay'],
    ['another scheme', '?url=ftp%3A%2F%2Fx%2F']
  ])('refuses %s (400)', async (_label, query) => {
    const res = await w.authed({ path: `/v1/apps/${APPID}/jssdk-config${query}` })
    expect(res.status).toBe(400)
    expect(res.json<{ error: { code: string } }>().error.code).toBe('invalid-input')
  })

  it('does not know an app the desk does not manage (404)', async () => {
    const res = await w.authed({
      path: `/v1/apps/wx0000000000000000/jssdk-config?url=${encodeURIComponent(PAGE)}`
    })
    expect(res.status).toBe(404)
  })
})
