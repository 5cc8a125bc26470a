/** The undici client for WeChat's credential endpoints. Pure Node: takes a base URL and a Dispatcher. */
import { Agent, type Dispatcher } from 'undici'
import { bodyView } from '../call-log/body-view'
import { maskExchange, type CallExchange } from '../call-log/call-log'
import { readBody } from '../http/read-response'
import { systemClock, type Clock } from '../time/clock'
import { redactText, redactUrl } from './redact'
import {
  checkIpList,
  checkTicketGrant,
  checkTokenGrant,
  interpret,
  type BodyCheck,
  type Interpretation
} from './response'
import { checkSnsGrant, checkSnsOk, checkSnsUserInfo } from './sns-response'
import { checkCodeSession, checkPhoneInfo } from './mini-program-response'
import type {
  CodeSession,
  PhoneInfo,
  SnsGrant,
  SnsUserInfo,
  TicketGrant,
  TokenGrant,
  UpstreamCall,
  UpstreamFailure,
  UpstreamResult,
  WeChatClient,
  WeChatEndpoint
} from './types'

export interface WeChatClientOptions {
  /** Where requests go; defaults to a dedicated Agent that `close()` shuts down. */
  dispatcher?: Dispatcher
  /** Upper bound for one call, response head and body together. Default 10 s. */
  timeoutMs?: number
  /** Stamps `UpstreamCall.at`. The timeout itself uses real time: network I/O does not follow a test clock. */
  clock?: Clock
  /** Receives every call exactly once, success or failure, already redacted. Errors it throws are ignored. */
  onCall?: (call: UpstreamCall) => void
}

export const DEFAULT_TIMEOUT_MS = 10_000
/** WeChat's credential answers are a few hundred bytes; anything near this is not WeChat. */
export const MAX_BODY_BYTES = 1024 * 1024
/** Enough of an error page to quote it. */
const ERROR_BODY_BYTES = 64 * 1024

interface Exchange<T> {
  endpoint: WeChatEndpoint
  method: 'GET' | 'POST'
  apiBase: string
  query?: Record<string, string>
  json?: Record<string, unknown>
  /** Credential values sent with the request, masked wherever they might be echoed back. */
  secrets: string[]
  check: (json: Record<string, unknown>) => BodyCheck<T>
  /** A person's cancel: abandons the request like the timeout does. */
  signal?: AbortSignal
}

export const CANCELLED_MESSAGE = 'cancelled before WeChat answered'

type Outcome<T> = Interpretation<T> & {
  httpStatus: number | null
  /** What went over the wire, for the call log's inspector (masked there). */
  exchange?: CallExchange
}

