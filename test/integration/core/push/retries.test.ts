import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PushService, type MessageEntry, type PushEvent, type TemplateId } from '../../../../src/core/push'
import { startWebotReceiver, type Receiver } from '../../../support/push-receivers'

const TOKEN = 'pamtest'
/** WeChat waits 5 s; the tests wait 1 s so a slow handler (3 s) costs seconds, not a quarter minute. */
const PATIENCE_MS = 1_000
const SLOW_MS = 3_000

describe("WeChat's retries against a slow node-webot handler", () => {
  let service: PushService
  let receiver: Receiver | null = null

  beforeEach(() => {
    service = new PushService({ attemptTimeoutMs: PATIENCE_MS })
  })
  afterEach(async () => {
    await service.close()
    await receiver?.close()
    receiver = null
  })

  async function push(template: TemplateId, retry: boolean): Promise<MessageEntry> {
    if (receiver === null) throw new Error('no receiver')
    const target = { url: receiver.url, token: TOKEN }
    const composed = service.compose(target, template)
    if (!composed.ok) throw new Error('compose')
    const sent = await service.send(target, { body: composed.value.body, template, retry })
    if (!sent.ok) throw new Error('send')
    return sent.value
  }

  it('resends the same message when the first delivery gets no answer, and takes the second answer', async () => {
    receiver = await startWebotReceiver({ token: TOKEN, delayFor: (n) => (n === 1 ? SLOW_MS : 0) })
    const events: PushEvent['type'][] = []
    service.subscribe((event) => events.push(event.type))
    const entry = await push('text', true)

    expect(entry.attempts.map((a) => [a.delivery, a.outcome.kind])).toEqual([
      [1, 'timeout'],
      [2, 'answer']
    ])
    expect(events).toEqual(['attempt', 'attempt', 'entry'])
    expect(entry.verdict).toMatchObject({ accepted: true, judgedDelivery: 2, phone: { kind: 'text' } })
    const retried = entry.verdict.findings.find((f) => f.code === 'answered-on-retry')
    expect(retried?.message.en).toContain(`MsgId ${entry.incoming?.msgId ?? '?'}`)
    // The handler saw the same push twice: same MsgId, same signed query.
    expect(receiver.received.map((m) => m['MsgId'])).toEqual([entry.incoming?.msgId, entry.incoming?.msgId])
    expect(receiver.requests[1]?.query).toEqual(receiver.requests[0]?.query)
  })

  it('gives up after three deliveries without an answer, and the user sees the service-unavailable line', async () => {
    receiver = await startWebotReceiver({ token: TOKEN, delayFor: () => SLOW_MS })
    const entry = await push('text', true)
    expect(entry.attempts.map((a) => a.outcome.kind)).toEqual(['timeout', 'timeout', 'timeout'])
    expect(entry.verdict.accepted).toBe(false)
    expect(entry.verdict.findings[0]?.code).toBe('no-answer')
    expect(entry.verdict.summary['zh-CN']).toContain('该公众号暂时无法提供服务，请稍后再试')
    expect(receiver.received).toHaveLength(3)
  })

  it('sends once without retries, and says WeChat would try twice more', async () => {
    receiver = await startWebotReceiver({ token: TOKEN, delayFor: () => SLOW_MS })
    const entry = await push('text', false)
    expect(entry.attempts).toHaveLength(1)
    expect(entry.verdict.findings.map((f) => f.code)).toEqual(['no-answer', 'retries-off'])
  })

  it('names FromUserName + CreateTime as the dedupe key of a retried event', async () => {
    receiver = await startWebotReceiver({ token: TOKEN, delayFor: (n) => (n === 1 ? SLOW_MS : 0) })
    const entry = await push('event.subscribe', true)
    const retried = entry.verdict.findings.find((f) => f.code === 'answered-on-retry')
    expect(retried?.message.en).toContain('FromUserName + CreateTime')
    expect(receiver.received.map((m) => m['CreateTime'])).toEqual([
      entry.incoming?.createTime,
      entry.incoming?.createTime
    ])
  })
})
