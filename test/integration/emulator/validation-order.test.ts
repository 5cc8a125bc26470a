import { describe, expect, it } from 'vitest'
import type { Emulator, EmulatorAppConfig } from '../../../src/emulator'
import { TEST_APP, call, getToken, postJson, useEmulator, type Answer } from '../../support/emulator-client'

// The validation order of wechat-api.md §6a: method → missing params (41002, 41004) → grant_type (40002)
// → appid (40013) → secret (40125) → frozen (40243) → IP whitelist (40164) → quota (45009).
// Each request below is wrong at its own step and at every later one, so only the order picks the answer.

const FROZEN_ELSEWHERE: EmulatorAppConfig = {
  appid: 'wx1111222233334444',
  secret: '1111222233334444aaaabbbbccccdddd',
  accountType: 'test',
  frozen: true,
  ipWhitelist: ['10.9.8.7']
}

const WHITELISTED_ELSEWHERE: EmulatorAppConfig = {
  appid: 'wx5555666677778888',
  secret: '5555666677778888eeeeffff00001111',
  accountType: 'test',
  ipWhitelist: ['10.9.8.7']
}

interface Params {
  grant_type?: string
  appid?: string
  secret?: string
}

type Endpoint = (emulator: Emulator, params: Params, method?: string) => Promise<Answer>

const classic: Endpoint = (emulator, params, method = 'GET') =>
  method === 'GET'
    ? getToken(emulator, { ...params })
    : call(emulator, `/cgi-bin/token?${new URLSearchParams({ ...params }).toString()}`, { method })

const stable: Endpoint = (emulator, params, method = 'POST') =>
  method === 'POST'
    ? postJson(emulator, '/cgi-bin/stable_token', params)
    : call(emulator, '/cgi-bin/stable_token', { method })

const good = (app: EmulatorAppConfig): Required<Params> => ({
  grant_type: 'client_credential',
  appid: app.appid,
  secret: app.secret
})

async function exhaust(
  emulator: Emulator,
  endpoint: Endpoint,
  app: EmulatorAppConfig,
  times: number
): Promise<void> {
  for (let i = 0; i < times; i++) {
    const answer = await endpoint(emulator, good(app))
    if (typeof answer.json['access_token'] !== 'string') throw new Error(`call ${i} failed: ${answer.text}`)
  }
}

describe.each([
  { name: 'GET /cgi-bin/token', endpoint: classic, wrongMethod: 'POST', methodError: 43001 },
  { name: 'POST /cgi-bin/stable_token', endpoint: stable, wrongMethod: 'GET', methodError: 43002 }
])('$name validation order', ({ endpoint, wrongMethod, methodError }) => {
  const ctx = useEmulator([TEST_APP, FROZEN_ELSEWHERE, WHITELISTED_ELSEWHERE])

  const errcodeOf = async (params: Params, method?: string): Promise<unknown> =>
    (await endpoint(ctx.emulator, params, method)).json['errcode']

  it('1. checks the method first', async () => {
    expect(await errcodeOf({ grant_type: 'nope' }, wrongMethod)).toBe(methodError)
  })

  it('2. then a missing appid (41002)', async () => {
    expect(await errcodeOf({ grant_type: 'nope' })).toBe(41002)
  })

  it('3. then a missing secret (41004)', async () => {
    expect(await errcodeOf({ grant_type: 'nope', appid: 'wx0000000000000000' })).toBe(41004)
  })

  it('4. then the grant_type (40002)', async () => {
    expect(await errcodeOf({ grant_type: 'nope', appid: 'wx0000000000000000', secret: 'x' })).toBe(40002)
    expect(await errcodeOf({ appid: 'wx0000000000000000', secret: 'x' })).toBe(40002)
  })

  it('5. then an unknown appid (40013)', async () => {
    const answer = await endpoint(ctx.emulator, { ...good(FROZEN_ELSEWHERE), appid: 'wx0000000000000000' })
    expect(answer.json['errcode']).toBe(40013)
    expect(answer.json['errmsg']).toMatch(/^invalid appid rid: /)
  })

  it('6. then a wrong secret (40125)', async () => {
    const answer = await endpoint(ctx.emulator, { ...good(FROZEN_ELSEWHERE), secret: 'wrong' })
    expect(answer.json['errcode']).toBe(40125)
    expect(answer.json['errmsg']).toMatch(/^invalid appsecret rid: /)
  })

  it('7. then a frozen AppSecret (40243)', async () => {
    expect(await errcodeOf(good(FROZEN_ELSEWHERE))).toBe(40243)
  })

  it('8. then the IP whitelist (40164), naming the caller 127.0.0.1', async () => {
    const answer = await endpoint(ctx.emulator, good(WHITELISTED_ELSEWHERE))
    expect(answer.json['errcode']).toBe(40164)
    expect(answer.json['errmsg']).toMatch(
      /^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/
    )
  })
})

describe('GET /cgi-bin/token validation order, quota step', () => {
  const ctx = useEmulator([{ ...TEST_APP, ipWhitelist: ['127.0.0.1'] }])

  it('9. checks the daily quota last: after the whitelist, answering 45009', async () => {
    const { emulator } = ctx
    await exhaust(emulator, classic, TEST_APP, 200)
    emulator.addApp({ ...TEST_APP, ipWhitelist: ['10.9.8.7'] })
    expect((await classic(emulator, good(TEST_APP))).json['errcode']).toBe(40164)
    emulator.addApp({ ...TEST_APP, ipWhitelist: ['127.0.0.1'] })
    expect((await classic(emulator, good(TEST_APP))).json['errcode']).toBe(45009)
  })
})

describe('IP whitelist', () => {
  const ctx = useEmulator([{ ...TEST_APP, ipWhitelist: ['10.0.0.1', '127.0.0.1'] }])

  it('lets a listed caller through', async () => {
    expect((await getToken(ctx.emulator, good(TEST_APP))).json['expires_in']).toBe(7200)
    expect((await stable(ctx.emulator, good(TEST_APP))).json['expires_in']).toBe(7200)
  })

  it('refuses every caller when the list is empty', async () => {
    ctx.emulator.addApp({ ...TEST_APP, ipWhitelist: [] })
    expect((await getToken(ctx.emulator, good(TEST_APP))).json['errcode']).toBe(40164)
  })
})
