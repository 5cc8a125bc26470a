import type { LocalApiRequestEntry } from '../../shared/local-api-contract'
import { LOCAL_API_RECENT_REQUESTS } from '../../shared/local-api-contract'

/**
 * Requests the local API answered: a running total and the last few, in a ring buffer (constant work per
 * request). Entries carry the path without its query string, so no `secret=` ever lands here.
 */
export class RequestLog {
  private readonly ring: (LocalApiRequestEntry | undefined)[]
  private next = 0
  private nextId = 1
  private count = 0
  private readonly listeners = new Set<(entry: LocalApiRequestEntry) => void>()

  constructor(private readonly capacity = LOCAL_API_RECENT_REQUESTS) {
    this.ring = new Array<LocalApiRequestEntry | undefined>(capacity)
  }

  get total(): number {
    return this.count
  }

  record(input: Omit<LocalApiRequestEntry, 'id'>): void {
    const entry: LocalApiRequestEntry = {
      id: this.nextId++,
      at: input.at,
      method: input.method,
      route: input.route,
      status: input.status,
      callerPort: input.callerPort,
      durationMs: input.durationMs
    }
    this.ring[this.next] = entry
    this.next = (this.next + 1) % this.capacity
    this.count++
    for (const listener of this.listeners) listener(entry)
  }

  /** Newest first. */
  recent(): LocalApiRequestEntry[] {
    const out: LocalApiRequestEntry[] = []
    for (let i = 1; i <= this.capacity; i++) {
      const entry = this.ring[(this.next - i + this.capacity) % this.capacity]
      if (entry) out.push(entry)
    }
    return out
  }

  onEntry(listener: (entry: LocalApiRequestEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
