import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { allowedHostHeaders, checkHostHeader, isUnspecifiedHost } from '../../../../src/core/http/host-header'

const ANY_V4 = ['0', '0', '0', '0'].join('.')

/** A request as far as the Host check reads it: Node's parsed headers (first Host wins) and the raw lines. */
function request(rawHeaders: string[]): IncomingMessage {
  const headers: Record<string, string> = {}
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase()
    headers[name] ??= rawHeaders[i + 1] ?? ''
  }
  return { headers, rawHeaders } as unknown as IncomingMessage
}

describe('the all-interfaces addresses', () => {
  it('are IPv4 all-zeros and IPv6 ::', () => {
    expect(isUnspecifiedHost(ANY_V4)).toBe(true)
    expect(isUnspecifiedHost('::')).toBe(true)
    expect(isUnspecifiedHost('127.0.0.1')).toBe(false)
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

describe('checking a request’s Host header', () => {
  const allowed = allowedHostHeaders('127.0.0.1', 17180)

  it('accepts one Host naming the server, in any case', () => {
    expect(checkHostHeader(request(['Host', '127.0.0.1:17180']), allowed)).toBe('ok')
    expect(checkHostHeader(request(['host', 'LOCALHOST:17180', 'Accept', '*/*']), allowed)).toBe('ok')
  })

  it('refuses a missing Host and a foreign one', () => {
    expect(checkHostHeader(request([]), allowed)).toBe('foreign')
    expect(checkHostHeader(request(['Host', 'evil.example:17180']), allowed)).toBe('foreign')
  })

  it('refuses two Host headers, whichever comes first', () => {
    for (const second of ['evil.example', '127.0.0.1:17180']) {
      const raw = ['Host', '127.0.0.1:17180', 'X-Other', 'x', 'HOST', second]
      expect(checkHostHeader(request(raw), allowed), second).toBe('duplicate')
    }
    expect(checkHostHeader(request(['Host', 'evil.example', 'Host', '127.0.0.1:17180']), allowed)).not.toBe(
      'ok'
    )
  })

  it('does not mistake other four-letter headers for Host', () => {
    const raw = ['Host', '127.0.0.1:17180', 'Hist', 'x', 'post', 'y', 'hosT-', 'z']
    expect(checkHostHeader(request(raw), allowed)).toBe('ok')
  })
})
