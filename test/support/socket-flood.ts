import { connect, type Socket } from 'node:net'

/**
 * Opens `count` TCP connections to 127.0.0.1:`port` that never send a byte (or, with `request`, that send
 * it and then stay): what a misbehaving local client does. Bounded by the caller; `close()` lets go of all.
 */
export async function openSockets(
  port: number,
  count: number,
  request?: string
): Promise<{ sockets: Socket[]; open(): number; statuses(): Map<string, number>; close(): void }> {
  const sockets: Socket[] = []
  const status = new Map<Socket, string>()
  const opening: Promise<void>[] = []
  for (let i = 0; i < count; i++) {
    const socket = connect({ host: '127.0.0.1', port })
    socket.on('error', () => undefined) // the server may drop it: that is the point
    socket.once('data', (chunk: Buffer) => status.set(socket, chunk.toString('latin1').split(' ')[1] ?? '?'))
    sockets.push(socket)
    opening.push(
      new Promise<void>((resolve) => {
        socket.once('connect', () => {
          if (request !== undefined) socket.write(request)
          resolve()
        })
        socket.once('close', () => resolve())
      })
    )
  }
  await Promise.all(opening)
  return {
    sockets,
    open: () => sockets.filter((s) => !s.destroyed && s.readyState === 'open').length,
    /** How many sockets got each HTTP status as their first answer ('none' for no answer yet). */
    statuses: () => {
      const counts = new Map<string, number>()
      for (const socket of sockets) {
        const code = status.get(socket) ?? 'none'
        counts.set(code, (counts.get(code) ?? 0) + 1)
      }
      return counts
    },
    close: () => sockets.forEach((s) => s.destroy())
  }
}
