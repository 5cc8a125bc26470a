import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Duplex } from 'node:stream'
import type { Clock } from '../time/clock'
import { redactText } from '../wechat/redact'
import { apiError, internalError, type ApiErrorCode } from './api-error'
import { accessToken, listApps, passiveRefresh, type ApiRouteDeps } from './api-routes'
import { AppIndex, type AppCatalog } from './app-index'
import { BearerAuth, WWW_AUTHENTICATE } from './auth'
import { allowedHostHeaders, hostForUrl } from './host-check'
import { hasBody, JSON_TYPE, MAX_BODY_BYTES, readBody, writeReply, type Reply } from './http-io'
import type { RequestLog } from './request-log'
import { APPID_SHAPE, matchRoute, type RouteMatch } from './router'
import { TokenEventStream } from './sse'
import { TokenResponses } from './token-response'
import type { TokenSource } from './token-source'
import { WeChatCompat } from './wechat-compat'

export interface ControlServerTimeouts {
  /** Time a client has to send its request line and headers. */
  headersMs: number
  /** Time a client has to send its whole request, body included. */
  requestMs: number
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveMs: number
  /**
   * A connection on which nothing moves either way for this long is closed (event streams excepted); 0 = off.
   * Off by default: Node re-arms this timer on every read and write, which measured ~24 µs per request
   * (about a third of the hot path), while slow senders are already cut off by `headersMs`/`requestMs` and
   * idle keep-alive connections by `keepAliveMs`; every answer is a few hundred bytes, so a client that
   * stops reading cannot hold a response hostage either.
   */
  idleMs: number
  /** How often unfinished requests are checked against `headersMs` / `requestMs`. */
  checkIntervalMs: number
}

export const DEFAULT_TIMEOUTS: ControlServerTimeouts = {
  headersMs: 10_000,
  requestMs: 15_000,
  keepAliveMs: 5_000,
  idleMs: 0,
  checkIntervalMs: 1_000
}

export interface ControlServerOptions {
  /** Defaults to 127.0.0.1. Callers check non-loopback choices (see `checkListenHost`). */
  host?: string
  /** Defaults to 17180; 0 = any free port. */
  port?: number
  catalog: AppCatalog
  tokens: TokenSource
  clock: Clock
  /** The Bearer key of the /v1 routes; null refuses them all. */
  apiKey: string | null
  requestLog?: RequestLog
  maxBodyBytes?: number
  timeouts?: Partial<ControlServerTimeouts>
  /** Minimum spacing of honoured `force_refresh: true` calls per app (30 s, as WeChat). */
  forceSpacingMs?: number
  maxConnections?: number
  logError?: (error: unknown) => void
}

export interface ControlAddress {
  host: string
  port: number
  url: string
}

export interface ControlServer {
  readonly address: ControlAddress | null
  /** Starts listening (once); rejects with the listen error (EADDRINUSE …). */
  listen(): Promise<ControlAddress>
  /** Replaces the API key; open event streams are closed so their subscribers re-authenticate. */
  setApiKey(key: string | null): void
  /** Stops listening and closes every connection, event streams included; the server cannot listen again. */
  close(): Promise<void>
}

/** The local HTTP API (中控): plain `node:http`, loopback by default, one token per app shared with every caller. */
export function createControlServer(options: ControlServerOptions): ControlServer {
  return new HttpControlServer(options)
}

/** Routes that need the API key (the WeChat-compatible ones check the AppSecret instead). */
const KEYED = new Set(['apps', 'access-token', 'refresh', 'events'])

class HttpControlServer implements ControlServer {
  private server: Server | null = null
  private bound: ControlAddress | null = null
  private allowedHosts: ReadonlySet<string> = new Set()
  private apiKey: string | null
  private readonly auth: BearerAuth
  private readonly index: AppIndex
  private readonly routes: ApiRouteDeps
  private readonly compat: WeChatCompat
  private readonly events: TokenEventStream
  private readonly timeouts: ControlServerTimeouts
  private readonly maxBodyBytes: number
  private readonly logError: (error: unknown) => void
  private unsubscribeTokens: (() => void) | null = null
  private closed = false
  /** The last request target, routed: callers poll one URL, so repeated requests skip the routing. */
  private lastRoute: RoutedTarget | null = null

  constructor(private readonly options: ControlServerOptions) {
    this.apiKey = options.apiKey
    this.auth = new BearerAuth(options.apiKey)
    this.index = new AppIndex(options.catalog)
    this.logError = options.logError ?? ((error) => console.error('[desk] local API error', error))
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
    const responses = new TokenResponses()
    const shared = {
      index: this.index,
      tokens: options.tokens,
      clock: options.clock,
      responses,
      logError: this.logError
    }
    this.routes = shared
    this.compat = new WeChatCompat({ ...shared, forceSpacingMs: options.forceSpacingMs ?? 30_000 })
    this.events = new TokenEventStream((profileId) => this.index.byProfile(profileId)?.appId ?? null)
  }

