import { describe, expect, it } from 'vitest'
import { EMULATOR_FAULTS, type EmulatorFault } from '../../../src/shared/contract'
import { FaultQueue, faultReply } from '../../../src/emulator/faults'

const context = { path: '/cgi-bin/token', callerIp: '127.0.0.1', rid: '69211a60-01234567-89abcdef' }

describe('FaultQueue', () => {
  it('serves faults first in, first out, each once', () => {
    const queue = new FaultQueue()
    queue.push('hang')
    queue.push('quota', 2)
    expect(queue.pending()).toEqual(['hang', 'quota', 'quota'])
    expect([queue.next(), queue.next(), queue.next(), queue.next()]).toEqual([
      'hang',
      'quota',
      'quota',
      undefined
    ])
  })

  it('refuses a fault it does not know and counts below one', () => {
    const queue = new FaultQueue()
    expect(() => queue.push('meteor' as EmulatorFault)).toThrow(RangeError)
    expect(() => queue.push('hang', -1)).toThrow(RangeError)
    expect(queue.pending()).toEqual([])
  })
})

describe('faultReply', () => {
  it('has an answer for every fault the UI can inject', () => {
    for (const fault of EMULATOR_FAULTS) expect(faultReply(fault, context).kind).toBeTruthy()
  })

  it('answers WeChat errors with HTTP 200 and the rid', () => {
    expect(faultReply('system-error', context)).toMatchObject({
      kind: 'send',
      status: 200,
      body: JSON.stringify({ errcode: -1, errmsg: 'system error rid: 69211a60-01234567-89abcdef' })
    })
  })

  it('truncates JSON so that it can never parse', () => {
    for (const path of ['/cgi-bin/token', '/cgi-bin/stable_token', '/cgi-bin/getcallbackip']) {
      for (let i = 0; i < 20; i++) {
        const reply = faultReply('malformed-json', { ...context, path })
        if (reply.kind !== 'send') throw new Error('expected a body')
        expect(() => JSON.parse(reply.body) as unknown).toThrow(SyntaxError)
      }
    }
  })
})