/** `apiBase` (which may carry a path prefix such as `https://proxy.example/wx/`) joined with `endpoint`. */
export function endpointUrl(
  apiBase: string,
  endpoint: WeChatEndpoint,
  query: Record<string, string> = {}
): URL {
  const url = new URL(apiBase.trim())
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`unsupported scheme ${url.protocol}`)
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}${endpoint}`
  url.hash = ''
  const params = new URLSearchParams(url.search)
  for (const [key, value] of Object.entries(query)) params.set(key, value)
  url.search = params.toString()
  return url
}

/** Error codes of an undici / Node error and of its causes. */
function errorCodes(error: unknown): string[] {
  const codes: string[] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code: unknown = Reflect.get(current, 'code')
    if (typeof code === 'string') codes.push(code)
    current = Reflect.get(current, 'cause')
  }
  return codes
}

const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const TIMEOUT_CODES = [
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'ETIMEDOUT'
]

/** Why a request produced no answer, in words a developer recognises. */
function networkMessage(error: unknown, url: URL, known: readonly string[]): string {
  const codes = errorCodes(error)
  const where = url.host
  const has = (...wanted: string[]): boolean => codes.some((c) => wanted.includes(c))
  if (has('ECONNREFUSED')) return `connection refused by ${where}`
  if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL')) return `DNS lookup failed for ${url.hostname}`
  if (has('ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET')) {
    return `connection reset by ${where} (${redactText(errorMessage(error), known)})`
  }
  if (has('UND_ERR_DESTROYED', 'UND_ERR_CLOSED')) return 'the WeChat client is closed'
  if (codes.some((c) => c.startsWith('ERR_TLS') || c.includes('CERT'))) {
    return `TLS failure with ${where}: ${redactText(errorMessage(error), known)}`
  }
  const label = codes[0] ?? (error instanceof Error ? error.name : 'error')
  return `${label}: ${redactText(errorMessage(error), known)}`
}

/** undici's response header object as name/value pairs (a repeated field once per value). */
function headerPairs(headers: Dispatcher.ResponseData['headers']): [string, string][] {
  const pairs: [string, string][] = []
  for (const [name, value] of Object.entries(headers)) {
    for (const one of Array.isArray(value) ? value : [value ?? '']) pairs.push([name, one])
  }
  return pairs
}

function headerValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null
  return value ?? null
}

function describe(failure: UpstreamFailure): string {
  switch (failure.kind) {
    case 'wechat':
      return failure.errmsg.length > 300 ? `${failure.errmsg.slice(0, 300)}…` : failure.errmsg
    case 'timeout':
      return `no complete answer within ${failure.afterMs} ms`
    case 'network':
      return failure.message
    case 'http-status':
      return failure.snippet === '' ? `HTTP ${failure.status}` : `HTTP ${failure.status}: ${failure.snippet}`
    case 'bad-body':
      return `${failure.reason} (HTTP ${failure.status}${failure.contentType ? `, ${failure.contentType}` : ''})`
  }
}

/** Creates the client. Without a dispatcher it owns an undici Agent, closed by `close()`. */
export function createWeChatClient(opts: WeChatClientOptions = {}): WeChatClient {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const clock = opts.clock ?? systemClock
  const ownAgent = opts.dispatcher
    ? null
    : new Agent({ connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs })
  const dispatcher: Dispatcher = opts.dispatcher ?? (ownAgent as Agent)
  let closed = false

  function report(call: UpstreamCall): void {
    try {
      opts.onCall?.(call)
    } catch {
      // A faulty log listener must not turn a successful token call into a failure.
    }
  }

  async function send<T>(x: Exchange<T>, url: URL, startedAt: number): Promise<Outcome<T>> {
    const fail = (failure: UpstreamFailure, httpStatus: number | null = null): Outcome<T> => ({
      ok: false,
      failure,
      httpStatus
    })
    if (closed) return fail({ kind: 'network', message: 'the WeChat client is closed' })

    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    const cancel = (): void => controller.abort()
    if (x.signal?.aborted) cancel()
    x.signal?.addEventListener('abort', cancel, { once: true })
    const elapsed = (): number => Math.round(performance.now() - startedAt)
    const timeoutOr = (error: unknown, otherwise: () => UpstreamFailure): UpstreamFailure =>
      x.signal?.aborted && !timedOut
        ? { kind: 'network', message: CANCELLED_MESSAGE }
        : timedOut
          ? { kind: 'timeout', afterMs: timeoutMs }
          : errorCodes(error).some((c) => TIMEOUT_CODES.includes(c))
            ? { kind: 'timeout', afterMs: elapsed() }
            : otherwise()

    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(x.json !== undefined && { 'content-type': 'application/json' })
    }
    const body = x.json === undefined ? null : JSON.stringify(x.json)
    const sent = body === null ? null : Buffer.from(body)
    const request = {
      headers: Object.entries(headers),
      body: sent && bodyView(sent, sent.length, 'application/json')
    }
    try {
      let response: Dispatcher.ResponseData
      try {
        response = await dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: x.method,
          headers,
          body,
          signal: controller.signal
        })
      } catch (error) {
        return fail(
          timeoutOr(error, () => ({ kind: 'network', message: networkMessage(error, url, x.secrets) }))
        )
      }

      const status = response.statusCode
      const contentType = headerValue(response.headers['content-type'])
      const limit = status >= 200 && status < 300 ? MAX_BODY_BYTES : ERROR_BODY_BYTES
      let read: { bytes: Buffer; overLimit: boolean }
      try {
        read = await readBody(response.body, limit)
      } catch (error) {
        const cut = (): UpstreamFailure => ({
          kind: 'bad-body',
          status,
          contentType,
          snippet: '',
          reason: `body cut off: ${redactText(errorMessage(error), x.secrets)}`
        })
        return fail(timeoutOr(error, cut), status)
      } finally {
        // Whatever happened, never leave a body half-read: it would pin the connection.
        if (!response.body.readableEnded) response.body.destroy()
      }
      const verdict = interpret({ status, contentType, ...read, limitBytes: limit }, x.check, x.secrets)
      const received = {
        headers: headerPairs(response.headers),
        body: bodyView(read.bytes, read.bytes.length, contentType)
      }
      return { ...verdict, httpStatus: status, exchange: { request, response: received } }
    } finally {
      clearTimeout(timer)
      x.signal?.removeEventListener('abort', cancel)
    }
  }

  async function call<T>(x: Exchange<T>): Promise<UpstreamResult<T>> {
    const at = clock.now()
    const startedAt = performance.now()
    let url: URL | null = null
    let outcome: Outcome<T>
    try {
      url = endpointUrl(x.apiBase, x.endpoint, x.query)
      outcome = await send(x, url, startedAt)
    } catch (error) {
      const message =
        url === null
          ? `invalid API base URL "${redactText(x.apiBase, x.secrets)}"`
          : `unexpected client error: ${redactText(errorMessage(error), x.secrets)}`
      outcome = { ok: false, failure: { kind: 'network', message }, httpStatus: null }
    }
    const failure = outcome.ok ? null : outcome.failure
    const entry: UpstreamCall = {
      endpoint: x.endpoint,
      method: x.method,
      url: url === null ? redactText(`${x.apiBase}${x.endpoint}`, x.secrets) : redactUrl(url),
      at,
      httpStatus: outcome.httpStatus,
      errcode: failure?.kind === 'wechat' ? failure.errcode : null,
      rid: failure?.kind === 'wechat' ? failure.rid : null,
      durationMs: Math.max(0, Math.round(performance.now() - startedAt)),
      outcome: outcome.ok ? 'ok' : 'error',
      detail: failure === null ? null : describe(failure),
      ...(outcome.exchange && {
        exchange: maskExchange(outcome.exchange, x.secrets),
        requestBytes: outcome.exchange.request.body?.bytes ?? 0,
        responseBytes: outcome.exchange.response?.body?.bytes ?? 0
      })
    }
    report(entry)
    return outcome.ok
      ? { ok: true, value: outcome.value, call: entry }
      : { ok: false, failure: outcome.failure, call: entry }
  }

  return {
    getToken: ({ apiBase, appid, secret, signal }) =>
      call<TokenGrant>({
        signal,
        endpoint: '/cgi-bin/token',
        method: 'GET',
        apiBase,
        query: { grant_type: 'client_credential', appid, secret },
        secrets: [secret],
        check: checkTokenGrant
      }),
    getStableToken: ({ apiBase, appid, secret, forceRefresh, signal }) =>
      call<TokenGrant>({
        signal,
        endpoint: '/cgi-bin/stable_token',
        method: 'POST',
        apiBase,
        json: { grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh },
        secrets: [secret],
        check: checkTokenGrant
      }),
    getCallbackIp: ({ apiBase, accessToken }) =>
      call<{ ipList: string[] }>({
        endpoint: '/cgi-bin/getcallbackip',
        method: 'GET',
        apiBase,
        query: { access_token: accessToken },
        secrets: [accessToken],
        check: checkIpList
      }),
    getTicket: ({ apiBase, accessToken, type }) =>
      call<TicketGrant>({
        endpoint: '/cgi-bin/ticket/getticket',
        method: 'GET',
        apiBase,
        query: { access_token: accessToken, type },
        secrets: [accessToken],
        check: checkTicketGrant
      }),
    snsExchangeCode: ({ apiBase, appid, secret, code }) =>
      call<SnsGrant>({
        endpoint: '/sns/oauth2/access_token',
        method: 'GET',
        apiBase,
        query: { appid, secret, code, grant_type: 'authorization_code' },
        secrets: [secret],
        check: checkSnsGrant
      }),
    snsRefreshToken: ({ apiBase, appid, refreshToken }) =>
      call<SnsGrant>({
        endpoint: '/sns/oauth2/refresh_token',
        method: 'GET',
        apiBase,
        query: { appid, grant_type: 'refresh_token', refresh_token: refreshToken },
        secrets: [refreshToken],
        check: checkSnsGrant
      }),
    snsCheckToken: ({ apiBase, accessToken, openid }) =>
      call<{ ok: true }>({
        endpoint: '/sns/auth',
        method: 'GET',
        apiBase,
        query: { access_token: accessToken, openid },
        secrets: [accessToken],
        check: checkSnsOk
      }),
    snsUserInfo: ({ apiBase, accessToken, openid, lang }) =>
      call<SnsUserInfo>({
        endpoint: '/sns/userinfo',
        method: 'GET',
        apiBase,
        query: { access_token: accessToken, openid, lang },
        secrets: [accessToken],
        check: checkSnsUserInfo
      }),
    jscode2session: ({ apiBase, appid, secret, code }) =>
      call<CodeSession>({
        endpoint: '/sns/jscode2session',
        method: 'GET',
        apiBase,
        query: { appid, secret, js_code: code, grant_type: 'authorization_code' },
        secrets: [secret],
        check: checkCodeSession
      }),
    getUserPhoneNumber: ({ apiBase, accessToken, code, openid }) =>
      call<PhoneInfo>({
        endpoint: '/wxa/business/getuserphonenumber',
        method: 'POST',
        apiBase,
        query: { access_token: accessToken },
        json: { code, ...(openid !== undefined && { openid }) },
        secrets: [accessToken],
        check: checkPhoneInfo
      }),
    async close() {
      if (closed) return
      closed = true
      await ownAgent?.close()
    }
  }
}
