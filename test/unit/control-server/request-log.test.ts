import { describe, expect, it } from 'vitest'
import { RequestLog } from '../../../src/main/control-server/request-log'

const entry = (route: string) => ({
  at: 1,
  method: 'GET',
  route,
  status: 200,
  callerPort: 5000,
  durationMs: 0.1
})

describe('the request log', () => {
  it('keeps the last N requests newest first and a running total', () => {
    const log = new RequestLog(3)
    expect(log.recent()).toEqual([])
    for (const route of ['/a', '/b', '/c', '/d', '/e']) log.record(entry(route))
    expect(log.total).toBe(5)
    expect(log.recent().map((e) => e.route)).toEqual(['/e', '/d', '/c'])
    expect(log.recent().map((e) => e.id)).toEqual([5, 4, 3])
  })

  it('tells listeners about each entry', () => {
    const log = new RequestLog()
    const seen: string[] = []
    const off = log.onEntry((e) => seen.push(e.route))
    log.record(entry('/x'))
    off()
    log.record(entry('/y'))
    expect(seen).toEqual(['/x'])
  })
})
