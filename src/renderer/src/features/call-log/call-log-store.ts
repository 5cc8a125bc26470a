import { create } from 'zustand'
import type { DeskError } from '../../../../shared/result'
import type { CallDetail, CallLogEntry, CallSource } from '../../../../shared/contract'
import { mergeById } from '../../lib/merge-by-id'

/** Enough rows to scroll back through a day of debugging without growing without bound. */
const MAX_ENTRIES = 500

export interface CallLogFilters {
  /** The selected app's calls only, or every call (refusals of unknown apps included). */
  scope: 'app' | 'all'
  source: CallSource | 'any'
  /** Part of the path, any case. */
  path: string
  /** An errcode, as typed ('' for any). */
  errcode: string
}

export interface CallLogState {
  /** The app whose workspace shows the log. */
  profileId: string | null
  /** Newest first: what the scope holds; the other filters apply when shown. */
  entries: CallLogEntry[]
  filters: CallLogFilters
  /** Rows whose details are open, with what was read for them. */
  open: Record<number, CallDetail | DeskError | 'loading'>
  /** The entry to bring into view and focus once drawn ("open in the call log" from the console). */
  focusId: number | null
  error: DeskError | null
}

export const initialFilters: CallLogFilters = { scope: 'app', source: 'any', path: '', errcode: '' }

export const initialCallLogState: CallLogState = {
  profileId: null,
  entries: [],
  filters: initialFilters,
  open: {},
  focusId: null,
  error: null
}

export const useCallLogStore = create<CallLogState>()(() => initialCallLogState)

const newestFirst = (a: CallLogEntry, b: CallLogEntry): number => b.at - a.at || b.id - a.id

/** Whether an entry belongs in the scope (the other filters apply when the table is drawn). */
export const inScope = (state: Pick<CallLogState, 'profileId' | 'filters'>, entry: CallLogEntry): boolean =>
  state.filters.scope === 'all' || entry.profileId === state.profileId

/** The entries the table shows. */
export function visibleEntries(state: Pick<CallLogState, 'entries' | 'filters'>): CallLogEntry[] {
  const { source, path, errcode } = state.filters
  const wanted = path.trim().toLowerCase()
  const code = errcode.trim()
  return state.entries.filter(
    (entry) =>
      (source === 'any' || entry.source === source) &&
      (wanted === '' || entry.endpoint.toLowerCase().includes(wanted)) &&
      (code === '' || String(entry.errcode ?? '') === code)
  )
}

export function showCallLogFor(profileId: string | null): void {
  useCallLogStore.setState({ profileId, entries: [], open: {}, error: null })
}

export function addCallLogEntries(entries: readonly CallLogEntry[]): void {
  useCallLogStore.setState((state) => {
    const mine = entries.filter((entry) => inScope(state, entry))
    return mine.length === 0 ? state : { entries: mergeById(state.entries, mine, newestFirst, MAX_ENTRIES) }
  })
}

export function setCallLogFilters(patch: Partial<CallLogFilters>): void {
  useCallLogStore.setState((state) => ({ filters: { ...state.filters, ...patch } }))
}

export function setCallDetail(id: number, detail: CallDetail | DeskError | 'loading' | null): void {
  useCallLogStore.setState((state) => {
    const others = Object.entries(state.open).filter(([key]) => Number(key) !== id)
    return { open: Object.fromEntries(detail === null ? others : [...others, [id, detail]]) }
  })
}

export function setCallLogError(error: DeskError | null): void {
  useCallLogStore.setState({ error })
}

export function emptyCallLog(): void {
  useCallLogStore.setState({ entries: [], open: {}, error: null })
}

export function setCallLogFocus(focusId: number | null): void {
  useCallLogStore.setState({ focusId })
}
