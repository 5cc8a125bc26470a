import type { Server } from 'node:http'
import { isIP, type AddressInfo } from 'node:net'
import { text, type DeskError } from '../../shared/result'

/** Where a server listens, and the base URL that reaches it. */
export interface ListenAddress {
  host: string
  /** The bound port (the OS's choice when 0 was asked for). */
  port: number
  /** `http://host:port`, an IPv6 host in brackets. */
  url: string
}

/** `host` as it appears in a URL or a Host header (IPv6 in brackets). */
export function hostForUrl(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host
}

/**
 * Starts `server` listening on `host:port` (0 = any free port). Exclusive, so no other process can share
 * the port through a cluster handle. Rejects with the socket error (EADDRINUSE …) as Node raises it;
 * `listenFailure` says what it means to a user.
 */
export function listen(server: Server, host: string, port: number): Promise<ListenAddress> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject)
      const bound = (server.address() as AddressInfo).port
      resolve({ host, port: bound, url: `http://${hostForUrl(host)}:${bound}` })
    })
  })
}

/** Stops listening and drops every connection, idle keep-alive and hanging ones included. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * A listen error as the user reads it, for every server the desk starts (the local API, the OAuth callback
 * catcher, headless serve). The causes a user can act on are refusals (`guard`) with a fix; anything else is
 * `internal`, with Node's own words.
 */
export function listenFailure(error: unknown, host: string, port: number): DeskError {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  const where = `${hostForUrl(host)}:${port}`
  switch (code) {
    case 'EADDRINUSE':
      return {
        code: 'guard',
        message: text(`Port ${port} on ${host} is already in use`, `${host} 的端口 ${port} 已被占用`),
        fix: text(
          'Another program holds it: choose another port, or 0 for any free one.',
          '它已被其他程序占用：请换一个端口，或填 0 使用任意空闲端口。'
        ),
        retryable: true
      }
    case 'EACCES':
      return {
        code: 'guard',
        message: text(`This system does not allow listening on ${where}`, `系统不允许在 ${where} 上监听`),
        fix: text(
          'Ports below 1024 usually need administrator rights: use one above 1024.',
          '1024 以下的端口通常需要管理员权限，请使用 1024 以上的端口。'
        )
      }
    case 'EADDRNOTAVAIL':
      return {
        code: 'guard',
        message: text(`${host} is not an address of this computer`, `${host} 不是本机的地址`),
        fix: text(
          'Pick an address this computer has now (Wi-Fi may have changed), or 127.0.0.1, and try again.',
          '请选择本机当前拥有的地址（Wi-Fi 可能已切换）或 127.0.0.1 后重试。'
        )
      }
    default: {
      const reason = error instanceof Error ? error.message : String(error)
      return {
        code: 'internal',
        message: text(`Could not listen on ${where}: ${reason}`, `无法在 ${where} 上监听：${reason}`)
      }
    }
  }
}
