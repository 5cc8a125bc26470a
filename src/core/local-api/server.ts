import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Duplex } from 'node:stream'
import { guardConnections } from '../http/connection-guard'
import { allowedHostHeaders, checkHostHeader } from '../http/host-header'
import { closeServer, listen, type ListenAddress } from '../http/listen'
import { hasBody, MAX_BODY_BYTES, readBody } from '../http/read-body'
import { writeReply, writeReplyToSocket, type Reply } from '../http/reply'
import { RouteMemo } from '../http/route-memo'
import { Router } from '../http/router'
import { LOCAL_API_DEFAULT_PORT } from '../../shared/contract'
import type { Clock } from '../time/clock'
import { redactText } from '../wechat/redact'
import { apiError, internalError, type ApiErrorCode } from './api-error'
import { CallLog } from '../call-log'
import { AppIndex, type AppCatalog } from './app-index'
import { BearerAuth } from './auth'
import { Exchange, type Routed } from './exchange'
import { Gateway, type GatewayOptions } from './gateway/gateway'
import { relayHttp } from './gateway/http-adapter'
import type { RequestLog } from './request-log'
import {
  API_ROUTES,
  callerPath,
  routeLabel,
  unroutedReply,
  UNAUTHORIZED,
  type Answer,
  type RouteServices
} from './routes'
import { TokenEventStream } from './sse'
import { TokenResponses } from './token-response'
import type { TokenAccess } from './token-access'
import { WeChatCompat } from './wechat-compat'

export interface LocalApiServerTimeouts {
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

export const MAX_CONNECTIONS = 2048
/** Open connections past which idle ones are shed (see guardConnections). */
export const IDLE_HIGH_WATER = 256

export const DEFAULT_TIMEOUTS: LocalApiServerTimeouts = {
  headersMs: 10_000,
  requestMs: 15_000,
  keepAliveMs: 5_000,
  idleMs: 0,
  checkIntervalMs: 1_000
}

export interface LocalApiServerOptions {
  /** Defaults to 127.0.0.1. Callers check non-loopback choices (see `checkListenHost`). */
  host?: string
  /** Defaults to LOCAL_API_DEFAULT_PORT (17180); 0 = any free port. */
  port?: number
  catalog: AppCatalog
  tokens: TokenAccess
  clock: Clock
  /** The Bearer key of the /v1 routes; null refuses them all. */
  apiKey: string | null
  requestLog?: RequestLog
  /**
   * The WeChat host: the desk's one gateway, shared with the API console (the server neither makes nor closes
   * it), or the call log, ticket keeper and upstream dispatcher of a gateway of the server's own (a call log
   * of its own by default).
   */
  gateway?: Gateway | Partial<GatewayOptions>
  maxBodyBytes?: number
  timeouts?: Partial<LocalApiServerTimeouts>
  maxConnections?: number
  logError?: (error: unknown) => void
}

export type LocalApiAddress = ListenAddress

export interface LocalApiServer {
  readonly address: LocalApiAddress | null
  /** Starts listening (once); rejects with the listen error (EADDRINUSE …). */
  listen(): Promise<LocalApiAddress>
  /** Replaces the API key; open event streams are closed so their subscribers re-authenticate. */
  setApiKey(key: string | null): void
  /** Stops listening and closes every connection, event streams included; the server cannot listen again. */
  close(): Promise<void>
}

/** The local HTTP API (中控): plain `node:http`, loopback by default, one token per app shared with every caller. */
export function createLocalApiServer(options: LocalApiServerOptions): LocalApiServer {
  return new HttpLocalApiServer(options)
}

class HttpLocalApiServer implements LocalApiServer {
  private server: Server | null = null
  private bound: LocalApiAddress | null = null
  private allowedHosts: ReadonlySet<string> = new Set()
  private apiKey: string | null
  private readonly auth: BearerAuth
  private readonly index: AppIndex
  private readonly services: RouteServices
  private readonly router = new Router(API_ROUTES)
  private readonly memo = new RouteMemo<Routed>()
  private readonly timeouts: LocalApiServerTimeouts
  private readonly maxBodyBytes: number
  private readonly logError: (error: unknown) => void
  private unsubscribeTokens: (() => void) | null = null
  private closed = false
  /** The gateway was made here, so it goes with the server. */
  private readonly ownsGateway: boolean

  constructor(private readonly options: LocalApiServerOptions) {
    this.apiKey = options.apiKey
    this.auth = new BearerAuth(options.apiKey)
    this.index = new AppIndex(options.catalog)
    this.logError = options.logError ?? ((error) => console.error('[desk] local API error', error))
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
    this.maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES
    const api = {
      index: this.index,
      tokens: options.tokens,
      clock: options.clock,
      responses: new TokenResponses(),
      logError: this.logError
    }
    const given = options.gateway
    this.ownsGateway = !(given instanceof Gateway)
    this.services = {
      api,
      compat: new WeChatCompat(api),
      events: new TokenEventStream((profileId) => this.index.byProfile(profileId)?.appId ?? null),
      gateway:
        given instanceof Gateway
          ? given
          : new Gateway({
              callLog: new CallLog(),
              ...given,
              index: this.index,
              tokens: options.tokens,
              clock: options.clock,
              deskKey: () => this.apiKey
            })
    }
  }

  get address(): LocalApiAddress | null {
    return this.bound
  }

