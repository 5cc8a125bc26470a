import { EMULATOR_FAULTS, type EmulatorFault } from '../shared/contract'
import { Listeners } from '../shared/listeners'
import { CALLBACK_IPS } from './debug-endpoints'
import { WX, ipNotWhitelisted } from '../core/wechat-wire/errors'
import { HANG, RESET, reply, type Reply } from '../core/http/reply'
import { WECHAT_JSON_TYPE } from '../core/wechat-wire/content-types'
import { wechatErrorReply } from './http-io'
import { randomTokenString } from './token-shape'

/** Faults waiting to be served, first in first out, one per request. */
export class FaultQueue {
  private queue: EmulatorFault[] = []
  private readonly listeners = new Listeners()

  /** Called whenever the queue changes: a fault queued, served or cleared. */
  onChange(listener: () => void): () => void {
    return this.listeners.add(listener)
  }

  push(fault: EmulatorFault, count = 1): void {
    if (!EMULATOR_FAULTS.includes(fault)) throw new RangeError(`Unknown emulator fault: ${String(fault)}`)
    if (!Number.isInteger(count) || count < 1)
      throw new RangeError(`Fault count must be a positive integer, got ${count}`)
    for (let i = 0; i < count; i++) this.queue.push(fault)
    this.changed()
  }

  next(): EmulatorFault | undefined {
    const fault = this.queue.shift()
    if (fault !== undefined) this.changed()
    return fault
  }

  pending(): EmulatorFault[] {
    return [...this.queue]
  }

  clear(): void {
    this.queue = []
    this.changed()
  }

  private changed(): void {
    this.listeners.emit()
  }
}

export interface FaultContext {
  path: string
  callerIp: string
  rid: string
}

// What a gateway in front of WeChat sends when the backend is down.
const BAD_GATEWAY_PAGE = [
  '<html>',
  '<head><title>502 Bad Gateway</title></head>',
  '<body>',
  '<center><h1>502 Bad Gateway</h1></center>',
  '<hr><center>nginx</center>',
  '</body>',
  '</html>',
  ''
].join('\r\n')

/** How a fault is served. None of them mints a token or counts toward a quota. */
export function faultReply(fault: EmulatorFault, context: FaultContext): Reply {
  switch (fault) {
    case 'system-error':
      return wechatErrorReply(WX.systemError, context.rid)
    case 'quota':
      return wechatErrorReply(WX.dailyQuota, context.rid)
    case 'ip-whitelist':
      return wechatErrorReply(ipNotWhitelisted(context.callerIp), context.rid)
    case 'http-500-html':
      return reply(502, 'text/html', BAD_GATEWAY_PAGE)
    case 'hang':
      return HANG
    case 'connection-reset':
      return RESET
    case 'malformed-json':
      return reply(200, WECHAT_JSON_TYPE, truncatedAnswer(context.path))
  }
}

/** The first half of a plausible answer: cut before its closing brace, it can never parse. */
function truncatedAnswer(path: string): string {
  // The token inside is random and never registered, so it cannot be used even if someone salvaged it.
  const whole =
    path === '/cgi-bin/getcallbackip'
      ? JSON.stringify({ ip_list: CALLBACK_IPS })
      : JSON.stringify({ access_token: randomTokenString(), expires_in: 7200 })
  return whole.slice(0, Math.floor(whole.length / 2))
}
