import { Agent, type Dispatcher } from 'undici'
import type { CallFlag } from '../../../shared/contract'
import { bodyView, BODY_TEXT_LIMIT, type CallLog } from '../../call-log'
import { parseJsonObject } from '../../http/read-body'
import type { Clock } from '../../time/clock'
import { TOKEN_REJECTED_ERRCODES } from '../../tokens'
import { MP_HOST_PATHS, MP_WEIXIN_BASE, siblingBaseFor } from '../../../shared/wechat-hosts'
import { WX } from '../../wechat-wire/errors'
import type { AppIndex, CatalogApp } from '../app-index'
import type { TokenAccess } from '../token-access'
import { wechatErrorReply } from '../wechat-reply'
import {
  answerFacts,
  callerMessage,
  deskUrl,
  gatewayEntry,
  headerOf,
  pairsFrom,
  pairsOf,
  type AnswerFacts
} from './call-record'
import type { AnswerSink, GatewayCaller, GatewayRequest, RelayOutcome } from './relay-request'
import { IssuedTokens, REFRESH_TOKEN_LIFE_MS } from './issued-tokens'
import {
  passOn,
  readHead,
  readRelayBody,
  requestHeaders,
  upstreamBody,
  type RelayBody,
  type UpstreamAnswer
} from './relay-http'
import { AnswerLog } from './answer-log'
import { AppResolver, type Resolution } from './resolver'
import { snippet, unreachableReason, withToken } from './relay-text'
import { TicketDesk, type TicketAccess } from './ticket-desk'

export interface GatewayOptions {
  callLog: CallLog
  /** The ticket keeper; without one, getticket answers that tickets are not served here. */
  tickets?: TicketAccess | null
  /** Where relayed calls go (tests); defaults to the gateway's own connection pool. */
  dispatcher?: Dispatcher
  /** Upper bound for an upstream answer's head and for each pause in its body. Default 30 s. */
  timeoutMs?: number
}

export interface GatewayDeps extends GatewayOptions {
  index: AppIndex
  tokens: TokenAccess
  clock: Clock
  /** The desk's API key: never sent upstream, never logged. */
  deskKey: () => string | null
}

/** Where user tokens are granted (wechat-api.md §4.3, §4.4): the gateway learns their app from the answer. */
const USER_TOKEN_GRANTS = new Set(['/sns/oauth2/access_token', '/sns/oauth2/refresh_token'])

/**
 * The Local API as a WeChat API host: every path the desk does not own is relayed to the app's own upstream
 * (its API base: WeChat, a proxy, the emulator) byte for byte — method, path, query in its order, fields
 * without hop-by-hop ones, the body streamed — once the request is known to belong to a managed app (see
 * AppResolver). A token error on a global token the desk issued is healed once: the desk reports the evidence
 * to its token keeper (the refresh governor decides) and sends the call again with the current token. Every
 * call lands in the call log, masked.
 */
export class Gateway {
  readonly issued = new IssuedTokens()
  /** The desk's own answers in WeChat's place (token endpoints, refusals), logged. */
  readonly answers: AnswerLog
  readonly tickets: TicketDesk
  private readonly resolver: AppResolver
  private readonly agent: Agent | null
  private readonly dispatcher: Dispatcher
  private readonly unsubscribe: () => void

  constructor(private readonly deps: GatewayDeps) {
    const timeout = deps.timeoutMs ?? 30_000
    this.agent = deps.dispatcher
      ? null
      : new Agent({ connect: { timeout: 10_000 }, headersTimeout: timeout, bodyTimeout: timeout })
    this.dispatcher = deps.dispatcher ?? (this.agent as Agent)
    this.resolver = new AppResolver(deps.index, this.issued, () => this.noteHeldTokens())
    this.answers = new AnswerLog({ ...deps, issued: this.issued, known: () => this.known() })
    this.tickets = new TicketDesk(deps, this.resolver, deps.tickets ?? null, this.answers)
    // A token the keeper holds is noted as the app's; when it holds none (the app changed or went away, or its
    // token ran out), the global tokens it handed out before prove nothing any more.
    this.unsubscribe = deps.tokens.onChange((view) =>
      view.held ? this.noteHeld(view.profileId) : this.issued.forget(view.profileId, 'global')
    )
    this.noteHeldTokens()
  }

  /** Paths the desk answers itself (its own API); every other path is WeChat's, and relayed. */
  static owns(path: string): boolean {
    return path === '/healthz' || path === '/v1' || path.startsWith('/v1/')
  }

  /**
   * Relays one request (the Local API's, or the console's) and writes the answer to `sink`. Resolves once
   * the answer is passed on and logged.
   */
  relay(request: GatewayRequest, sink: AnswerSink): Promise<RelayOutcome> {
    return this.run(request, sink)
  }

