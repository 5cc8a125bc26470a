import type { CallInput } from '../../../../shared/contract'
import { callDesk } from '../../lib/desk'
import { patchPreferences } from './preferences-store'
import { removeNotice, reportProblem } from './system-store'

export type PreferencesPatch = NonNullable<CallInput<'updatePreferences'>>

/** Applies at once and persists in the background; a failed save is reported, the choice stays for this session. */
export async function savePreferences(patch: PreferencesPatch): Promise<void> {
  patchPreferences(patch)
  const result = await callDesk((desk) => desk.updatePreferences(patch))
  if (!result.ok) reportProblem(result.error)
}

export async function dismissNotice(id: string): Promise<void> {
  removeNotice(id)
  const result = await callDesk((desk) => desk.dismissNotice({ id }))
  if (!result.ok) reportProblem(result.error)
}
