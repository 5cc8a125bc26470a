import { describe, expect, it } from 'vitest'
import { checkListenHost, isLoopbackHost } from '../../../../src/core/local-api/host-check'

const ANY_V4 = ['0', '0', '0', '0'].join('.')

describe('listen addresses', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
    for (const host of ['192.168.1.2', '10.0.0.1', ANY_V4, '::', 'example.com', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
  })

  it('accepts loopback, and other addresses only when explicitly allowed', () => {
    expect(checkListenHost('127.0.0.1', false)).toEqual({ ok: true, host: '127.0.0.1' })
    expect(checkListenHost('localhost', false)).toEqual({ ok: true, host: '127.0.0.1' })
    expect(checkListenHost('[::1]', false)).toEqual({ ok: true, host: '::1' })
    expect(checkListenHost('192.168.1.20', false).ok).toBe(false)
    expect(checkListenHost('192.168.1.20', true)).toEqual({ ok: true, host: '192.168.1.20' })
    expect(checkListenHost(ANY_V4, true).ok).toBe(true)
    const name = checkListenHost('evil.example', true)
    expect(name.ok).toBe(false)
    if (!name.ok) expect(name.message.en).toContain('not an IP address')
  })
})
