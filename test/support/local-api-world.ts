import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import {
  createLocalApiServer,
  generateApiKey,
  profileCatalog,
  RequestLog,
  type LocalApiServer,
  type LocalApiServerOptions
} from '../../src/core/local-api'
import type { AppDraft } from '../../src/shared/contract'
import { encryptedTicketStore, TicketKeeper } from '../../src/core/tokens/tickets'
import { keeperWorld, type KeeperWorld } from './keeper-world'

export { parseRawResponse, rawExchange } from './raw-http'

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  text: string
  json<T = Record<string, unknown>>(): T
}

export interface HttpCall {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** Overrides the Host header (defaults to the server's own `127.0.0.1:PORT`). */
  host?: string
}

/** A plain HTTP/1.1 client, as an SDK would use: node:http, no helpers that hide what is sent. */
export function httpCall(baseUrl: string, call: HttpCall, seen?: string[]): Promise<HttpAnswer> {
  const url = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: call.method ?? 'GET',
        path: call.path,
        headers: { ...(call.host !== undefined && { host: call.host }), ...call.headers },
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          seen?.push(text)
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T
          })
        })
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    if (call.body !== undefined) req.write(call.body)
    req.end()
  })
}

export interface LocalApiWorld extends KeeperWorld {
  server: LocalApiServer
  url: string
  port: number
  key: string
  requestLog: RequestLog
  tickets: TicketKeeper
  /** Every response body any call through `call` received (to prove no secret ever leaves). */
  bodies: string[]
  call(call: HttpCall): Promise<HttpAnswer>
  /** `call` with the API key. */
  authed(call: HttpCall): Promise<HttpAnswer>
}

/**
 * The token keeper world (emulator over real HTTP, injected clock) with the local API in front of it, on
 * 127.0.0.1 and a free port.
 */
export async function localApiWorld(
  draft: Partial<AppDraft> = {},
  options: Partial<Omit<LocalApiServerOptions, 'catalog' | 'tokens' | 'clock' | 'apiKey'>> & {
    accountType?: 'normal' | 'test'
  } = {}
): Promise<LocalApiWorld> {
  const { accountType, ...serverOptions } = options
  const world = await keeperWorld(draft, { accountType })
  const key = generateApiKey()
  const requestLog = new RequestLog()
  const tickets = new TicketKeeper({
    tokens: world.keeper,
    client: world.client,
    credentials: (id) => world.profiles.credentials(id),
    store: encryptedTicketStore(world.store, world.cipher),
    clock: world.clock,
    callLog: world.callLog
  })
  const server = createLocalApiServer({
    host: '127.0.0.1',
    port: 0,
    catalog: profileCatalog(world.profiles),
    tokens: world.keeper,
    clock: world.clock,
    apiKey: key,
    requestLog,
    gateway: { callLog: world.callLog, tickets },
    logError: () => undefined,
    ...serverOptions
  })
  const address = await server.listen()
  const bodies: string[] = []
  const call = (c: HttpCall): Promise<HttpAnswer> => httpCall(address.url, c, bodies)
  const closeWorld = world.close.bind(world)
  return Object.assign(world, {
    server,
    url: address.url,
    port: address.port,
    key,
    requestLog,
    tickets,
    bodies,
    call,
    authed: (c: HttpCall) => call({ ...c, headers: { authorization: `Bearer ${key}`, ...c.headers } }),
    async close() {
      await server.close()
      await tickets.whenIdle()
      tickets.stop()
      await closeWorld()
    }
  })
}
