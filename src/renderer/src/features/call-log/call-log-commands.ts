import { callDesk } from '../../lib/desk'
import {
  addCallLogEntries,
  emptyCallLog,
  setCallLogError,
  showCallLogFor,
  useCallLogStore
} from './call-log-store'
import type { CallLogEntry } from '../../../../shared/contract'

/** Shows `profileId`'s calls; live entries that arrive while loading are merged, not lost. */
export async function loadCallLog(profileId: string): Promise<void> {
  showCallLogFor(profileId)
  const result = await callDesk((desk) => desk.listCallLog({ id: profileId }))
  if (useCallLogStore.getState().profileId !== profileId) return
  if (result.ok) addCallLogEntries(profileId, result.value)
  else setCallLogError(result.error)
}

export function receiveCallLogEntry(entry: CallLogEntry): void {
  addCallLogEntries(entry.profileId, [entry])
}

export async function clearCallLog(): Promise<void> {
  const result = await callDesk((desk) => desk.clearCallLog())
  if (result.ok) emptyCallLog()
  else setCallLogError(result.error)
}