  get address(): ControlAddress | null {
    return this.bound
  }

  async listen(): Promise<ControlAddress> {
    if (this.bound) return this.bound
    if (this.closed) throw new Error('This control server was closed; create a new one.')
    const host = this.options.host ?? '127.0.0.1'
    const t = this.timeouts
    const server = createServer(
      {
        headersTimeout: t.headersMs,
        requestTimeout: t.requestMs,
        keepAliveTimeout: t.keepAliveMs,
        connectionsCheckingInterval: t.checkIntervalMs
      },
      (req, res) => this.handle(req, res)
    )
    server.timeout = t.idleMs
    server.maxConnections = this.options.maxConnections ?? 1024
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
      this.onClientError(error, socket)
    )
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host, port: this.options.port ?? 17180, exclusive: true }, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const { port } = server.address() as AddressInfo
    this.server = server
    this.allowedHosts = allowedHostHeaders(host, port)
    this.bound = { host, port, url: `http://${hostForUrl(host)}:${port}` }
    this.unsubscribeTokens = this.options.tokens.onChange((view) => this.events.onTokenView(view))
    return this.bound
  }

  setApiKey(key: string | null): void {
    this.apiKey = key
    this.auth.setKey(key)
    this.lastRoute = null // its label was masked with the old key
    this.events.closeAll()
  }

  async close(): Promise<void> {
    this.closed = true
    const server = this.server
    this.server = null
    this.bound = null
    this.unsubscribeTokens?.()
    this.unsubscribeTokens = null
    this.events.closeAll()
    this.index.dispose()
    if (!server) return
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET'
    const host = req.headers.host
    if (host === undefined || !(this.allowedHosts.has(host) || this.allowedHosts.has(host.toLowerCase()))) {
      const reply = apiError(
        403,
        'forbidden-host',
        'The Host header must name the address the desk listens on (e.g. 127.0.0.1:17180); requests for other names are refused.'
      )
      this.finish(this.exchange(req, res, method, this.unknownRoute(req.url ?? '')), reply)
      return
    }
    const { match, label } = this.routeOf(method, req.url ?? '/')
    const exchange = this.exchange(req, res, method, label)
    if (!hasBody(req)) {
      this.dispatch(exchange, match, '')
      return
    }
    exchange.waitingSince = performance.now()
    readBody(req, this.maxBodyBytes).then(
      (read) => {
        if (read.kind === 'aborted') return
        if (read.kind === 'too-large') {
          const message = `Request bodies are limited to ${this.maxBodyBytes} bytes.`
          this.finish(exchange, apiError(413, 'payload-too-large', message, { close: true }))
          return
        }
        this.dispatch(exchange, match, read.text)
      },
      (error: unknown) => this.fail(exchange, error)
    )
  }

  private exchange(req: IncomingMessage, res: ServerResponse, method: string, route: string): Exchange {
    // One clock read per request: the log's time, and the `expires_in` of a held token.
    return { req, res, method, route, at: this.options.clock.now(), waitingSince: null }
  }

  private dispatch(exchange: Exchange, match: RouteMatch, body: string): void {
    let outcome: Reply | Promise<Reply> | 'stream'
    try {
      outcome = this.decide(exchange, match, body)
    } catch (error) {
      this.fail(exchange, error)
      return
    }
    if (outcome === 'stream') {
      this.record(exchange, 200)
      return
    }
    if (outcome instanceof Promise) {
      exchange.waitingSince ??= performance.now()
      outcome.then(
        (reply) => this.finish(exchange, reply),
        (error: unknown) => this.fail(exchange, error)
      )
      return
    }
    this.finish(exchange, outcome)
  }

  private decide(
    { req, res, method, at, waitingSince }: Exchange,
    match: RouteMatch,
    body: string
  ): Reply | Promise<Reply> | 'stream' {
    if (match.kind === 'not-found')
      return apiError(404, 'not-found', 'No such endpoint. See GET /v1/apps and the README.')
    if (match.kind === 'method-not-allowed') {
      return apiError(405, 'method-not-allowed', `Use ${match.allow.join(' or ')} here.`, {
        headers: { allow: match.allow.join(', ') }
      })
    }
    if (KEYED.has(match.name) && !this.auth.allows(req.headers.authorization)) {
      return apiError(401, 'unauthorized', 'Send the desk’s API key as "Authorization: Bearer <key>".', {
        headers: WWW_AUTHENTICATE
      })
    }
    switch (match.name) {
      case 'healthz':
        return { status: 200, body: '{"ok":true}' }
      case 'apps':
        return listApps(this.routes)
      case 'access-token':
        // After waiting for a request body, the arrival time is no longer "now".
        return accessToken(
          this.routes,
          match.appid ?? '',
          waitingSince === null ? at : this.options.clock.now()
        )
      case 'refresh':
        return passiveRefresh(this.routes, match.appid ?? '', body)
      case 'events':
        this.events.open(req, res)
        return 'stream'
      case 'wx-token':
        return this.compat.classicToken(method, match.query)
      case 'wx-stable-token':
        return this.compat.stableToken(method, body)
    }
  }

  private finish(exchange: Exchange, reply: Reply): void {
    const { res } = exchange
    if (!res.headersSent && !res.destroyed) writeReply(res, reply)
    this.record(exchange, reply.status)
  }

  private fail(exchange: Exchange, error: unknown): void {
    this.logError(error)
    this.finish(exchange, internalError())
  }

  private record({ req, method, route, at, waitingSince }: Exchange, status: number): void {
    this.options.requestLog?.record(
      // When it was answered, so the log's times follow its order; an answer given at once, on arrival.
      waitingSince === null ? at : this.options.clock.now(),
      method,
      route,
      status,
      req.socket.remotePort ?? null,
      waitingSince === null ? 0 : Math.round((performance.now() - waitingSince) * 100) / 100
    )
  }

  private routeOf(method: string, target: string): RoutedTarget {
    const last = this.lastRoute
    if (last !== null && last.target === target && last.method === method) return last
    const match = matchRoute(method, target)
    const routed: RoutedTarget = { method, target, match, label: this.routeLabel(match) }
    // Only query-less targets are kept: a query may carry an AppSecret (`/cgi-bin/token?…&secret=`), which
    // must not outlive its request.
    if (!target.includes('?')) this.lastRoute = routed
    return routed
  }

  /** The path as the request log shows it: route templates for known routes, never a query string. */
  private routeLabel(match: RouteMatch): string {
    if (match.kind !== 'route') return this.unknownRoute(match.path)
    switch (match.name) {
      case 'access-token':
      case 'refresh': {
        const appid = match.appid !== null && APPID_SHAPE.test(match.appid) ? match.appid : '{appid}'
        return `/v1/apps/${appid}/access-token${match.name === 'refresh' ? '/refresh' : ''}`
      }
      case 'healthz':
        return '/healthz'
      case 'apps':
        return '/v1/apps'
      case 'events':
        return '/v1/events'
      case 'wx-token':
        return '/cgi-bin/token'
      case 'wx-stable-token':
        return '/cgi-bin/stable_token'
    }
  }

  /** An unknown path is caller-supplied text: shortened, query dropped, and anything credential-shaped masked. */
  private unknownRoute(target: string): string {
    const q = target.indexOf('?')
    const path = (q === -1 ? target : target.slice(0, q)).slice(0, 200)
    return redactText(path, this.apiKey === null ? [] : [this.apiKey])
  }

  /**
   * Requests Node's parser refuses (malformed, headers too large, too slow) still get the API's JSON error
   * shape, unless a response is already on its way on that connection.
   */
  private onClientError(error: NodeJS.ErrnoException, duplex: Duplex): void {
    const socket = duplex as Socket
    const inFlight = (socket as unknown as { _httpMessage?: { headersSent?: boolean } })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy()
      return
    }
    const [status, code, message] = clientErrorReply(error.code)
    const body = JSON.stringify({ error: { code, message } })
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
        `content-type: ${JSON_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
        'cache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n' +
        body
    )
    setTimeout(() => socket.destroy(), 1_000).unref()
    this.options.requestLog?.record(
      this.options.clock.now(),
      '-',
      '(unreadable request)',
      status,
      socket.remotePort ?? null,
      0
    )
  }
}

/** One request on its way through the server. */
interface Exchange {
  req: IncomingMessage
  res: ServerResponse
  method: string
  /** What the request log shows as its route. */
  route: string
  /** When it arrived (the clock's epoch ms). */
  at: number
  /**
   * `performance.now()` when the answer started waiting for the request body or for WeChat; null for an
   * answer given in the tick the request arrived, whose duration (microseconds) is recorded as 0 rather than
   * measured with two more clock reads on the hot path: the panel would show "0.0 ms" either way.
   */
  waitingSince: number | null
}

interface RoutedTarget {
  method: string
  target: string
  match: RouteMatch
  /** What the request log shows for it. */
  label: string
}

function clientErrorReply(code: string | undefined): [number, ApiErrorCode, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, 'headers-too-large', 'The request headers are too large.']
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'payload-too-large', 'The request body is too large.']
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'request-timeout', 'The request took too long to arrive and was dropped.']
    default:
      return [400, 'bad-request', 'The request is not well-formed HTTP/1.1.']
  }
}
