import type { IncomingMessage } from 'node:http'

export type BodyRead = { kind: 'body'; text: string } | { kind: 'too-large' } | { kind: 'aborted' }

/**
 * Reads the body as UTF-8 up to `limit` bytes. Past the limit it stops keeping data (the rest is drained
 * and the connection closed after the 413), so a client cannot make the desk buffer more than `limit`.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) {
    req.resume()
    return Promise.resolve({ kind: 'too-large' })
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const settle = (read: BodyRead): void => {
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
    req.on('end', () => settle({ kind: 'body', text: Buffer.concat(chunks).toString('utf8') }))
    req.on('error', () => settle({ kind: 'aborted' }))
    req.on('close', () => settle({ kind: 'aborted' }))
  })
}
