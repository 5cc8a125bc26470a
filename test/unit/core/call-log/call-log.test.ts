import { describe, expect, it } from 'vitest'
import { CallLog, curlForCall, type CallLogInput } from '../../../../src/core/call-log'
import { bodyView } from '../../../../src/core/call-log/body-view'

const SECRET = 'f3a9c1d2e4b5a6978877665544332211'
const TOKEN = '84_vWP_BMIMqPz8Xo3LkTqW9sYd2Fh7Jn4Rb6Uc1Ve5Ga8Hm0Kp3Ls6Nt9Qw2Ex5Zy7Ab0Cd3Ef6Gh9Ij2Kl5Mn8Op1Qr4'

const call = (overrides: Partial<CallLogInput> = {}): CallLogInput => ({
  at: 1,
  profileId: 'p1',
  endpoint: '/cgi-bin/menu/create',
  method: 'POST',
  url: `https://api.weixin.qq.com/cgi-bin/menu/create?access_token=${TOKEN}`,
  httpStatus: 200,
  errcode: null,
  rid: null,
  durationMs: 3,
  outcome: 'ok',
  detail: null,
  ...overrides
})

const json = (text: string) => bodyView(Buffer.from(text), Buffer.byteLength(text), 'application/json')

describe('the call log', () => {
  it('is a ring: the oldest entries go, ids keep counting', () => {
    const log = new CallLog({ capacity: 3 })
    for (let i = 0; i < 5; i++) log.record(call({ at: i }))
    expect(log.list().map((e) => e.id)).toEqual([5, 4, 3])
    expect(log.entry(2)).toBeNull()
    expect(log.entry(4)?.at).toBe(3)
  })

  it('defaults the inspector fields to a call the desk made itself', () => {
    const entry = new CallLog().record(call())
    expect(entry).toMatchObject({ source: 'desk', callerPort: null, flags: [], hasDetail: false })
    expect(entry.url).toBe('https://api.weixin.qq.com/cgi-bin/menu/create?access_token=***')
  })

  it('masks credentials in headers and bodies, whoever recorded them', () => {
    const log = new CallLog()
    const entry = log.record(
      call({
        known: ['desk-api-key-value'],
        exchange: {
          request: {
            headers: [
              ['authorization', 'Bearer desk-api-key-value'],
              ['x-note', 'key desk-api-key-value']
            ],
            body: json(`{"appid":"wx1","secret":"${SECRET}","ticket":"t1ck3t"}`)
          },
          response: {
            headers: [['content-type', 'application/json']],
            body: json('{"openid":"o","session_key":"c2Vzc2lvbg=="}')
          }
        }
      })
    )
    const shown = JSON.stringify(log.detail(entry.id))
    for (const value of [SECRET, 'desk-api-key-value', 't1ck3t', 'c2Vzc2lvbg==', TOKEN]) {
      expect(shown).not.toContain(value)
    }
  })

  it('keeps headers and bodies within its byte budget, dropping the oldest first', () => {
    const log = new CallLog({ detailBudget: 50_000 })
    const big = json(`"${'x'.repeat(20_000)}"`)
    const ids = [0, 1, 2, 3].map(
      () => log.record(call({ exchange: { request: { headers: [], body: big }, response: null } })).id
    )
    expect(() => log.detail(ids[0]!)).toThrow(/no longer keeps/)
    expect(log.entry(ids[0]!)?.hasDetail).toBe(false)
    expect(log.detail(ids[3]!).request.body?.text).toHaveLength(20_002)
  })

  it('cuts a long body at its limit and says so', () => {
    const text = `"${'y'.repeat(100_000)}"`
    const view = json(text)
    expect(view).toMatchObject({ bytes: 100_002, truncated: true })
    expect(view?.text?.length).toBe(32 * 1024)
    expect(bodyView(Buffer.from([0xff, 0xd8, 0xff]), 3, 'image/jpeg')).toEqual({
      text: null,
      contentType: 'image/jpeg',
      bytes: 3,
      truncated: false
    })
  })
})

describe('copy as curl', () => {
  it('puts the token and secret in as shell variables, never as values', () => {
    const log = new CallLog()
    const entry = log.record(
      call({
        exchange: {
          request: {
            headers: [
              ['content-type', 'application/json'],
              ['host', 'api.weixin.qq.com']
            ],
            body: json(`{"appid":"wx1","secret":"${SECRET}"}`)
          },
          response: null
        }
      })
    )
    const curl = curlForCall(entry, log.detail(entry.id))
    expect(curl).toContain(`'https://api.weixin.qq.com/cgi-bin/menu/create?access_token='"$ACCESS_TOKEN"`)
    expect(curl).toContain(`--data-binary '{"appid":"wx1","secret":"'"$APPSECRET"'"}'`)
    expect(curl).toContain('-X POST')
    expect(curl).toContain("-H 'content-type: application/json'")
    expect(curl).not.toContain('host:')
    expect(curl).toMatch(/^# Set ACCESS_TOKEN to /)
    expect(curl).not.toContain(TOKEN)
    expect(curl).not.toContain(SECRET)
  })

  it('leaves out a body the log could not keep, and says how to add it', () => {
    const entry = new CallLog().record(call())
    const binary = { text: null, contentType: 'image/jpeg', bytes: 12, truncated: false }
    const curl = curlForCall(entry, { entry, request: { headers: [], body: binary }, response: null })
    expect(curl).toContain('# The request body (12 bytes, image/jpeg) is not in the log')
    expect(curl).not.toContain("--data-binary '")
  })
})
