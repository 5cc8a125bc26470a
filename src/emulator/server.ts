import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { EmulatorFault } from '../shared/contract'
import { allowedHostHeaders, checkHostHeader } from '../core/http/host-header'
import { closeServer, hostForUrl, listen } from '../core/http/listen'
import { MAX_BODY_BYTES, parseJsonObject, readBody, readBodyBytes } from '../core/http/read-body'
import { writeReply, type Reply, type SendReply } from '../core/http/reply'
import { ApiState } from './api-state'
import { isOwnReply, type EmulatorRequest } from './endpoint'
import { simulateCode } from './mini-program-debug'
import type { MiniProgramCodeKind } from './mini-program-model'
import { recordIfShown } from './rid-log'
import { sandboxUsers } from './sandbox-users'
import { AppRegistry } from './app-registry'
import { ConsentTickets } from './consent-tickets'
import { TokenLedger } from './credential-model'
import { FaultQueue, faultReply } from './faults'
import { callerIpOf, wechatErrorReply, wechatJsonReply } from './http-io'
import { OAuthLedger } from './oauth-model'
import { createPageRoutes } from './oauth-pages'
import { makeRid } from './rid'
import { createRoutes } from './routes'
import { SANDBOX_APP } from './sandbox'
import { RequestStats } from './stats'
import type {
  Emulator,
  EmulatorAppConfig,
  EmulatorClock,
  EmulatorOptions,
  EmulatorStats,
  SandboxUser,
  SimulatedCode,
  TokenState
} from './types'

/** Creates the built-in WeChat emulator (not yet listening: call `start()`). */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  return new EmulatorServer(options)
}

interface Listening {
  server: Server
  url: string
}

class EmulatorServer implements Emulator {
  private readonly clock: EmulatorClock
  private readonly host: string
  private readonly port: number
  private readonly ledger = new TokenLedger()
  private readonly apps = new AppRegistry(this.ledger)
  private readonly oauth = new OAuthLedger()
  private readonly api = new ApiState()
  private readonly routes = createRoutes(this.apps, this.ledger, this.oauth, this.api)
  private readonly pages = createPageRoutes({
    apps: this.apps,
    oauth: this.oauth,
    tickets: new ConsentTickets()
  })
  private readonly faults = new FaultQueue()
  private readonly requestStats = new RequestStats()
  private listening: Promise<Listening> | undefined
  private active: Listening | undefined
  /** The Host headers requests may carry, and the one to name in a refusal. */
  private hostNames: ReadonlySet<string> = new Set()
  private hostName = ''

  constructor(options: EmulatorOptions) {
    this.clock = options.clock ?? { now: () => Date.now() }
    this.host = options.host ?? '127.0.0.1'
    this.port = options.port ?? 0
    for (const app of options.apps ?? [SANDBOX_APP]) this.apps.add(app)
  }

  get url(): string {
    if (!this.active) throw new Error('The WeChat emulator is not running; call start() first.')
    return this.active.url
  }

  get running(): boolean {
    return this.active !== undefined
  }

  async start(): Promise<string> {
    if (!this.listening) {
      const attempt = this.listen()
      this.listening = attempt
      // Registered before the await below, so `url` is set by the time start() resolves. A close() that came
      // in meanwhile has replaced `listening`, and the attempt is then not made active.
      attempt.then(
        (listening) => {
          if (this.listening === attempt) this.active = listening
        },
        () => {
          if (this.listening === attempt) this.listening = undefined
        }
      )
    }
    return (await this.listening).url
  }

  async close(): Promise<void> {
    const attempt = this.listening
    if (!attempt) return
    this.listening = undefined
    this.active = undefined
    const started = await attempt.catch(() => undefined)
    if (!started) return
    // Every connection goes, or requests left hanging by the 'hang' fault would hold close() open.
    await closeServer(started.server)
  }

  addApp(cfg: EmulatorAppConfig): void {
    this.apps.add(cfg)
  }

