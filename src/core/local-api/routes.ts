import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseJsonObject } from '../http/read-body'
import { jsonReply, prepare, type Reply, type SendReply } from '../http/reply'
import type { RouteMatch, RouteSpec } from '../http/router'
import { apiError } from './api-error'
import { accessToken, listApps, passiveRefresh, type ApiRouteDeps } from './api-routes'
import { APPID_SHAPE } from './app-index'
import { WWW_AUTHENTICATE } from './auth'
import type { Gateway } from './gateway/gateway'
import { callerOf } from './gateway/http-adapter'
import { MAX_STREAMS, MAX_STREAMS_PER_CLIENT, type TokenEventStream } from './sse'
import type { WeChatCompat } from './wechat-compat'

/** One request as a route's handler sees it. */
export interface ApiCall {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  readonly method: string
  /** The path as sent (not decoded, no query). */
  readonly path: string
  /** The route's `{name}` segments, decoded. */
  readonly params: Readonly<Record<string, string>>
  /** The query string without its `?` ('' when none). */
  readonly query: string
  /** The request's "now": the clock reading taken on arrival, or a fresh one once it had to wait (for its body). */
  now(): number
}

/** The handler wrote the response itself (an event stream; an upstream answer streamed through). */
export interface Streamed {
  readonly kind: 'streamed'
  /** What the request log records, once known. */
  readonly status: number | Promise<number>
}

/** A handler's answer: a reply now or later, or word that it answered on `res` itself. */
export type Answer = Reply | Promise<Reply> | Streamed

/** What the handlers work with. */
export interface RouteServices {
  api: ApiRouteDeps
  compat: WeChatCompat
  events: TokenEventStream
  /** The WeChat host: relays, tickets, and the call log of what callers asked in WeChat's shape. */
  gateway: Gateway
}

/** One route of the local API, whole: where it sits, what it needs, how it is logged, who answers it. */
export interface ApiRoute extends RouteSpec {
  /** Needs the desk's API key (`Authorization: Bearer …`); WeChat's own paths check the AppSecret instead. */
  readonly keyed: boolean
  /**
   * `text` (the default): the body is read first, at most the server's limit (16 KB; 413 beyond), and handed
   * over as text. `stream`: the handler reads `call.req` itself (to stream it upstream, say) and gets ''.
   */
  readonly body?: 'text' | 'stream'
  handle(services: RouteServices, call: ApiCall, body: string): Answer
}

const READ = ['GET', 'HEAD'] as const
const HEALTHY = prepare(jsonReply(200, '{"ok":true}'))
const STREAMING: Streamed = Object.freeze({ kind: 'streamed', status: 200 })
const appidOf = (call: ApiCall): string => call.params['appid'] ?? ''
const typeOf = (call: ApiCall): string => call.params['type'] ?? ''
/** The AppID a WeChat token request names (query or JSON body), for the call log. */
const requestedAppid = (call: ApiCall, body: string): string | null => {
  const fromQuery = new URLSearchParams(call.query).get('appid')
  if (fromQuery !== null || body === '') return fromQuery
  const parsed = parseJsonObject(body)
  const appid = parsed.ok ? parsed.value['appid'] : null
  return typeof appid === 'string' ? appid : null
}