  close(): Promise<void> {
    this.unsubscribe()
    return this.agent?.close() ?? Promise.resolve()
  }

  private async run(call: GatewayRequest, sink: AnswerSink): Promise<RelayOutcome> {
    const at = this.deps.clock.now()
    const startedMs = performance.now()
    const body = await readRelayBody(call.body)
    if (body === null) return { status: 0, entryId: null } // the caller went away
    const params = new URLSearchParams(call.query)
    let resolution = this.resolver.resolve(call.path, params, at)
    if (resolution.kind === 'refused' && !params.has('access_token') && body.kind === 'kept') {
      const fields = parseJsonObject(body.bytes.toString('utf8'))
      resolution = (fields.ok && this.resolver.resolveBody(call.path, fields.value)) || resolution
    }
    if (resolution.kind === 'refused') {
      const refusal = wechatErrorReply(resolution.error, { close: body.kind === 'stream' })
      if (body.kind === 'stream') body.rest.resume()
      sink.reply(refusal)
      const facts = answerFacts(Buffer.from(refusal.body), refusal.contentType, null)
      const seen = body.kind === 'kept' ? body.bytes : Buffer.concat(body.head)
      const profileId = resolution.app?.profileId ?? null
      const entryId = this.answers.record(
        call,
        at,
        startedMs,
        profileId,
        deskUrl(call),
        refusal,
        facts,
        [],
        seen
      )
      return { status: refusal.status, entryId }
    }
    return this.forward(call, sink, body, resolution, at, startedMs)
  }

  private async forward(
    call: GatewayCaller,
    sink: AnswerSink,
    body: RelayBody,
    resolution: Extract<Resolution, { kind: 'app' }>,
    at: number,
    startedMs: number
  ): Promise<RelayOutcome> {
    const { app, token } = resolution
    const flags: CallFlag[] = []
    const global = token?.issued?.kind === 'global'
    let value = token?.value ?? null
    // A token the desk already saw WeChat reject is swapped for the current one before it is sent.
    if (global && token?.issued?.rejected) {
      const current = this.deps.tokens.current(app.profileId)
      if (current && current.value !== value) {
        value = current.value
        flags.push('healed')
      }
    }
    const known = (): string[] => [...this.known(), ...(value === null ? [] : [value])]
    let sent = await this.send(app, call, body, value, sink.signal)
    if ('failure' in sent) return this.unreachable(call, sink, app, body, sent, flags, known(), at, startedMs)

    let facts = sent.facts
    if (global && value !== null && facts.errcode !== null && TOKEN_REJECTED_ERRCODES.has(facts.errcode)) {
      const rejected = value
      this.issued.markRejected(rejected)
      const fresh = await this.deps.tokens.tokenRejected(app.profileId, rejected)
      if (fresh && fresh.value !== rejected && body.kind === 'kept') {
        this.logRelay(call, app, body, sent, [...flags, 'retried'], known(), at, startedMs, sent.answer.head)
        value = fresh.value
        this.issued.note(fresh.value, app.profileId, 'global', fresh.expiresAt)
        sent = await this.send(app, call, body, value, sink.signal)
        if ('failure' in sent)
          return this.unreachable(call, sink, app, body, sent, flags, known(), at, startedMs)
        facts = sent.facts
        flags.push('healed')
      } else if (body.kind === 'stream') {
        flags.push('streamed')
      }
    }
    if (USER_TOKEN_GRANTS.has(call.path) && facts.json) this.noteUserTokens(app, facts.json)
    // An answer cut off upstream is cut off for the caller too: its connection is dropped, not left hanging.
    const passed = await passOn(sink, sent.answer, BODY_TEXT_LIMIT).catch(() => {
      sink.destroy()
      return null
    })
    const entryId = this.logRelay(
      call,
      app,
      body,
      sent,
      flags,
      known(),
      at,
      startedMs,
      passed?.start ?? sent.answer.head,
      passed?.bytes
    )
    return { status: sent.answer.status, entryId }
  }

