import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { isBindable, listLanAddresses, type InterfaceTable } from '../../../../src/core/oauth/lan-addresses'

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`
})
const v6 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid: 0
})

const TABLE: InterfaceTable = {
  lo: [v4('127.0.0.1', true)],
  en0: [v6('fe80::1c2b:3aff:fe4d:5e6f'), v6('2408:8207:1234::5'), v4('192.168.1.20')],
  utun3: [v4('10.8.0.2')]
}

describe('the addresses the callback catcher offers', () => {
  it('lists loopback first, then IPv4 LAN addresses, then global IPv6; no link-local', () => {
    expect(listLanAddresses(TABLE).map((a) => `${a.address} ${a.interfaceName}`)).toEqual([
      '127.0.0.1 loopback',
      '192.168.1.20 en0',
      '10.8.0.2 utun3',
      '2408:8207:1234::5 en0'
    ])
  })

  it('binds only to loopback or this machine’s own addresses, never a wildcard or a stranger', () => {
    expect(isBindable('127.0.0.1', TABLE)).toBe(true)
    expect(isBindable('::1', TABLE)).toBe(true)
    expect(isBindable('192.168.1.20', TABLE)).toBe(true)
    expect(isBindable('::', TABLE)).toBe(false)
    expect(isBindable('192.168.1.21', TABLE)).toBe(false)
    expect(isBindable('8.8.8.8', TABLE)).toBe(false)
    expect(isBindable('localhost', TABLE)).toBe(false)
  })
})
