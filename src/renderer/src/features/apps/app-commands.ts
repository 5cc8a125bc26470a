import type { CallInput } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import type { AppView } from '../../../../shared/contract'
import { callDesk } from '../../lib/desk'
import { removeApp, setApps, setSelectedAppId, upsertApp, useAppsStore } from './apps-store'
import { showCallLogFor } from '../call-log/call-log-store'
import { showMain } from '../../app/view-store'
import { loadCallLog } from '../call-log/call-log-commands'
import { savePreferences } from '../settings/preference-commands'
import { loadToken } from '../token/token-commands'

export type AppDraftInput = CallInput<'createApp'>

/** Shows an app: its token state and call log; remembers the choice unless told not to. */
export function selectApp(id: string | null, options: { persist?: boolean } = {}): void {
  setSelectedAppId(id)
  if (id === null) showCallLogFor(null)
  else {
    void loadToken(id)
    void loadCallLog(id)
  }
  if (options.persist ?? true) void savePreferences({ selectedAppId: id })
}

/** After the list changed under us, keep the selection if it still exists, else fall back to the first app. */
function keepSelectionValid(apps: AppView[]): void {
  const selected = useAppsStore.getState().selectedId
  if (selected !== null && apps.some((app) => app.id === selected)) return
  selectApp(apps[0]?.id ?? null)
}

export function receiveApps(apps: AppView[]): void {
  setApps(apps)
  keepSelectionValid(apps)
}

/** Creates (no `id`) or updates an app. Field issues come back in the result for the form to show. */
export async function saveApp(draft: AppDraftInput, id?: string): Promise<Result<AppView>> {
  const result = await callDesk((desk) =>
    id === undefined ? desk.createApp(draft) : desk.updateApp({ id, draft })
  )
  if (!result.ok) return result
  upsertApp(result.value)
  if (id === undefined) {
    // A new app is shown at once, even when it was added from the Local API panel.
    showMain('app')
    selectApp(result.value.id)
  } else void loadToken(result.value.id)
  return result
}

export async function deleteApp(id: string): Promise<Result<{ deleted: true }>> {
  const result = await callDesk((desk) => desk.deleteApp({ id }))
  if (result.ok) {
    removeApp(id)
    keepSelectionValid(useAppsStore.getState().apps)
  }
  return result
}
