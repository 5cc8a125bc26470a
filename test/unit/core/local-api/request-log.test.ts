import { describe, expect, it } from 'vitest'
import { RequestLog } from '../../../../src/core/local-api/request-log'

const record = (log: RequestLog, route: string, callerPort: number | null = 5000) =>
  log.record(1_700_000_000_000, 'GET', route, 200, callerPort, 0.25)

describe('the request log', () => {
  it('keeps the last N requests newest first and a running total', () => {
    const log = new RequestLog(3)
    expect(log.recent()).toEqual([])
    for (const route of ['/a', '/b', '/c', '/d', '/e']) record(log, route)
    expect(log.total).toBe(5)
    expect(log.recent().map((e) => e.route)).toEqual(['/e', '/d', '/c'])
    expect(log.recent().map((e) => e.id)).toEqual([5, 4, 3])
  })

  it('gives back every field it was given, a gone socket as a null port', () => {
    const log = new RequestLog(2)
    log.record(1_700_000_000_123, 'POST', '/v1/apps/{appid}/access-token/refresh', 502, 61234, 12.34)
    record(log, '/healthz', null)
    expect(log.recent()).toEqual([
      {
        id: 2,
        at: 1_700_000_000_000,
        method: 'GET',
        route: '/healthz',
        status: 200,
        callerPort: null,
        durationMs: 0.25
      },
      {
        id: 1,
        at: 1_700_000_000_123,
        method: 'POST',
        route: '/v1/apps/{appid}/access-token/refresh',
        status: 502,
        callerPort: 61234,
        durationMs: 12.34
      }
    ])
  })

  it('hands out what is new since an id, oldest first, bounded by what it still holds', () => {
    const log = new RequestLog(3)
    expect(log.since(0)).toEqual([])
    record(log, '/a')
    record(log, '/b')
    expect(log.since(0).map((e) => e.route)).toEqual(['/a', '/b'])
    expect(log.since(1).map((e) => e.route)).toEqual(['/b'])
    expect(log.since(2)).toEqual([])
    for (const route of ['/c', '/d', '/e']) record(log, route)
    expect(log.since(1).map((e) => e.id)).toEqual([3, 4, 5])
    expect(log.since(4).map((e) => e.route)).toEqual(['/e'])
  })

  it('tells watchers after each request until they unsubscribe', () => {
    const log = new RequestLog()
    const seen: string[] = []
    const off = log.onRecord(() => seen.push(...log.since(log.total - 1).map((e) => e.route)))
    record(log, '/x')
    off()
    record(log, '/y')
    expect(seen).toEqual(['/x'])
  })

  it('keeps WeChat’s errcode of an answer when it is given one, -1 included', () => {
    const log = new RequestLog(3)
    log.record(1_700_000_000_000, 'GET', '/cgi-bin/token', 200, 5000, 1, 40125)
    log.record(1_700_000_000_001, 'GET', '/cgi-bin/token', 200, 5000, 1, -1)
    record(log, '/healthz')
    expect(log.recent().map((e) => e.errcode)).toEqual([undefined, -1, 40125])
  })
})
