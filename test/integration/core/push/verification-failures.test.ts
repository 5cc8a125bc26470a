import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PushService, type VerifyEntry } from '../../../../src/core/push'
import { startFixedReceiver } from '../../../support/push-receivers'

const TOKEN = 'pamtest'

/** Servers that answer the verification GET wrongly, over real HTTP on 127.0.0.1. */
describe('URL verification failures, explained', () => {
  let service: PushService
  beforeAll(() => {
    service = new PushService({ attemptTimeoutMs: 500 })
  })
  afterAll(() => service.close())

  async function verifyAgainst(answer: Parameters<typeof startFixedReceiver>[0]): Promise<VerifyEntry> {
    const receiver = await startFixedReceiver(answer)
    try {
      const result = await service.verify({ url: receiver.url, token: TOKEN })
      if (!result.ok) throw new Error(result.error.message.en)
      return result.value
    } finally {
      await receiver.close()
    }
  }

  it.each([
    ['redirect', { status: 302, body: '', headers: { location: 'https://example.com/wechat' } }],
    ['json-instead', { status: 200, body: '{"echostr":"123"}' }],
    ['html-instead', { status: 200, body: '<!DOCTYPE html><html><body>Welcome</body></html>' }],
    ['signature-refused', { status: 401, body: 'Invalid signature' }],
    ['signature-refused', { status: 200, body: '' }],
    ['wrong-mode', { status: 500, body: 'cannot decrypt echostr: msg_signature missing' }],
    ['http-status', { status: 404, body: 'Not Found' }]
  ] as const)('says %s', async (code, answer) => {
    const entry = await verifyAgainst(answer)
    expect(entry.verdict.accepted).toBe(false)
    expect(entry.verdict.findings[0]?.code).toBe(code)
    expect(entry.verdict.summary['zh-CN']).not.toBe(entry.verdict.summary.en)
  })

  it('names the redirect target', async () => {
    const entry = await verifyAgainst({
      status: 301,
      body: '',
      headers: { location: 'https://example.com/' }
    })
    expect(entry.verdict.summary.en).toContain('https://example.com/')
  })

  it('never follows a redirect, even to another server on this machine', async () => {
    const elsewhere = await startFixedReceiver({ status: 200, body: 'followed' })
    try {
      const entry = await verifyAgainst({ status: 307, body: '', headers: { location: elsewhere.url } })
      expect(entry.attempts.map((a) => a.outcome.kind === 'answer' && a.outcome.status)).toEqual([307])
      expect(elsewhere.requests).toEqual([])
    } finally {
      await elsewhere.close()
    }
  })

  it('says "no answer within" when the server sits on the request', async () => {
    const entry = await verifyAgainst({ status: 200, body: 'late', delayMs: 3_000 })
    expect(entry.attempts.map((a) => a.outcome.kind)).toEqual(['timeout'])
    expect(entry.verdict.findings[0]?.code).toBe('timeout')
    expect(entry.verdict.summary['zh-CN']).toContain('请求URL超时')
  })

  it('says nothing listens when the port is closed', async () => {
    const receiver = await startFixedReceiver({ status: 200, body: '' })
    await receiver.close()
    const result = await service.verify({ url: receiver.url, token: TOKEN })
    if (!result.ok) throw new Error('verify')
    expect(result.value.verdict.findings[0]?.code).toBe('unreachable')
    expect(result.value.verdict.summary.en).toContain('connection refused')
  })

  it('sends nothing when the target is invalid, and says which field', async () => {
    const before = service.history().length
    const result = await service.verify({ url: 'ftp://127.0.0.1/', token: 'x!' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issues?.map((issue) => issue.path)).toEqual(['url', 'token'])
    expect(service.history()).toHaveLength(before)
  })
})
