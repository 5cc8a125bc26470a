import { callDesk } from '../../lib/desk'
import {
  addCallLogEntries,
  emptyCallLog,
  setCallDetail,
  setCallLogError,
  setCallLogFilters,
  setCallLogFocus,
  showCallLogFor,
  useCallLogStore,
  type CallLogFilters
} from './call-log-store'
import type { CallLogEntry } from '../../../../shared/contract'

/** Shows `profileId`'s calls (or every call, as the scope says); live entries that arrive meanwhile are kept. */
export async function loadCallLog(profileId: string): Promise<void> {
  showCallLogFor(profileId)
  const { scope } = useCallLogStore.getState().filters
  const result = await callDesk((desk) => desk.listCallLog(scope === 'app' ? { id: profileId } : {}))
  const now = useCallLogStore.getState()
  if (now.profileId !== profileId || now.filters.scope !== scope) return
  if (result.ok) addCallLogEntries(result.value)
  else setCallLogError(result.error)
}

export function receiveCallLogEntry(entry: CallLogEntry): void {
  addCallLogEntries([entry])
}

/** Changes the filters; a change of scope reloads the log. */
export function filterCallLog(patch: Partial<CallLogFilters>): void {
  const before = useCallLogStore.getState()
  setCallLogFilters(patch)
  if (patch.scope !== undefined && patch.scope !== before.filters.scope && before.profileId !== null)
    void loadCallLog(before.profileId)
}

/** Opens or closes a row's details, reading its headers and bodies from main the first time. */
export async function toggleCallDetail(entry: CallLogEntry): Promise<void> {
  if (useCallLogStore.getState().open[entry.id] !== undefined) {
    setCallDetail(entry.id, null)
    return
  }
  if (!entry.hasDetail) {
    setCallDetail(entry.id, { entry, request: { headers: [], body: null }, response: null })
    return
  }
  setCallDetail(entry.id, 'loading')
  const result = await callDesk((desk) => desk.getCallDetail({ id: entry.id }))
  if (useCallLogStore.getState().open[entry.id] === undefined) return
  setCallDetail(entry.id, result.ok ? result.value : result.error)
}

export async function copyCallAsCurl(id: number): Promise<boolean> {
  const result = await callDesk((desk) => desk.copyCallAsCurl({ id }))
  if (!result.ok) setCallLogError(result.error)
  return result.ok
}

export async function clearCallLog(): Promise<void> {
  const result = await callDesk((desk) => desk.clearCallLog())
  if (result.ok) emptyCallLog()
  else setCallLogError(result.error)
}

/**
 * Shows one entry: the filters that could hide it are cleared, its details opened, and its row focused once
 * drawn ("open in the call log" from the console).
 */
export async function openCallLogEntry(id: number): Promise<void> {
  setCallLogFilters({ source: 'any', path: '', errcode: '' })
  setCallLogFocus(id)
  const state = useCallLogStore.getState()
  const entry = state.entries.find((candidate) => candidate.id === id)
  if (entry && state.open[id] === undefined) await toggleCallDetail(entry)
}
