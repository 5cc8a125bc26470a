import { callDesk } from '../lib/desk'
import { selectApp } from '../features/apps/app-commands'
import { loadLocalApi } from '../features/local-api/local-api-commands'
import { setApps } from '../features/apps/apps-store'
import { setPreferences } from '../features/settings/preferences-store'
import { reportProblem, setSystemInfo } from '../features/settings/system-store'

/** Loads the local API's status, preferences, system info and apps, then selects the remembered app (or the first: the sandbox). */
export async function bootstrap(): Promise<void> {
  // The sidebar shows whether the local API serves; its own panel reports a failure to ask.
  void loadLocalApi()
  const [preferences, info, apps] = await Promise.all([
    callDesk((desk) => desk.getPreferences()),
    callDesk((desk) => desk.getSystemInfo()),
    callDesk((desk) => desk.listApps())
  ])
  if (preferences.ok) setPreferences(preferences.value)
  else reportProblem(preferences.error)
  if (info.ok) setSystemInfo(info.value)
  else reportProblem(info.error)
  if (!apps.ok) {
    reportProblem(apps.error)
    setApps([])
    return
  }
  setApps(apps.value)
  const remembered = preferences.ok ? preferences.value.selectedAppId : null
  const initial = apps.value.find((app) => app.id === remembered) ?? apps.value[0]
  if (initial) selectApp(initial.id, { persist: initial.id !== remembered })
}
