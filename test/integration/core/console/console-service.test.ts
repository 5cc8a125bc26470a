import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONSOLE_HISTORY_LIMIT } from '../../../../src/core/console'
import { SANDBOX_PROFILE_ID } from '../../../../src/core/profiles'
import type { ConsoleRequest } from '../../../../src/shared/contract'
import { startTestDesk, type TestDesk } from '../../../support/desk'

// The console's behaviours a user relies on, against the emulator over real HTTP.

let desk: TestDesk
let seq = 0
const requestId = (): string => `req-${String(++seq).padStart(6, '0')}`

beforeEach(async () => {
  desk = await startTestDesk()
})
afterEach(() => desk.close())

const ID = SANDBOX_PROFILE_ID
const probe: ConsoleRequest = {
  method: 'GET',
  path: '/cgi-bin/getcallbackip',
  query: [],
  body: { kind: 'none' }
}
const emulator = () => {
  const sandbox = desk.services.sandbox
  if (!sandbox) throw new Error('the test desk runs the sandbox')
  return sandbox.emulator
}
const heldToken = async (): Promise<string> => (await desk.services.tokens.ensure(ID)).value

describe('the API console', () => {
  it('adds the token itself and shows status, headers, size and the call log entry, the token masked', async () => {
    const token = await heldToken()
    const { response, state } = await desk.services.console.send(ID, requestId(), probe)
    expect(response).toMatchObject({ outcome: 'answered', status: 200, errcode: null })
    expect(response.url).toContain('access_token=***')
    expect(JSON.stringify(response)).not.toContain(token)
    expect(response.headers).toContainEqual(['content-type', expect.stringContaining('json')])
    expect(response.bytes).toBeGreaterThan(0)
    const logged = desk.services.callLog.entry(response.callLogId ?? -1)
    expect(logged).toMatchObject({ source: 'console', endpoint: '/cgi-bin/getcallbackip', profileId: ID })
    expect(state.history[0]).toMatchObject({ callLogId: response.callLogId, status: 200 })
  })

  it('decodes a WeChat error: errcode, errmsg and rid', async () => {
    const { response } = await desk.services.console.send(ID, requestId(), {
      method: 'GET',
      path: '/cgi-bin/user/info',
      query: [['openid', 'nobody']],
      body: { kind: 'none' }
    })
    expect(response.errcode).toBe(40003)
    expect(response.rid).toEqual(expect.any(String))
  })

  it('refuses a credential typed by hand and a body that is not JSON, saying where', async () => {
    const typed = { ...probe, query: [['access_token', 'x']] as [string, string][] }
    await expect(desk.services.console.send(ID, requestId(), typed)).rejects.toThrow(/access_token/)
    const broken: ConsoleRequest = {
      method: 'POST',
      path: '/cgi-bin/menu/create',
      query: [],
      body: { kind: 'json', text: '{"button": [' }
    }
    await expect(desk.services.console.send(ID, requestId(), broken)).rejects.toThrow(/not JSON/)
  })

  it('asks before a quota reset (10 a month), and sends it once confirmed', async () => {
    const reset: ConsoleRequest = {
      method: 'POST',
      path: '/cgi-bin/clear_quota/v2',
      query: [],
      body: { kind: 'json', text: '{}' }
    }
    await expect(desk.services.console.send(ID, requestId(), reset)).rejects.toMatchObject({
      error: { code: 'confirmation-required' }
    })
    const { response } = await desk.services.console.send(ID, requestId(), reset, true)
    expect(response).toMatchObject({ status: 200, errcode: null })
    // The AppSecret was added in main and never comes back.
    const secret = desk.services.profiles.credentials(ID).secret ?? 'none'
    expect(JSON.stringify(response)).not.toContain(secret)
  })

  it('cancels a call WeChat never answers, aborting it upstream', async () => {
    await heldToken()
    emulator().injectFault('hang')
    const id = requestId()
    const sending = desk.services.console.send(ID, id, probe)
    await expect.poll(() => desk.services.console.cancel(id)).toBe(true)
    const { response, state } = await sending
    expect(response).toMatchObject({ outcome: 'cancelled', status: null })
    expect(state.history[0]?.outcome).toBe('cancelled')
    expect(desk.services.console.cancel(id)).toBe(false)
  })

  it('keeps each app’s history across restarts, newest first and bounded', async () => {
    for (let n = 0; n < 3; n++) await desk.services.console.send(ID, requestId(), probe)
    desk.services.console.history.save(ID, 'probe', probe)
    const dataDir = desk.dataDir
    await desk.services.dispose()
    const again = await startTestDesk({ dataDir })
    try {
      const state = again.services.console.state(ID)
      expect(state.history).toHaveLength(3)
      expect(state.saved.map((item) => item.name)).toEqual(['probe'])
    } finally {
      await again.services.dispose()
    }
    desk = await startTestDesk()
    for (let n = 0; n < CONSOLE_HISTORY_LIMIT + 2; n++) {
      desk.services.console.history.record(ID, {
        at: n,
        request: probe,
        outcome: 'answered',
        status: 200,
        errcode: null,
        durationMs: 1,
        callLogId: null
      })
    }
    const history = desk.services.console.state(ID).history
    expect(history).toHaveLength(CONSOLE_HISTORY_LIMIT)
    expect(history[0]?.at).toBe(CONSOLE_HISTORY_LIMIT + 1)
  })

  it('looks up a rid: what WeChat saw, beside the egress address a 40164 named', async () => {
    await heldToken()
    emulator().injectFault('ip-whitelist')
    const { response: refused } = await desk.services.console.send(ID, requestId(), probe)
    expect(refused.errcode).toBe(40164)
    const { response } = await desk.services.console.send(ID, requestId(), {
      method: 'GET',
      path: '/cgi-bin/user/info',
      query: [['openid', 'nobody']],
      body: { kind: 'none' }
    })
    const lookup = await desk.services.console.doctor.lookUpRid(ID, response.rid ?? '')
    expect(lookup.refusal).toBeNull()
    expect(lookup.request).toMatchObject({
      requestUrl: expect.stringContaining('openid=nobody'),
      clientIp: expect.any(String),
      invokedAt: expect.any(Number)
    })
    expect(lookup.egress?.ip).toEqual(expect.any(String))
    const unknown = await desk.services.console.doctor.lookUpRid(ID, '617682e0-0f4a2c7b-1d2e3f40')
    expect(unknown.refusal?.errcode).toBe(76001)
  })

  it('reads a path’s daily quota', async () => {
    const quota = await desk.services.console.doctor.quota(ID, '/cgi-bin/message/custom/send')
    expect(quota.quota).toEqual({
      dailyLimit: expect.any(Number),
      used: expect.any(Number),
      remain: expect.any(Number)
    })
    const unknown = await desk.services.console.doctor.quota(ID, '/cgi-bin/no/such/path')
    expect(unknown.refusal?.errcode).toBe(76021)
  })

  it('saves an image answer where the user chooses', async () => {
    const id = requestId()
    const { response } = await desk.services.console.send(ID, id, {
      method: 'POST',
      path: '/wxa/getwxacodeunlimit',
      query: [],
      body: { kind: 'json', text: '{"scene":"a=1","check_path":false}' }
    })
    expect(response.body.kind).toBe('image')
    const saved = await desk.services.console.saveResponse(id)
    expect(saved.path).toMatch(/getwxacodeunlimit\.jpg$/)
  })

  it('copies a curl with the token as $ACCESS_TOKEN, never its value', async () => {
    const token = await heldToken()
    desk.services.console.copyCurl(ID, probe)
    expect(desk.clipboard.text).toContain('access_token=$ACCESS_TOKEN')
    expect(desk.clipboard.text).not.toContain(token)
  })
})
