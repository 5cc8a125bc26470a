import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import type { LanAddress } from '../../shared/contract'

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>

const LOOPBACK: LanAddress = {
  address: '127.0.0.1',
  family: 'IPv4',
  interfaceName: 'loopback',
  loopback: true
}

/**
 * The addresses the callback catcher may listen on: 127.0.0.1 first (the emulator, and this machine only),
 * then this machine's IPv4 LAN addresses, then global IPv6 ones. Link-local IPv6 (fe80::) is left out: a
 * URL cannot carry its zone, and WeChat would not register it anyway.
 */
export function listLanAddresses(table: InterfaceTable = networkInterfaces()): LanAddress[] {
  const found: LanAddress[] = [LOOPBACK]
  const seen = new Set([LOOPBACK.address])
  const entries = Object.entries(table).flatMap(([name, infos]) =>
    (infos ?? []).map((info) => ({ name, info }))
  )
  const ordered = [
    ...entries.filter(({ info }) => info.family === 'IPv4'),
    ...entries.filter(({ info }) => info.family === 'IPv6')
  ]
  for (const { name, info } of ordered) {
    if (info.internal || seen.has(info.address)) continue
    if (info.family === 'IPv6' && /^fe[89ab]/i.test(info.address)) continue
    seen.add(info.address)
    found.push({ address: info.address, family: info.family, interfaceName: name, loopback: false })
  }
  return found
}

/** Whether the catcher may bind `host`: loopback, or one of this machine's addresses — never a wildcard. */
export function isBindable(host: string, table?: InterfaceTable): boolean {
  if (host === '127.0.0.1' || host === '::1') return true
  return listLanAddresses(table).some((entry) => entry.address === host)
}
