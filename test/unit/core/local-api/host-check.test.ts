import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import {
  allowedHostHeaders,
  checkListenHost,
  isLoopbackHost,
  isUnspecifiedHost
} from '../../../../src/core/local-api/host-check'

const ANY_V4 = ['0', '0', '0', '0'].join('.')

describe('listen addresses', () => {
  it('knows loopback and the all-interfaces addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
      expect(isLoopbackHost(host), host).toBe(true)
    }
    for (const host of ['192.168.1.2', '10.0.0.1', ANY_V4, '::', 'example.com', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
    expect(isUnspecifiedHost(ANY_V4)).toBe(true)
    expect(isUnspecifiedHost('::')).toBe(true)
    expect(isUnspecifiedHost('127.0.0.1')).toBe(false)
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

describe('allowed Host headers (DNS-rebinding defence)', () => {
  it('a loopback bind accepts its address and localhost, with the port', () => {
    expect([...allowedHostHeaders('127.0.0.1', 17180)].sort()).toEqual(['127.0.0.1:17180', 'localhost:17180'])
    expect([...allowedHostHeaders('::1', 4000)].sort()).toEqual(['[::1]:4000', 'localhost:4000'])
  })

  it('a non-loopback bind accepts its own address too, and no other name', () => {
    const allowed = allowedHostHeaders('192.168.1.20', 17180)
    expect([...allowed].sort()).toEqual(['192.168.1.20:17180', 'localhost:17180'])
    expect(allowed.has('evil.example:17180')).toBe(false)
  })

  it('port 80 may be left out, as browsers and clients do', () => {
    expect(allowedHostHeaders('127.0.0.1', 80).has('127.0.0.1')).toBe(true)
    expect(allowedHostHeaders('127.0.0.1', 81).has('127.0.0.1')).toBe(false)
  })

  it('the all-interfaces bind accepts loopback and every address of this machine', () => {
    const allowed = allowedHostHeaders(ANY_V4, 17180)
    expect(allowed.has('127.0.0.1:17180')).toBe(true)
    expect(allowed.has('localhost:17180')).toBe(true)
    const v4 = Object.values(networkInterfaces())
      .flat()
      .find((i) => i?.family === 'IPv4')
    if (v4) expect(allowed.has(`${v4.address}:17180`)).toBe(true)
    expect(allowed.has('evil.example:17180')).toBe(false)
  })
})
