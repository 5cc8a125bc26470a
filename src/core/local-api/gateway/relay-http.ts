import { Readable } from 'node:stream'
import type { Dispatcher } from 'undici'
import { headerIn, type AnswerSink, type GatewayBody } from './relay-request'

/**
 * A request body up to this size is kept in memory, so the call can be sent again after a heal; a larger one
 * (a video upload) is streamed through as it arrives and cannot be replayed. 1 MB holds every JSON call and
 * most image uploads, and bounds what one request can make the desk hold.
 */
export const REPLAY_LIMIT_BYTES = 1024 * 1024
/** An answer up to this size is read before it is passed on, to see its errcode (a token error is healed). */
export const INSPECT_LIMIT_BYTES = 64 * 1024

/** The caller's request body: kept whole (replayable), or its first bytes and the rest still to come. */
export type RelayBody =
  | { kind: 'kept'; bytes: Buffer }
  | { kind: 'stream'; head: Buffer[]; rest: Readable; declared: number | null }

const EMPTY = Buffer.alloc(0)

/**
 * Reads the request body for a relay; null when the caller went away meanwhile. Bytes already in hand (the
 * console's) are kept whatever their size: holding them costs nothing more.
 */
export function readRelayBody(body: GatewayBody, limit = REPLAY_LIMIT_BYTES): Promise<RelayBody | null> {
  if (body.kind === 'bytes') return Promise.resolve({ kind: 'kept', bytes: body.bytes })
  const { stream: req, declared: known } = body
  if (known !== null && known > limit)
    return Promise.resolve({ kind: 'stream', head: [], rest: req, declared: known })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (read: RelayBody | null): void => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone)
      resolve(read)
    }
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk)
      size += chunk.length
      if (size <= limit) return
      req.pause()
      done({ kind: 'stream', head: chunks, rest: req, declared: known })
    }
    const onEnd = (): void => done({ kind: 'kept', bytes: Buffer.concat(chunks) })
    const onGone = (): void => done(null)
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onGone)
  })
}

/** The body as undici sends it: the kept bytes, or the first bytes and then the rest as it arrives. */
export function upstreamBody(body: RelayBody, method: string): Buffer | Readable | null {
  if (body.kind === 'kept')
    return body.bytes.length === 0 && (method === 'GET' || method === 'HEAD') ? null : body.bytes
  return Readable.from(
    (async function* () {
      yield* body.head
      for await (const chunk of body.rest as AsyncIterable<Buffer>) yield chunk
    })(),
    { objectMode: false }
  )
}

/** Hop-by-hop fields (RFC 9110 §7.6.1) and the others a relay must not pass on as they are. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
])

/** Field names the `Connection` header lists are hop-by-hop too. */
function connectionNamed(value: string | string[] | null | undefined): Set<string> {
  const listed = Array.isArray(value) ? value.join(',') : (value ?? '')
  return new Set(
    listed
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '')
  )
}

/**
 * The caller's header fields for the upstream request, in their order and spelling: without hop-by-hop
 * fields, `Host` (the upstream's own is set), `Expect` (the desk already took the body), the length of a kept
 * body (recomputed), and any field carrying the desk's API key, which never leaves the desk.
 */
export function requestHeaders(raw: readonly string[], body: RelayBody, deskKey: string | null): string[] {
  const named = connectionNamed(headerIn(raw, 'connection'))
  const out: string[] = []
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] ?? ''
    const value = raw[i + 1] ?? ''
    const lower = name.toLowerCase()
    if (HOP_BY_HOP.has(lower) || named.has(lower) || lower === 'host' || lower === 'expect') continue
    if (lower === 'content-length' && body.kind === 'kept') continue
    if (deskKey !== null && value.includes(deskKey)) continue
    out.push(name, value)
  }
  return out
}

/** Upstream answer fields as they go back to the caller: all but the hop-by-hop ones. */
export function responseHeaders(
  headers: Dispatcher.ResponseData['headers']
): Record<string, string | string[]> {
  const named = connectionNamed(headers['connection'])
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || named.has(name)) continue
    out[name] = value
  }
  return out
}

/** An upstream answer with its first bytes read: all of it when `rest` is null. */
export interface UpstreamAnswer {
  status: number
  headers: Dispatcher.ResponseData['headers']
  head: Buffer
  rest: AsyncIterator<Buffer> | null
  body: Dispatcher.ResponseData['body']
}

/**
 * Reads the start of an answer: the whole of a small one whose type can carry a WeChat errcode (JSON, or the
 * text/plain of /sns/*), so its errcode can be seen before anything is passed on; nothing of anything else.
 */
export async function readHead(response: Dispatcher.ResponseData, inspect: boolean): Promise<UpstreamAnswer> {
  const { statusCode: status, headers, body } = response
  const answer = { status, headers, body }
  const length = Number(headers['content-length'])
  if (!inspect || (Number.isFinite(length) && length > INSPECT_LIMIT_BYTES)) {
    return { ...answer, head: EMPTY, rest: (body as AsyncIterable<Buffer>)[Symbol.asyncIterator]() }
  }
  const iterator = (body as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  const chunks: Buffer[] = []
  let size = 0
  for (;;) {
    const next = await iterator.next()
    if (next.done) return { ...answer, head: Buffer.concat(chunks), rest: null }
    chunks.push(next.value)
    size += next.value.length
    if (size > INSPECT_LIMIT_BYTES) return { ...answer, head: Buffer.concat(chunks), rest: iterator }
  }
}

/**
 * Passes an answer on to the caller: status and fields, the bytes already read, then the rest as it comes,
 * waiting for a slow caller. Resolves with the bytes sent and the first `keep` of them (for the log).
 */
export async function passOn(
  sink: AnswerSink,
  answer: UpstreamAnswer,
  keep: number
): Promise<{ bytes: number; start: Buffer }> {
  sink.head(answer.status, responseHeaders(answer.headers))
  let bytes = 0
  const kept: Buffer[] = []
  const write = async (chunk: Buffer): Promise<void> => {
    if (bytes < keep) kept.push(chunk.subarray(0, keep - bytes))
    bytes += chunk.length
    await sink.write(chunk)
  }
  if (answer.head.length > 0) await write(answer.head)
  if (answer.rest) {
    for (;;) {
      if (sink.gone) {
        answer.body.destroy()
        break
      }
      const next = await answer.rest.next()
      if (next.done) break
      await write(next.value)
    }
  }
  sink.end()
  return { bytes, start: Buffer.concat(kept) }
}
