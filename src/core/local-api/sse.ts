import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TokenView } from '../../shared/contract'
import { SECURITY_HEADERS } from '../http/reply'

/** What a `token` event says: which app, and until when its token lives. Never the token. */
export interface TokenEventData {
  appid: string
  /** ISO 8601, or null when the desk no longer holds a token for the app. */
  expires_at: string | null
  mode: string | null
}

/**
 * Tells held tokens apart without the token itself: its masked form plus its times (two tokens obtained at
 * the same instant still differ in the mask).
 */
export function tokenSignature(view: TokenView): string {
  return view.held ? `${view.masked ?? ''}/${view.obtainedAt ?? ''}/${view.expiresAt ?? ''}` : 'none'
}

/** Event streams open at once, in all and from one client address: streams never crowd out the token route. */
export const MAX_STREAMS = 32
export const MAX_STREAMS_PER_CLIENT = 16

/**
 * `GET /v1/events`: Server-Sent Events. Emits `token` whenever an app's held token changes, so a backend
 * knows to re-read it. The keeper reports every state change (refreshing, counters …); only a different
 * token (obtained at / expires at) makes an event.
 */
export class TokenEventStream {
  private readonly clients = new Set<ServerResponse>()
  private readonly perClient = new Map<string, number>()
  private readonly seen = new Map<string, string>()
  private heartbeat: NodeJS.Timeout | null = null

  constructor(
    private readonly appIdOf: (profileId: string) => string | null,
    private readonly heartbeatMs = 25_000
  ) {}

  get size(): number {
    return this.clients.size
  }

  /** Opens a stream, or says why not (too many open) without touching the response. */
  open(req: IncomingMessage, res: ServerResponse): 'open' | 'too-many' {
    const client = req.socket.remoteAddress ?? ''
    const fromClient = this.perClient.get(client) ?? 0
    if (this.clients.size >= MAX_STREAMS || fromClient >= MAX_STREAMS_PER_CLIENT) return 'too-many'
    this.perClient.set(client, fromClient + 1)
    // A stream is idle by design between events; the heartbeat keeps proxies and the client's timers happy.
    req.socket.setTimeout(0)
    req.socket.setNoDelay(true)
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      ...SECURITY_HEADERS,
      connection: 'keep-alive'
    })
    res.write('retry: 3000\n: connected\n\n')
    this.clients.add(res)
    res.on('close', () => {
      this.clients.delete(res)
      const left = (this.perClient.get(client) ?? 1) - 1
      if (left > 0) this.perClient.set(client, left)
      else this.perClient.delete(client)
      if (this.clients.size === 0) this.stopHeartbeat()
    })
    this.heartbeat ??= setInterval(() => this.broadcast(': keep-alive\n\n'), this.heartbeatMs).unref()
    return 'open'
  }

  /** Feed every keeper view here; it decides whether the token changed. */
  onTokenView(view: TokenView): void {
    const signature = tokenSignature(view)
    const before = this.seen.get(view.profileId)
    this.seen.set(view.profileId, signature)
    // The first sight of an app only records where it stands: the keeper reports before every change.
    if (before === undefined || before === signature || this.clients.size === 0) return
    const appid = this.appIdOf(view.profileId)
    if (appid === null) return
    const data: TokenEventData = {
      appid,
      expires_at: view.held && view.expiresAt !== null ? new Date(view.expiresAt).toISOString() : null,
      mode: view.held ? view.mode : null
    }
    this.broadcast(`event: token\ndata: ${JSON.stringify(data)}\n\n`)
  }

  /** Ends every stream (on shutdown, or when the key is rotated and old subscribers must re-authenticate). */
  closeAll(): void {
    for (const res of this.clients) res.end()
    this.clients.clear()
    this.stopHeartbeat()
  }

  private broadcast(chunk: string): void {
    for (const res of this.clients) res.write(chunk)
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
  }
}
