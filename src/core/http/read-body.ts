import type { IncomingMessage } from 'node:http'

/** What every server here accepts as a request body, at most. */
export const MAX_BODY_BYTES = 16 * 1024

export type BodyRead = { kind: 'body'; text: string } | { kind: 'too-large' } | { kind: 'aborted' }

export type BytesRead = { kind: 'body'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'aborted' }

/** Whether the request announces a body (a length above zero, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length']
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined
}

/** Reads the body as UTF-8 up to `limit` bytes (see `readBodyBytes`). */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const read = await readBodyBytes(req, limit)
  return read.kind === 'body' ? { kind: 'body', text: read.bytes.toString('utf8') } : read
}

/**
 * Reads the body as bytes up to `limit`. Past the limit it stops keeping data (the rest is drained and the
 * connection closed after the 413), so a client cannot make the desk buffer more than `limit`.
 */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BytesRead> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.resolve({ kind: 'too-large' })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (read: BytesRead): void => {
      if (settled) return
      settled = true
      chunks.length = 0
      resolve(read)
    }
    req.on('data', (chunk: Buffer) => {
      if (settled) return
      size += chunk.length
      if (size > limit) settle({ kind: 'too-large' })
      else chunks.push(chunk)
    })
    req.on('end', () => settle({ kind: 'body', bytes: Buffer.concat(chunks) }))
    req.on('error', () => settle({ kind: 'aborted' }))
    req.on('close', () => settle({ kind: 'aborted' }))
  })
}

/** A JSON body that must be an object: the object, or why not. */
export type JsonObjectBody =
  { ok: true; value: Record<string, unknown> } | { ok: false; reason: 'empty' | 'not-json' | 'not-object' }

export function parseJsonObject(text: string): JsonObjectBody {
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
