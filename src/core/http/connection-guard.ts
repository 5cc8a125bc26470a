import type { Server } from 'node:http'
import type { Socket } from 'node:net'

export interface ConnectionGuardOptions {
  /**
   * Past this many open connections, idle ones are closed, oldest first, starting with the client address that
   * holds the most: a flood of idle sockets cannot fill the server up to `maxConnections`.
   */
  highWater: number
}

/**
 * Keeps a server answering when one client opens far more connections than it uses. A connection is idle when
 * no response is on its way on it: it never sent a request, sits between keep-alive requests, or is still
 * trickling one in (slow loris). Event streams and requests waiting for WeChat are busy and never shed. No
 * per-request work: connections are only looked at when one more arrives past the high water mark.
 */
export function guardConnections(server: Server, { highWater }: ConnectionGuardOptions): void {
  const byClient = new Map<string, Set<Socket>>()
  let open = 0
  server.on('connection', (socket: Socket) => {
    const client = socket.remoteAddress ?? ''
    let sockets = byClient.get(client)
    if (!sockets) {
      sockets = new Set()
      byClient.set(client, sockets)
    }
    sockets.add(socket)
    open++
    socket.once('close', () => {
      open--
      sockets.delete(socket)
      if (sockets.size === 0 && byClient.get(client) === sockets) byClient.delete(client)
    })
    if (open > highWater) shed(byClient, open - highWater, socket)
  })
}

function shed(byClient: Map<string, Set<Socket>>, excess: number, newcomer: Socket): void {
  const clients = [...byClient.values()].sort((a, b) => b.size - a.size)
  for (const sockets of clients) {
    for (const socket of sockets) {
      if (excess <= 0) return
      if (socket === newcomer || !isIdle(socket)) continue
      socket.destroy()
      excess--
    }
  }
}

/** No response in flight on the socket (Node sets `_httpMessage` while one is being written). */
const isIdle = (socket: Socket): boolean =>
  (socket as unknown as { _httpMessage?: unknown })._httpMessage == null
