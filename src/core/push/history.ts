import type { PushHistoryEntry } from '../../shared/contract'

export const DEFAULT_HISTORY_LIMIT = 50

/** The last pushes, newest first, in memory only: bodies may hold a user's test data, never a secret. */
export class PushHistory {
  private entries: PushHistoryEntry[] = []

  constructor(private readonly limit = DEFAULT_HISTORY_LIMIT) {}

  add(entry: PushHistoryEntry): void {
    this.entries = [entry, ...this.entries].slice(0, this.limit)
  }

  list(): readonly PushHistoryEntry[] {
    return this.entries
  }

  get(id: string): PushHistoryEntry | undefined {
    return this.entries.find((entry) => entry.id === id)
  }

  clear(): void {
    this.entries = []
  }
}
