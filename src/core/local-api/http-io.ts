import type { IncomingMessage, ServerResponse } from 'node:http'

export const JSON_TYPE = 'application/json; charset=utf-8'
/** What WeChat labels /cgi-bin/token answers with (wechat-api.md §0); the compatible endpoints copy it. */
export const WECHAT_JSON_TYPE = 'application/json; encoding=utf-8'
export const MAX_BODY_BYTES = 16 * 1024

/** What a route decided, before anything touches the socket. */
export interface Reply {
  status: number
  /** Already-serialised JSON. */
  body: string
  contentType?: string
  headers?: Readonly<Record<string, string>>
  /** Close the connection after answering (the request body was not read to its end). */
  close?: boolean
  /** The complete headers, built once by `preparedReply` (the other header fields are then ignored). */
  prepared?: Readonly<HeaderFields>
}

type HeaderFields = Record<string, string | number>

const replyHeaders = (contentType: string, length: number): HeaderFields => ({
  'content-type': contentType,
  'content-length': length,
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff'
})

/**
 * An answer served many times over (a held token's, for the second it is valid in): its headers are built
 * once, and `writeHead` only reads them.
 */
export function preparedReply(status: number, body: string, contentType = JSON_TYPE): Reply {
  return { status, body, prepared: replyHeaders(contentType, Buffer.byteLength(body)) }
}

/** Writes the answer: JSON, nothing cacheable, no sniffing, and deliberately no CORS headers. */
export function writeReply(res: ServerResponse, reply: Reply): void {
  let headers = reply.prepared
  if (headers === undefined) {
    const built = replyHeaders(reply.contentType ?? JSON_TYPE, Buffer.byteLength(reply.body))
    if (reply.close) built['connection'] = 'close'
    if (reply.headers) Object.assign(built, reply.headers)
    headers = built
  }
  res.writeHead(reply.status, headers)
  res.end(reply.body)
}

/** Whether the request announces a body (a length above zero, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length']
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined
}

export { readBody, type BodyRead } from '../http/read-body'

/** A JSON body that must be an object: the object, or why not. */
export function parseJsonObject(
  text: string
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: 'empty' | 'not-json' | 'not-object' } {
  if (text.trim() === '') return { ok: false, reason: 'empty' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'not-json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not-object' }
  return { ok: true, value: value as Record<string, unknown> }
}
