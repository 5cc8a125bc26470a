import type { IncomingMessage } from 'node:http'
import { isIP } from 'node:net'
import { networkInterfaces } from 'node:os'
import { hostForUrl } from './listen'

/** The "every interface" addresses (IPv4 all-zeros, IPv6 `::`). */
export function isUnspecifiedHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  if (isIP(bare) === 4) return bare.split('.').every((part) => Number(part) === 0)
  return isIP(bare) === 6 && /^[0:]+$/.test(bare)
}

/**
 * The Host header values a request may carry (lower-case), which defeats DNS rebinding: a page on
 * evil.example that re-resolves its name to 127.0.0.1 still sends `Host: evil.example`. A bind accepts its own
 * address and `localhost` (a non-loopback bind is the user's explicit choice); the all-interfaces address
 * accepts loopback plus every interface address of this machine.
 */
export function allowedHostHeaders(boundHost: string, port: number): ReadonlySet<string> {
  const names = new Set<string>()
  if (isUnspecifiedHost(boundHost)) {
    names.add('127.0.0.1').add('localhost').add('[::1]')
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(hostForUrl(info.address.toLowerCase()))
    }
  } else {
    names.add(hostForUrl(boundHost.toLowerCase())).add('localhost')
  }
  const allowed = new Set<string>()
  for (const name of names) {
    allowed.add(`${name}:${port}`)
    if (port === 80) allowed.add(name)
  }
  return allowed
}

/** `ok`; `foreign` (none, or a name this server is not); `duplicate` (more than one Host header). */
export type HostVerdict = 'ok' | 'foreign' | 'duplicate'

/**
 * Checks a request's Host header against the names a server answers to. Two Host headers are refused
 * (RFC 9112 §3.2 makes such a request invalid): Node keeps only the first, while a proxy in front may have
 * judged the request by the other one.
 */
export function checkHostHeader(req: IncomingMessage, allowed: ReadonlySet<string>): HostVerdict {
  const host = req.headers.host
  if (host === undefined || !(allowed.has(host) || allowed.has(host.toLowerCase()))) return 'foreign'
  const raw = req.rawHeaders
  let seen = 0
  for (let i = 0; i < raw.length; i += 2) if (isHostName(raw[i] ?? '') && ++seen > 1) return 'duplicate'
  return 'ok'
}

/** `host` in any case, compared in place (the hot path allocates nothing). */
function isHostName(name: string): boolean {
  return (
    name.length === 4 &&
    (name.charCodeAt(0) | 0x20) === 0x68 &&
    (name.charCodeAt(1) | 0x20) === 0x6f &&
    (name.charCodeAt(2) | 0x20) === 0x73 &&
    (name.charCodeAt(3) | 0x20) === 0x74
  )
}
