import type { CallLogEntry } from '../../shared/contract'
import { redactText } from '../wechat/redact'

export type CallLogInput = Omit<CallLogEntry, 'id'>

/**
 * Every upstream WeChat call, newest last, bounded. Entries arrive already redacted (the client masks
 * `secret` and `access_token` in URLs); `record` masks again so a caller's mistake cannot leak.
 */
export class CallLog {
  private entries: CallLogEntry[] = []
  private nextId = 1
  private readonly listeners = new Set<(entry: CallLogEntry) => void>()

  constructor(private readonly capacity = 500) {}

  record(input: CallLogInput): CallLogEntry {
    const entry: CallLogEntry = {
      ...input,
      url: redactText(input.url),
      detail: input.detail === null ? null : redactText(input.detail),
      id: this.nextId++
    }
    this.entries.push(entry)
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity)
    for (const listener of this.listeners) listener(entry)
    return entry
  }

  /** Newest first. */
  list(profileId?: string): CallLogEntry[] {
    const rows = profileId ? this.entries.filter((e) => e.profileId === profileId) : this.entries
    return [...rows].reverse()
  }

  clear(): void {
    this.entries = []
  }

  onEntry(listener: (entry: CallLogEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
