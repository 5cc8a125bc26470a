import { randomBytes } from 'node:crypto'
import { BoundedMap } from '../shared/bounded-map'
import type { AuthorizeRequest } from './authorize-request'

/** How long a consent page may stay open before its form is refused. */
export const CONSENT_TTL_MS = 10 * 60_000
const MAX_OPEN = 500

interface Ticket {
  request: AuthorizeRequest
  expiresAt: number
}

/**
 * The authorize requests waiting for the sandbox user's answer. The consent form carries only a ticket id,
 * so what it may redirect to was decided (and checked) by the authorize step; each ticket works once.
 */
export class ConsentTickets {
  private readonly open = new BoundedMap<string, Ticket>(MAX_OPEN)

  issue(request: AuthorizeRequest, now: number): string {
    for (const [id, ticket] of this.open) if (ticket.expiresAt <= now) this.open.delete(id)
    const id = randomBytes(18).toString('base64url')
    this.open.set(id, { request, expiresAt: now + CONSENT_TTL_MS })
    return id
  }

  /** The request behind `id`, once; undefined when unknown, already answered or expired. */
  take(id: string, now: number): AuthorizeRequest | undefined {
    const ticket = this.open.get(id)
    if (!ticket) return undefined
    this.open.delete(id)
    return ticket.expiresAt > now ? ticket.request : undefined
  }
}