  /** One upstream exchange: the answer with its first bytes read (all of a small JSON one), or why none came. */
  private async send(
    app: CatalogApp,
    call: GatewayRequest | GatewayCaller,
    body: RelayBody,
    token: string | null,
    signal: AbortSignal
  ): Promise<Sent | Unsent> {
    // showqrcode lives on mp.weixin.qq.com, not on the API host (an emulator serves both); its ticket is its
    // only credential, so the access_token stays home.
    const onMp = MP_HOST_PATHS.has(call.path)
    const query = onMp
      ? withToken(call.query, null)
      : token === null
        ? call.query
        : withToken(call.query, token)
    const base = onMp ? siblingBaseFor(app.apiBase, MP_WEIXIN_BASE) : app.apiBase
    let url: URL
    try {
      url = new URL(base.trim())
    } catch {
      return { failure: `the app's API base URL is not a URL`, url: app.apiBase, sentHeaders: [] }
    }
    const path = `${url.pathname.replace(/\/+$/, '')}${call.path}${query === '' ? '' : `?${query}`}`
    const target = `${url.origin}${path}`
    const sentHeaders = requestHeaders(call.headers, body, this.deps.deskKey())
    try {
      const response = await this.dispatcher.request({
        origin: url.origin,
        path,
        method: call.method as Dispatcher.HttpMethod,
        headers: sentHeaders,
        body: upstreamBody(body, call.method),
        signal
      })
      const type = headerOf(response.headers, 'content-type')
      const answer = await readHead(response, type === null || /json|text\/plain/i.test(type))
      const facts =
        answer.rest === null
          ? answerFacts(answer.head, type, headerOf(response.headers, 'content-encoding'))
          : answerFacts(Buffer.alloc(0), null, null)
      return { answer, facts, url: target, sentHeaders }
    } catch (error) {
      return { failure: unreachableReason(error, url.host), url: target, sentHeaders }
    }
  }

  private unreachable(
    call: GatewayCaller,
    sink: AnswerSink,
    app: CatalogApp,
    body: RelayBody,
    sent: Unsent,
    flags: CallFlag[],
    known: string[],
    at: number,
    startedMs: number
  ): RelayOutcome {
    const answer = wechatErrorReply(
      { errcode: WX.systemError.errcode, errmsg: `system error (wechat-token-desk: ${sent.failure})` },
      { status: 502, close: body.kind === 'stream' }
    )
    if (!sink.started && !sink.gone) sink.reply(answer)
    const entry = this.deps.callLog.record(
      gatewayEntry({
        caller: call,
        at,
        startedMs,
        profileId: app.profileId,
        url: sent.url,
        httpStatus: null,
        facts: { errcode: null, errmsg: null, rid: null, json: null },
        failure: sent.failure,
        flags,
        exchange: { request: this.sentMessage(call, body, sent.sentHeaders), response: null },
        known
      })
    )
    return { status: answer.status, entryId: entry.id }
  }

  private logRelay(
    call: GatewayCaller,
    app: CatalogApp,
    body: RelayBody,
    sent: Sent,
    flags: CallFlag[],
    known: string[],
    at: number,
    startedMs: number,
    start: Buffer,
    total = sent.answer.rest === null ? sent.answer.head.length : null
  ): number {
    const { answer, facts } = sent
    const type = headerOf(answer.headers, 'content-type')
    const failure =
      facts.errcode === null && answer.status >= 400
        ? `HTTP ${answer.status}${snippet(start, type)}`
        : undefined
    const entry = this.deps.callLog.record(
      gatewayEntry({
        caller: call,
        at,
        startedMs,
        profileId: app.profileId,
        url: sent.url,
        httpStatus: answer.status,
        facts,
        ...(failure !== undefined && { failure }),
        flags,
        exchange: {
          request: this.sentMessage(call, body, sent.sentHeaders),
          response: {
            headers: pairsFrom(answer.headers),
            body: bodyView(start, total ?? start.length, type, headerOf(answer.headers, 'content-encoding'))
          }
        },
        known
      })
    )
    return entry.id
  }

  private sentMessage(call: GatewayCaller, body: RelayBody, sentHeaders: string[]) {
    const seen = body.kind === 'kept' ? body.bytes : Buffer.concat(body.head)
    const total = body.kind === 'kept' ? body.bytes.length : (body.declared ?? seen.length)
    return { ...callerMessage(call, seen, total), headers: pairsOf(sentHeaders) }
  }

  private noteUserTokens(app: CatalogApp, json: Record<string, unknown>): void {
    const now = this.deps.clock.now()
    const { access_token: access, refresh_token: refresh, expires_in: expiresIn } = json
    if (typeof access === 'string' && typeof expiresIn === 'number')
      this.issued.note(access, app.profileId, 'user', now + expiresIn * 1000)
    if (typeof refresh === 'string')
      this.issued.note(refresh, app.profileId, 'user', now + REFRESH_TOKEN_LIFE_MS)
  }

  private noteHeld(profileId: string): void {
    const held = this.deps.tokens.current(profileId)
    if (held) this.issued.note(held.value, profileId, 'global', held.expiresAt)
  }

  private noteHeldTokens(): void {
    for (const app of this.deps.index.list()) this.noteHeld(app.profileId)
  }

  private known(): string[] {
    const key = this.deps.deskKey()
    return key === null ? [] : [key]
  }
}

interface Sent {
  answer: UpstreamAnswer
  facts: AnswerFacts
  url: string
  sentHeaders: string[]
}

interface Unsent {
  failure: string
  url: string
  sentHeaders: string[]
}