  injectFault(fault: EmulatorFault, count = 1): void {
    this.faults.push(fault, count)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  pendingFaults(): EmulatorFault[] {
    return this.faults.pending()
  }

  onFaultsChange(listener: () => void): () => void {
    return this.faults.onChange(listener)
  }

  stats(appid: string): EmulatorStats {
    return this.requestStats.of(appid)
  }

  ticketCalls(appid: string): number {
    return this.requestStats.calls(appid, 'ticket')
  }

  tokenState(token: string): TokenState {
    return this.ledger.stateOf(token, this.clock.now())
  }

  sandboxUsers(): SandboxUser[] {
    return sandboxUsers()
  }

  simulateLogin(appid: string, userId: string): SimulatedCode {
    return this.simulate('login', appid, userId)
  }

  simulatePhoneNumber(appid: string, userId: string): SimulatedCode {
    return this.simulate('phone', appid, userId)
  }

  private simulate(kind: MiniProgramCodeKind, appid: string, userId: string): SimulatedCode {
    const deps = { apps: this.apps, ledger: this.ledger, state: this.api }
    const simulated = simulateCode(deps, kind, appid, userId, this.clock.now())
    if (!simulated.ok) throw new RangeError(`Cannot simulate a Mini Program code: ${simulated.reason}`)
    return simulated.code
  }

  private async listen(): Promise<Listening> {
    const server = createServer((req, res) => {
      this.serve(req, res).catch(() => {
        if (res.headersSent) {
          res.destroy()
          return
        }
        writeReply(res, wechatJsonReply(500, { errcode: 500, errmsg: 'emulator: internal error' }))
      })
    })
    const address = await listen(server, this.host, this.port)
    this.hostNames = allowedHostHeaders(address.host, address.port)
    this.hostName = `${hostForUrl(address.host)}:${address.port}`
    return { server, url: address.url }
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = checkHostHeader(req, this.hostNames)
    if (host !== 'ok') {
      // The desk and browsers on this machine reach the emulator by the address it printed; any other name
      // is a page elsewhere trying DNS rebinding.
      const status = host === 'duplicate' ? 400 : 403
      const errmsg =
        host === 'duplicate'
          ? 'emulator: send exactly one Host header'
          : `emulator: the Host header must name this emulator (${this.hostName})`
      writeReply(res, wechatJsonReply(status, { errcode: status, errmsg }, { close: true }))
      return
    }
    const url = parseTarget(req.url ?? '/')
    const page = url && this.pages.get(url.pathname)
    if (page) {
      const read = await readBody(req, MAX_BODY_BYTES)
      if (read.kind === 'aborted') return
      const body = read.kind === 'body' ? read.text : ''
      // The raw query, not URL's re-serialisation: the authorize link's parameter order is checked.
      writeReply(
        res,
        page({ method: req.method ?? 'GET', rawQuery: rawQueryOf(req), body, now: this.clock.now() })
      )
      return
    }
    const route = url && this.routes.get(url.pathname)
    if (!url || !route) {
      // Not WeChat's behaviour (it answers unknown cgi paths inconsistently); a plain 404 makes a wrong
      // base URL or path obvious to whoever is testing against the emulator.
      const errmsg = `emulator: no such endpoint ${url?.pathname ?? req.url}`
      writeReply(res, wechatJsonReply(404, { errcode: 404, errmsg }))
      return
    }
    const limit = route.maxBodyBytes ?? MAX_BODY_BYTES
    const read = await readBodyBytes(req, limit)
    if (read.kind === 'aborted') return
    if (read.kind === 'too-large') {
      const errmsg = `emulator: request body over ${limit} bytes`
      const refusal = route.oversize
        ? { ...wechatErrorReply(route.oversize, makeRid(this.clock.now())), close: true }
        : wechatJsonReply(413, { errcode: 413, errmsg }, { close: true })
      writeReply(res, refusal)
      return
    }
    const now = this.clock.now()
    const request: EmulatorRequest = {
      method: req.method ?? 'GET',
      query: url.searchParams,
      body: parseJsonObject(read.bytes.toString('utf8')),
      callerIp: callerIpOf(req),
      now,
      bytes: read.bytes,
      contentType: req.headers['content-type'] ?? ''
    }
    const charged = route.attribute(request)
    if (charged) this.requestStats.count(charged)
    const rid = makeRid(now)
    const fault = route.faultable ? this.faults.next() : undefined
    const started = performance.now()
    let reply: Reply | SendReply<string | Uint8Array>
    if (fault) reply = faultReply(fault, { path: url.pathname, callerIp: request.callerIp, rid })
    else {
      const answer = route.handle(request)
      if (isOwnReply(answer)) reply = answer
      else reply = answer.ok ? wechatJsonReply(200, answer.body) : wechatErrorReply(answer.error, rid)
      if (route.contentType && reply.kind === 'send') reply = { ...reply, contentType: route.contentType }
    }
    if (reply.kind === 'send') {
      const costMs = Math.round(performance.now() - started)
      recordIfShown(this.api.rids, rid, {
        request,
        path: url.pathname,
        rawQuery: rawQueryOf(req),
        reply,
        costMs,
        ledger: this.ledger
      })
    }
    writeReply(res, reply)
  }
}

/** The query string exactly as sent, without its `?`. */
function rawQueryOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?').slice(1).join('?')
}

function parseTarget(target: string): URL | undefined {
  try {
    return new URL(target, 'http://emulator.invalid')
  } catch {
    return undefined
  }
}
