import { performance } from 'node:perf_hooks'
import { request, type Dispatcher } from 'undici'
import { readBody } from '../http/read-response'
import type { AttemptOutcome, PushAttempt, SignedRequest } from '../../shared/contract'
import type { Clock } from '../time/clock'

/** WeChat waits this long for an answer, then drops the connection (wechat-api.md §10.4). */
export const WECHAT_REPLY_TIMEOUT_MS = 5_000
/** "总共重试三次": three deliveries in all when no answer comes. */
export const WECHAT_DELIVERIES = 3
/** A passive reply is a few kilobytes; past this it is not one, and the rest is not read. */
export const MAX_REPLY_BYTES = 256 * 1024

export interface DeliveryOptions {
  dispatcher: Dispatcher
  clock: Clock
  /** Per attempt, head and body together. Real time: network I/O does not follow a test clock. */
  timeoutMs: number
  /** 1, or WECHAT_DELIVERIES to act as WeChat does when no answer comes in time. */
  deliveries: number
  /** Called after each attempt, so a UI can show them as they happen. */
  onAttempt?: (attempt: PushAttempt) => void
}

function errorCode(error: unknown): string | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const code: unknown = Reflect.get(current, 'code')
    if (typeof code === 'string') return code
    current = Reflect.get(current, 'cause')
  }
  return null
}

function networkMessage(error: unknown, url: URL): string {
  const code = errorCode(error)
  if (code === 'ECONNREFUSED') return `connection refused by ${url.host} (is your server running?)`
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `DNS lookup failed for ${url.hostname}`
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection reset by ${url.host}`
  const message = error instanceof Error ? error.message : String(error)
  return code === null ? message : `${code}: ${message}`
}

async function attempt(req: SignedRequest, options: DeliveryOptions): Promise<AttemptOutcome> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), options.timeoutMs)
  try {
    const res = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body ?? undefined,
      dispatcher: options.dispatcher,
      signal: controller.signal
    })
    const { bytes, overLimit } = await readBody(res.body, MAX_REPLY_BYTES)
    if (overLimit) res.body.destroy()
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    return {
      kind: 'answer',
      status: res.statusCode,
      headers,
      body: bytes.toString('utf8'),
      truncated: overLimit
    }
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout' }
    return { kind: 'network', message: networkMessage(error, new URL(req.url)) }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Sends the request, and when no answer comes (a timeout, or no connection at all) sends the very same
 * request again, up to `deliveries` times in all, as WeChat does. An answer of any kind ends it: WeChat
 * retries only what it did not hear back from.
 */
export async function deliver(req: SignedRequest, options: DeliveryOptions): Promise<PushAttempt[]> {
  const attempts: PushAttempt[] = []
  for (let delivery = 1; delivery <= options.deliveries; delivery++) {
    const startedAt = options.clock.now()
    const started = performance.now()
    const outcome = await attempt(req, options)
    const record: PushAttempt = {
      delivery,
      startedAt,
      durationMs: Math.round(performance.now() - started),
      outcome
    }
    attempts.push(record)
    options.onAttempt?.(record)
    if (outcome.kind === 'answer') break
  }
  return attempts
}
