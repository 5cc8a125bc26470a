import { BoundedMap } from '../../shared/bounded-map'
import type { OAuthEndpoint, OAuthScope, OAuthStateVerdict } from '../../shared/contract'

/** How long a built link's state counts as "issued here". Codes live 5 minutes; scanning can take a while. */
export const STATE_TTL_MS = 30 * 60_000
/** Expired states are still recognised (as "expired", not "unknown") for this long. */
const REMEMBER_MS = 24 * 3_600_000
const CAPACITY = 200

export interface IssuedState {
  state: string
  linkId: string
  profileId: string
  appId: string
  scope: OAuthScope
  endpoint: OAuthEndpoint
  redirectUri: string
  url: string
  issuedAt: number
  expiresAt: number
  /** When a redirect carrying this state was first handled. */
  usedAt: number | null
}

export interface StateLookup {
  verdict: OAuthStateVerdict
  entry: IssuedState | null
}

/**
 * The states of the links this desk built, with their scope, redirect URI and app, for a limited time. A
 * redirect is then "issued" (ours, not yet seen), "used" (seen before), "expired" or "unknown".
 */
export class StateRegistry {
  private readonly byState = new Map<string, IssuedState>()
  // Forgetting the oldest link forgets its state too, unless a newer link took the state over.
  private readonly byLink = new BoundedMap<string, IssuedState>(CAPACITY, (_linkId, oldest) => {
    if (this.byState.get(oldest.state) === oldest) this.byState.delete(oldest.state)
  })

  constructor(private readonly ttlMs = STATE_TTL_MS) {}

  /** Remembers a built link; rebuilding with the same state replaces the earlier link. */
  issue(entry: Omit<IssuedState, 'expiresAt' | 'usedAt'>): IssuedState {
    this.forgetExpired(entry.issuedAt)
    const issued: IssuedState = { ...entry, expiresAt: entry.issuedAt + this.ttlMs, usedAt: null }
    const previous = this.byState.get(entry.state)
    if (previous) this.byLink.delete(previous.linkId)
    // An empty state identifies nothing: keep the link (for copying) but never match redirects to it.
    if (entry.state !== '') {
      this.byState.delete(entry.state)
      this.byState.set(entry.state, issued)
    }
    this.byLink.set(entry.linkId, issued)
    return issued
  }

  lookup(state: string | null, now: number): StateLookup {
    if (state === null || state === '') return { verdict: 'none', entry: null }
    const entry = this.byState.get(state) ?? null
    if (!entry) return { verdict: 'unknown', entry: null }
    if (entry.usedAt !== null) return { verdict: 'used', entry }
    return { verdict: now >= entry.expiresAt ? 'expired' : 'issued', entry }
  }

  markUsed(state: string | null, now: number): void {
    const entry = state ? this.byState.get(state) : undefined
    if (entry && entry.usedAt === null) entry.usedAt = now
  }

  link(linkId: string): IssuedState | undefined {
    return this.byLink.get(linkId)
  }

  /** The last `limit` links built, newest first. */
  recent(limit: number): IssuedState[] {
    return [...this.byLink.values()].reverse().slice(0, limit)
  }

  private forgetExpired(now: number): void {
    for (const [state, entry] of this.byState) {
      if (now - entry.expiresAt > REMEMBER_MS) {
        this.byState.delete(state)
        this.byLink.delete(entry.linkId)
      }
    }
  }
}
