import { create } from 'zustand'
import type { DeskError } from '../../../../shared/result'
import type { CallLogEntry } from '../../../../shared/contract'
import { mergeById } from '../../lib/merge-by-id'

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

export function showCallLogFor(profileId: string | null): void {
  useCallLogStore.setState({ profileId, entries: [], error: null })
}

export function addCallLogEntries(profileId: string, entries: CallLogEntry[]): void {
  useCallLogStore.setState((state) => {
    if (state.profileId !== profileId) return state
    const mine = entries.filter((entry) => entry.profileId === profileId)
    return { entries: mergeById(state.entries, mine, newestFirst, MAX_ENTRIES) }
  })
}

export function setCallLogError(error: DeskError | null): void {
  useCallLogStore.setState({ error })
}

export function emptyCallLog(): void {
  useCallLogStore.setState({ entries: [], error: null })
}
