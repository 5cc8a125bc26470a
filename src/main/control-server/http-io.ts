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
}

/**
 * Writes the answer: JSON, nothing cacheable, no sniffing, and deliberately no CORS headers. The common
 * case builds one small header object (this is the hot path of every token read).
 */
export function writeReply(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number> = {
    'content-type': reply.contentType ?? JSON_TYPE,
    'content-length': Buffer.byteLength(reply.body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff'
  }
  if (reply.close) headers['connection'] = 'close'
  if (reply.headers) Object.assign(headers, reply.headers)
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
