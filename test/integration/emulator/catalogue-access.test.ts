import { describe, expect, it } from 'vitest'
import { CGI, type CgiApi } from '../../../src/emulator/cgi-catalogue'
import {
  apiGet,
  apiPost,
  errcodeOf,
  MINI_PROGRAM,
  OFFICIAL_ACCOUNT,
  SANDBOX,
  TEST_ACCOUNT,
  tokenFor,
  useCatalogue
} from '../../support/catalogue-client'
import { call, classicFor, HOUR, MINUTE, tokenOf } from '../../support/emulator-client'
import type { Emulator } from '../../../src/emulator'

// What every `?access_token=` API of the console's catalogue checks before its own fields: the method, the
// token (§3 of wechat-api.md), the account's right to the API, the daily cap.

const TOKEN_APIS: readonly CgiApi[] = Object.values(CGI).filter(
  (api) => api !== CGI.token && api !== CGI.stableToken
)
const OFFICIAL_ONLY = TOKEN_APIS.filter((api) => api.platform === 'official-account')
const MINI_PROGRAM_ONLY = TOKEN_APIS.filter((api) => api.platform === 'mini-program')
const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/

/** Calls `api` the right way round with `token` and an empty JSON object for a POST. */
function callApi(emulator: Emulator, api: CgiApi, token: string): ReturnType<typeof apiGet> {
  return api.method === 'GET' ? apiGet(emulator, api.path, token) : apiPost(emulator, api.path, token, {})
}

describe('the catalogue APIs and their access_token', () => {
  const ctx = useCatalogue()

  it('covers every entry of the console catalogue', () => {
    expect(TOKEN_APIS.map((api) => api.path).sort()).toEqual(
      [
        '/cgi-bin/getcallbackip',
        '/cgi-bin/get_api_domain_ip',
        '/cgi-bin/ticket/getticket',
        '/cgi-bin/clear_quota',
        '/cgi-bin/openapi/quota/get',
        '/cgi-bin/openapi/rid/get',
        '/cgi-bin/user/get',
        '/cgi-bin/user/info',
        '/cgi-bin/menu/get',
        '/cgi-bin/get_current_selfmenu_info',
        '/cgi-bin/menu/create',
        '/cgi-bin/menu/delete',
        '/cgi-bin/template/get_all_private_template',
        '/cgi-bin/message/template/send',
        '/cgi-bin/message/custom/send',
        '/cgi-bin/media/upload',
        '/cgi-bin/qrcode/create',
        '/wxa/business/getuserphonenumber',
        '/wxa/getwxacodeunlimit',
        '/wxa/generate_urllink',
        '/wxa/generatescheme'
      ].sort()
    )
  })

  it('answers 41001 without a token, 40014 for one not shaped like a token, 40001 for an unknown one', async () => {
    const { emulator } = ctx
    const unknown = `84_${'A'.repeat(140)}`
    for (const api of TOKEN_APIS) {
      const missing = await call(emulator, api.path, { method: api.method })
      expect([api.path, errcodeOf(missing)]).toEqual([api.path, 41001])
      expect(missing.status).toBe(200)
      expect(String(missing.json['errmsg'])).toMatch(RID)
      expect([api.path, errcodeOf(await callApi(emulator, api, 'garbage'))]).toEqual([api.path, 40014])
      expect([api.path, errcodeOf(await callApi(emulator, api, unknown))]).toEqual([api.path, 40001])
    }
  })

  it('answers 42001 once the token is past its 7200 s', async () => {
    const { emulator, clock } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    await clock.advance(2 * HOUR)
    for (const api of TOKEN_APIS) {
      expect([api.path, errcodeOf(await callApi(emulator, api, token))]).toEqual([api.path, 42001])
    }
  })

  it('answers 40001 for a classic token 5 minutes after a newer one was minted', async () => {
    const { emulator, clock } = ctx
    const old = tokenOf(await classicFor(emulator, SANDBOX))
    await classicFor(emulator, SANDBOX)
    const path = CGI.menuGet.path
    expect(errcodeOf(await apiGet(emulator, path, old))).toBe(46003)
    await clock.advance(5 * MINUTE)
    expect(errcodeOf(await apiGet(emulator, path, old))).toBe(40001)
  })

  it('answers the wrong method with 43001 / 43002 before looking at the token', async () => {
    const { emulator } = ctx
    for (const api of TOKEN_APIS) {
      const wrong = await call(emulator, `${api.path}?access_token=garbage`, {
        method: api.method === 'GET' ? 'POST' : 'GET'
      })
      expect([api.path, errcodeOf(wrong)]).toEqual([api.path, api.method === 'GET' ? 43001 : 43002])
    }
  })

  it('answers 48001 when an Official Account calls a Mini Program API, and the other way round', async () => {
    const { emulator } = ctx
    const official = await tokenFor(emulator, OFFICIAL_ACCOUNT)
    const testAccount = await tokenFor(emulator, TEST_ACCOUNT)
    const miniProgram = await tokenFor(emulator, MINI_PROGRAM)
    for (const api of MINI_PROGRAM_ONLY) {
      expect([api.path, errcodeOf(await callApi(emulator, api, official))]).toEqual([api.path, 48001])
      expect([api.path, errcodeOf(await callApi(emulator, api, testAccount))]).toEqual([api.path, 48001])
    }
    for (const api of OFFICIAL_ONLY) {
      expect([api.path, errcodeOf(await callApi(emulator, api, miniProgram))]).toEqual([api.path, 48001])
    }
    expect(MINI_PROGRAM_ONLY.length).toBeGreaterThan(0)
    expect(OFFICIAL_ONLY.length).toBeGreaterThan(0)
  })

  it('lets the sandbox account call both kinds of API', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    for (const api of TOKEN_APIS) {
      const answer = await callApi(emulator, api, token)
      expect([api.path, [41001, 40014, 40001, 42001, 48001].includes(Number(errcodeOf(answer)))]).toEqual([
        api.path,
        false
      ])
    }
  })

  it('answers a POST body that is not a JSON object with 47001, and an empty one with 44002', async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    const jsonPosts = TOKEN_APIS.filter((api) => api.method === 'POST' && api !== CGI.mediaUpload)
    for (const api of jsonPosts) {
      for (const body of ['appid=wx&x=1', '{"broken":', '[1,2]']) {
        expect([api.path, body, errcodeOf(await apiPost(emulator, api.path, token, body))]).toEqual([
          api.path,
          body,
          47001
        ])
      }
      expect([api.path, errcodeOf(await apiPost(emulator, api.path, token, ''))]).toEqual([api.path, 44002])
    }
  })

  it("refuses access_token in a Mini Program API's body (47001): it belongs in the query", async () => {
    const { emulator } = ctx
    const token = await tokenFor(emulator, SANDBOX)
    for (const api of MINI_PROGRAM_ONLY) {
      const answer = await apiPost(emulator, api.path, token, { access_token: token, scene: 'a', code: 'x' })
      expect([api.path, errcodeOf(answer)]).toEqual([api.path, 47001])
    }
  })
})