/** The local API. README › Local API documents the same table. */
export const API_ROUTES: readonly ApiRoute[] = [
  { path: '/healthz', methods: READ, keyed: false, handle: () => HEALTHY },
  { path: '/v1/apps', methods: READ, keyed: true, handle: ({ api }) => listApps(api) },
  {
    path: '/v1/apps/{appid}/access-token',
    methods: READ,
    keyed: true,
    handle: ({ api }, call) => accessToken(api, appidOf(call), call.now())
  },
  {
    path: '/v1/apps/{appid}/access-token/refresh',
    methods: ['POST'],
    keyed: true,
    handle: ({ api }, call, body) => passiveRefresh(api, appidOf(call), body)
  },
  {
    path: '/v1/events',
    methods: ['GET'],
    keyed: true,
    handle: ({ events }, call) => (events.open(call.req, call.res) === 'open' ? STREAMING : TOO_MANY_STREAMS)
  },
  {
    path: '/v1/apps/{appid}/tickets/{type}',
    methods: READ,
    keyed: true,
    handle: ({ gateway }, call) => gateway.tickets.deskTicket(appidOf(call), typeOf(call))
  },
  {
    path: '/v1/apps/{appid}/tickets/{type}/refresh',
    methods: ['POST'],
    keyed: true,
    handle: ({ gateway }, call, body) => gateway.tickets.refreshTicket(appidOf(call), typeOf(call), body)
  },
  {
    path: '/v1/apps/{appid}/jssdk-config',
    methods: READ,
    keyed: true,
    handle: ({ gateway }, call) => gateway.tickets.jssdkConfig(appidOf(call), call.query)
  },
  // WeChat's own paths answer a wrong method the way WeChat does (43001 / 43002, HTTP 200). Every other path
  // outside /v1 is the gateway's (see Gateway.owns): relayed to the app's upstream.
  {
    path: '/cgi-bin/token',
    methods: 'any',
    keyed: false,
    handle: ({ compat, gateway }, call) =>
      gateway.answers.answered(callerOf(call), requestedAppid(call, ''), '', () =>
        compat.classicToken(call.method, call.query)
      )
  },
  {
    path: '/cgi-bin/stable_token',
    methods: 'any',
    keyed: false,
    handle: ({ compat, gateway }, call, body) =>
      gateway.answers.answered(callerOf(call), requestedAppid(call, body), body, () =>
        compat.stableToken(call.method, body)
      )
  },
  {
    path: '/cgi-bin/ticket/getticket',
    methods: 'any',
    keyed: false,
    handle: ({ gateway }, call) => gateway.tickets.getTicket(callerOf(call))
  }
]

const TOO_MANY_STREAMS = apiError(
  503,
  'too-many-streams',
  `At most ${MAX_STREAMS} event streams are open at a time (${MAX_STREAMS_PER_CLIENT} per client address): ` +
    'close one you no longer read, or try again later.',
  { headers: { 'retry-after': '30' } }
)

/** Path parameters the request log may show, and the shape a value needs to be shown. */
const LOGGABLE_PARAMS: Readonly<Record<string, RegExp>> = { appid: APPID_SHAPE, type: /^(jsapi|wx_card)$/ }

/**
 * The request as the request log names it, never with a query string. A route: its path pattern, with a
 * parameter filled in when its value has a loggable shape, and a prefix route's rest as sent. Anything else
 * (and a prefix route's rest) is caller-supplied text: shortened, and passed through `mask`.
 */
export function routeLabel(match: RouteMatch<ApiRoute>, mask: (text: string) => string): string {
  if (match.kind !== 'route') return callerPath(match.path, mask)
  const { route, params } = match
  if (route.path.endsWith('/*')) return callerPath(match.path, mask)
  return route.path.replace(/\{(\w+)\}/g, (pattern, name: string) => {
    const value = params[name]
    return value !== undefined && LOGGABLE_PARAMS[name]?.test(value) ? value : pattern
  })
}

/** A request target as the log may show it: the path only, at most 200 characters, masked. */
export function callerPath(target: string, mask: (text: string) => string): string {
  const q = target.indexOf('?')
  return mask((q === -1 ? target : target.slice(0, q)).slice(0, 200))
}

const NOT_FOUND = prepare(apiError(404, 'not-found', 'No such endpoint. See GET /v1/apps and the README.'))

/** What a request that found no route gets: 404, or 405 with the methods the path answers. */
export function unroutedReply(match: Exclude<RouteMatch<ApiRoute>, { kind: 'route' }>): SendReply {
  if (match.kind === 'not-found') return NOT_FOUND
  return apiError(405, 'method-not-allowed', `Use ${match.allow.join(' or ')} here.`, {
    headers: { allow: match.allow.join(', ') }
  })
}

/** What a keyed route answers without the right key. */
export const UNAUTHORIZED = prepare(
  apiError(401, 'unauthorized', 'Send the desk’s API key as "Authorization: Bearer <key>".', {
    headers: WWW_AUTHENTICATE
  })
)
