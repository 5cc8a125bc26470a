import { connect } from 'node:net'

// HTTP/1.1 on a bare socket, for requests no client library would send (two Host headers, garbage).

/** Writes raw bytes on a fresh connection and collects everything until the server closes it. */
export function rawExchange(port: number, payload: string | Buffer, timeoutMs = 3_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      resolve(Buffer.concat(chunks).toString('latin1'))
    }, timeoutMs)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('latin1'))
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // The server may reset a connection it has already answered; what arrived still counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return
      clearTimeout(timer)
      reject(error)
    })
    socket.write(payload)
  })
}

/** Splits a raw HTTP/1.1 answer into status, headers and body. */
export function parseRawResponse(
  raw: string
): { status: number; headers: Record<string, string>; body: string } | null {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) return null
  const [statusLine = '', ...lines] = raw.slice(0, end).split('\r\n')
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)
  if (!match) return null
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return {
    status: Number(match[1]),
    headers,
    body: Buffer.from(raw.slice(end + 4), 'latin1').toString('utf8')
  }
}
