import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { allowedHostHeaders, checkHostHeader } from '../http/host-header'
import { closeServer, listen, type ListenAddress } from '../http/listen'
import { pageReply, textReply, writeReply } from '../http/reply'
import type { Clock } from '../time/clock'
import { CATCHER_CSP, catcherPage, type CatcherPageKind } from './catcher-page'

export const DEFAULT_CATCHER_PATH = '/oauth/callback'
/** Stop listening if no redirect arrives by then. */
export const CATCHER_TIMEOUT_MS = 10 * 60_000
/** After the capture, keep answering WeChat's duplicate callback this long, then close. */
export const CATCHER_LINGER_MS = 15_000

/** Refused states the catcher remembers (each is reported once); more are answered but not reported. */
export const MAX_REFUSALS = 16
/** At most one refusal is reported per this interval: a script cannot flood the UI through the catcher. */
export const REFUSAL_REPORT_SPACING_MS = 1_000

const CODE = /^[A-Za-z0-9_-]{1,256}$/
const STATE = /^[\x21-\x7e]{0,256}$/

export type CatcherCloseReason = 'captured' | 'timeout' | 'stopped'

export interface CatcherOptions {
  host: string
  port: number
  /** The only path answered, e.g. `/oauth/callback`. */
  path: string
  clock: Clock
  timeoutMs?: number
  lingerMs?: number
  /** The first redirect with a code. Called once per catcher. */
  onCapture(redirect: { code: string; state: string | null; at: number }): void
  /**
   * A redirect with a state but no code: the user refused. Called once per state, for at most
   * `MAX_REFUSALS` states and one a second, and never once a code was captured.
   */
  onRefusal?(redirect: { state: string | null; at: number }): void
  onClose?(reason: CatcherCloseReason): void
}

/** A callback path: `/` then letters, digits and `/ _ . -`; no `..`, no query, no fragment. */
export function checkCatcherPath(path: string): boolean {
  return /^\/[A-Za-z0-9/_.-]{0,199}$/.test(path) && !path.includes('..') && !path.includes('//')
}

/**
 * The callback catcher: a tiny HTTP server on the address and port the user chose, answering one path only.
 * It hands the first code to the desk, answers WeChat's duplicate callback without handing it over again,
 * closes after the capture (plus a short linger) or a timeout, and serves nothing else: every other path
 * or method gets a plain 404, and no input is echoed except an escaped, validated state.
 */
export class CallbackCatcher {
  private captured: { code: string; state: string | null } | null = null
  private readonly refusedStates = new Set<string>()
  private lastRefusalReportAt = Number.NEGATIVE_INFINITY
  private readonly allowedHosts: ReadonlySet<string>
  private cancelTimer: (() => void) | null = null
  private closed = false
  readonly closesAt: number

  private constructor(
    private readonly server: Server,
    private readonly options: CatcherOptions,
    private readonly address: ListenAddress
  ) {
    // Like the Local API: a page elsewhere that rebinds its name to this address still says its own name.
    this.allowedHosts = allowedHostHeaders(address.host, address.port)
    const timeout = options.timeoutMs ?? CATCHER_TIMEOUT_MS
    this.closesAt = options.clock.now() + timeout
    this.cancelTimer = options.clock.setTimer(() => void this.close('timeout'), timeout)
  }

  /** Listens; rejects with the socket error (EADDRINUSE, EADDRNOTAVAIL …) when it cannot. */
  static async start(options: CatcherOptions): Promise<CallbackCatcher> {
    let catcher: CallbackCatcher | null = null
    const server = createServer((req, res) => {
      if (catcher) catcher.serve(req, res)
      else notFound(res)
    })
    server.headersTimeout = 10_000
    server.requestTimeout = 15_000
    catcher = new CallbackCatcher(server, options, await listen(server, options.host, options.port))
    return catcher
  }

  get port(): number {
    return this.address.port
  }

  /** The redirect URI to put in the authorize link. */
  get url(): string {
    return `${this.address.url}${this.options.path}`
  }

  get isClosed(): boolean {
    return this.closed
  }

  stop(): Promise<void> {
    return this.close('stopped')
  }

  private serve(req: IncomingMessage, res: ServerResponse): void {
    // The raw request target, not a normalised one: `/oauth/x/../callback` or `/oauth/%63allback` are not the
    // path this catcher printed, whatever they resolve to.
    const target = req.url ?? ''
    const query = target.indexOf('?')
    const rawPath = query < 0 ? target : target.slice(0, query)
    let url: URL
    try {
      url = new URL(target, 'http://catcher.invalid')
    } catch {
      notFound(res)
      return
    }
    if (req.method !== 'GET' || rawPath !== this.options.path || this.closed) {
      notFound(res)
      return
    }
    if (checkHostHeader(req, this.allowedHosts) !== 'ok') {
      writeReply(res, FORBIDDEN_HOST)
      return
    }
    const at = this.options.clock.now()
    const code = url.searchParams.get('code')
    const rawState = url.searchParams.get('state')
    const state = rawState !== null && STATE.test(rawState) ? rawState : null
    if (code === null || code === '') {
      if (rawState === null) {
        page(res, 400, 'nothing', null)
        return
      }
      // Once a code is caught the session is settled: a later "refusal" (a forged one, or a second tab) is
      // answered but changes nothing.
      if (this.captured) {
        page(res, 409, 'busy', null)
        return
      }
      this.reportRefusal(state, at)
      page(res, 200, 'refused', state)
      return
    }
    if (!CODE.test(code)) {
      page(res, 400, 'nothing', null)
      return
    }
    if (this.captured) {
      const same = this.captured.code === code || (state !== null && this.captured.state === state)
      page(res, same ? 200 : 409, same ? 'duplicate' : 'busy', same ? state : null)
      return
    }
    this.captured = { code, state }
    this.cancelTimer?.()
    this.cancelTimer = this.options.clock.setTimer(
      () => void this.close('captured'),
      this.options.lingerMs ?? CATCHER_LINGER_MS
    )
    page(res, 200, 'done', state)
    this.options.onCapture({ code, state, at })
  }

  private reportRefusal(state: string | null, at: number): void {
    const key = state ?? ''
    if (this.refusedStates.has(key) || this.refusedStates.size >= MAX_REFUSALS) return
    if (at - this.lastRefusalReportAt < REFUSAL_REPORT_SPACING_MS) return
    this.refusedStates.add(key)
    this.lastRefusalReportAt = at
    this.options.onRefusal?.({ state, at })
  }

  private async close(reason: CatcherCloseReason): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.cancelTimer?.()
    this.cancelTimer = null
    await closeServer(this.server)
    this.options.onClose?.(reason)
  }
}

// Every answer closes its connection: the phone has nothing more to ask, and a catcher that is about to stop
// should not keep idle sockets around.

const NOT_FOUND = textReply(404, 'Not found\n', {
  close: true,
  headers: { 'referrer-policy': 'no-referrer' }
})

const FORBIDDEN_HOST = textReply(403, 'This address answers only to its own name.\n', {
  close: true,
  headers: { 'referrer-policy': 'no-referrer' }
})

function notFound(res: ServerResponse): void {
  writeReply(res, NOT_FOUND)
}

function page(res: ServerResponse, status: number, kind: CatcherPageKind, state: string | null): void {
  writeReply(res, pageReply(status, catcherPage(kind, state), CATCHER_CSP, { close: true }))
}
