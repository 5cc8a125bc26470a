import { create } from 'zustand'
import type { DeskError } from '../../../../shared/result'
import type { CallLogEntry } from '../../../../shared/contract'

/** Enough rows to scroll back through a day of debugging without growing without bound. */
const MAX_ENTRIES = 500

export interface CallLogState {
  /** The app whose calls are shown. */
  profileId: string | null
  /** Newest first. */
  entries: CallLogEntry[]
  error: DeskError | null
}

export const initialCallLogState: CallLogState = { profileId: null, entries: [], error: null }

export const useCallLogStore = create<CallLogState>()(() => initialCallLogState)

const newestFirst = (a: CallLogEntry, b: CallLogEntry): number => b.at - a.at || b.id - a.id

/** Merges entries (from `listCallLog` and live events) without duplicates, newest first. */
function mergeEntries(current: CallLogEntry[], incoming: CallLogEntry[]): CallLogEntry[] {
  const byId = new Map(current.map((entry) => [entry.id, entry]))
  for (const entry of incoming) byId.set(entry.id, entry)
  return [...byId.values()].sort(newestFirst).slice(0, MAX_ENTRIES)
}

export function showCallLogFor(profileId: string | null): void {
  useCallLogStore.setState({ profileId, entries: [], error: null })
}

export function addCallLogEntries(profileId: string, entries: CallLogEntry[]): void {
  useCallLogStore.setState((state) => {
    if (state.profileId !== profileId) return state
    const mine = entries.filter((entry) => entry.profileId === profileId)
    return { entries: mergeEntries(state.entries, mine) }
  })
}

export function setCallLogError(error: DeskError | null): void {
  useCallLogStore.setState({ error })
}

export function emptyCallLog(): void {
  useCallLogStore.setState({ entries: [], error: null })
}
