import type { Readable } from 'node:stream'
import type { CallSource } from '../../../shared/contract'
import type { SendReply } from '../../http/reply'

/**
 * A request for the WeChat host, whoever carried it: the Local API's HTTP server (an SDK's request) or the
 * desk's API console. What the gateway logs of it: who asked, and what.
 */
export interface GatewayCaller {
  /** `gateway` for a Local API caller, `console` for the desk's API console. */
  readonly source: Extract<CallSource, 'gateway' | 'console'>
  readonly method: string
  /** The path as sent (not decoded), no query. */
  readonly path: string
  /** The query string without its `?` ('' when none), as sent: order, repeats and encoding kept. */
  readonly query: string
  /** Header fields in their order and spelling: `[name, value, name, value, …]`. */
  readonly headers: readonly string[]
  /** The TCP port of the Local API caller; null for the desk's own requests. */
  readonly callerPort: number | null
}

/** The request body: bytes already in hand, or a stream still arriving (of the declared length, when known). */
export type GatewayBody =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'stream'; readonly stream: Readable; readonly declared: number | null }

export interface GatewayRequest extends GatewayCaller {
  readonly body: GatewayBody
}

/**
 * Where the gateway writes its answer: an HTTP response, or the console's collector. Writing waits for a
 * slow reader; `signal` aborts once the caller is gone, and the upstream request with it.
 */
export interface AnswerSink {
  readonly signal: AbortSignal
  /** The head is on its way: a reply of the desk's own can no longer be written. */
  readonly started: boolean
  /** The caller is gone (or the sink refused more): nothing more is read from upstream. */
  readonly gone: boolean
  /** A whole answer of the desk's own (a refusal, 502 when upstream could not be reached). */
  reply(reply: SendReply): void
  head(status: number, headers: Record<string, string | string[]>): void
  write(chunk: Buffer): Promise<void>
  end(): void
  /** Drops the caller's connection: the answer was cut off upstream. */
  destroy(): void
}

/** What became of a relayed request: the status the caller got, and the call log entry of its answer. */
export interface RelayOutcome {
  status: number
  /** Null when the caller went away before anything was logged. */
  entryId: number | null
}

/** The value of header field `name` (any case) in a flat list; the first when repeated. */
export function headerIn(headers: readonly string[], name: string): string | null {
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if ((headers[i] ?? '').toLowerCase() === name) return headers[i + 1] ?? ''
  }
  return null
}
