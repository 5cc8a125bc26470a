/** A tiny stand-in for api.weixin.qq.com on 127.0.0.1: each test decides how it answers. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  /** Path and query as received. */
  url: string
  headers: IncomingMessage['headers']
  /** The header fields as they arrived, names in their own spelling. */
  rawHeaders: string[]
  body: string
  /** The body byte for byte. */
  bytes: Buffer
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

export interface Upstream {
  /** `http://127.0.0.1:<port>` */
  base: string
  requests: RecordedRequest[]
  /** Replaces how the server answers from now on and forgets earlier requests. */
  answer(handler: Handler): void
  close(): Promise<void>
}

export const json =
  (payload: unknown, status = 200, contentType = 'application/json; encoding=utf-8'): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': contentType })
    res.end(typeof payload === 'string' ? payload : JSON.stringify(payload))
  }

export async function startUpstream(): Promise<Upstream> {
  let handler: Handler = json({ errcode: -1, errmsg: 'system error' })
  const requests: RecordedRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const bytes = Buffer.concat(chunks)
      const body = bytes.toString('utf8')
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
        bytes
      })
      handler(req, res, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      handler = next
      requests.length = 0
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
    }
  }
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}