  async listen(): Promise<LocalApiAddress> {
    if (this.bound) return this.bound
    if (this.closed) throw new Error('This Local API server was closed; create a new one.')
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
    server.maxConnections = this.options.maxConnections ?? MAX_CONNECTIONS
    // Far below the maximum: a client flooding idle sockets loses its oldest ones, never the others' turn.
    guardConnections(server, { highWater: Math.min(IDLE_HIGH_WATER, server.maxConnections >> 1) })
    server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) =>
      this.onClientError(error, socket)
    )
    const address = await listen(server, host, this.options.port ?? LOCAL_API_DEFAULT_PORT)
    this.server = server
    this.allowedHosts = allowedHostHeaders(host, address.port)
    this.bound = address
    this.unsubscribeTokens = this.options.tokens.onChange((view) => this.services.events.onTokenView(view))
    return address
  }

  setApiKey(key: string | null): void {
    this.apiKey = key
    this.auth.setKey(key)
    this.memo.forget() // its label was masked with the old key
    this.services.events.closeAll()
  }

  async close(): Promise<void> {
    this.closed = true
    const server = this.server
    this.server = null
    this.bound = null
    this.unsubscribeTokens?.()
    this.unsubscribeTokens = null
    this.services.events.closeAll()
    this.index.dispose()
    if (server) await closeServer(server)
    if (this.ownsGateway) await this.services.gateway.close()
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const method = req.method ?? 'GET'
    const target = req.url ?? '/'
    const host = checkHostHeader(req, this.allowedHosts)
    if (host !== 'ok') {
      const refused: Routed = {
        match: { kind: 'not-found', path: target },
        label: callerPath(target, this.mask)
      }
      const reply = host === 'duplicate' ? DUPLICATE_HOST : FOREIGN_HOST
      this.finish(new Exchange(req, res, method, refused, this.options.clock), reply)
      return
    }
    const routed = this.routeOf(method, target)
    const exchange = new Exchange(req, res, method, routed, this.options.clock)
    const { match } = routed
    // The gateway's paths stream their bodies upstream: only the desk's own routes read theirs here.
    const streams = match.kind === 'route' ? match.route.body === 'stream' : !Gateway.owns(match.path)
    if (!hasBody(req) || streams) {
      this.dispatch(exchange, '')
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
        this.dispatch(exchange, read.text)
      },
      (error: unknown) => this.fail(exchange, error)
    )
  }

  private dispatch(exchange: Exchange, body: string): void {
    let answer: Answer
    try {
      answer = this.decide(exchange, body)
    } catch (error) {
      this.fail(exchange, error)
      return
    }
    if (answer instanceof Promise) {
      exchange.waitingSince ??= performance.now()
      answer.then(
        (reply) => this.finish(exchange, reply),
        (error: unknown) => this.fail(exchange, error)
      )
    } else if (answer.kind === 'streamed') {
      this.recordStreamed(exchange, answer.status)
    } else {
      this.finish(exchange, answer)
    }
  }

  /** The table decides: 404 / 405 from the match, 401 for a keyed route without the key, else its handler. */
  private decide(exchange: Exchange, body: string): Answer {
    const { match } = exchange.routed
    if (match.kind !== 'route')
      return Gateway.owns(match.path) ? unroutedReply(match) : relayHttp(this.services.gateway, exchange)
    const { route } = match
    if (route.keyed && !this.auth.allows(exchange.req.headers.authorization)) return UNAUTHORIZED
    return route.handle(this.services, exchange, body)
  }

  private finish(exchange: Exchange, reply: Reply): void {
    const { res } = exchange
    if (!res.headersSent && !res.destroyed) writeReply(res, reply)
    this.record(
      exchange,
      reply.kind === 'send' ? reply.status : 0,
      reply.kind === 'send' ? reply.errcode : undefined
    )
  }

  private fail(exchange: Exchange, error: unknown): void {
    this.logError(error)
    this.finish(exchange, internalError())
  }

  private recordStreamed(exchange: Exchange, status: number | Promise<number>): void {
    if (typeof status === 'number') {
      this.record(exchange, status)
      return
    }
    exchange.waitingSince ??= performance.now()
    status.then(
      (settled) => this.record(exchange, settled),
      (error: unknown) => {
        this.logError(error)
        this.record(exchange, 500)
      }
    )
  }

  private record(
    { req, method, routed, at, waitingSince }: Exchange,
    status: number,
    errcode?: number
  ): void {
    this.options.requestLog?.record(
      // When it was answered, so the log's times follow its order; an answer given at once, on arrival.
      waitingSince === null ? at : this.options.clock.now(),
      method,
      routed.label,
      status,
      req.socket.remotePort ?? null,
      waitingSince === null ? 0 : Math.round((performance.now() - waitingSince) * 100) / 100,
      errcode ?? null
    )
  }

  private routeOf(method: string, target: string): Routed {
    const kept = this.memo.recall(method, target)
    if (kept !== null) return kept
    const match = this.router.match(method, target)
    const routed: Routed = { match, label: routeLabel(match, this.mask) }
    this.memo.remember(method, target, routed)
    return routed
  }

  /** Caller-supplied text on its way to the log: anything shaped like the API key is masked. */
  private readonly mask = (text: string): string =>
    redactText(text, this.apiKey === null ? [] : [this.apiKey])

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
    writeReplyToSocket(socket, apiError(status, code, message))
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

const FOREIGN_HOST = apiError(
  403,
  'forbidden-host',
  `The Host header must name the address the desk listens on (e.g. 127.0.0.1:${LOCAL_API_DEFAULT_PORT}); requests for other names are refused.`
)
const DUPLICATE_HOST = apiError(400, 'bad-request', 'Send exactly one Host header.', { close: true })

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
