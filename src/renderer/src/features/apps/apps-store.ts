import { create } from 'zustand'
import type { AppView } from '../../../../shared/contract'

export interface AppsState {
  apps: AppView[]
  selectedId: string | null
  /** False until the first `listApps` answered. */
  loaded: boolean
  /** The app dialog open, if any: Edit can be asked for from elsewhere (an error's "Edit app"). */
  dialog: { appId: string; kind: 'edit' | 'delete' } | null
}

export const initialAppsState: AppsState = { apps: [], selectedId: null, loaded: false, dialog: null }

export const useAppsStore = create<AppsState>()(() => initialAppsState)

export const selectSelectedApp = (state: AppsState): AppView | null =>
  state.apps.find((app) => app.id === state.selectedId) ?? null

export function setApps(apps: AppView[]): void {
  useAppsStore.setState({ apps, loaded: true })
}

/** Inserts a created app or replaces an edited one, keeping the list order. */
export function upsertApp(app: AppView): void {
  useAppsStore.setState((state) => {
    const index = state.apps.findIndex((candidate) => candidate.id === app.id)
    if (index === -1) return { apps: [...state.apps, app] }
    return { apps: state.apps.map((candidate) => (candidate.id === app.id ? app : candidate)) }
  })
}

export function removeApp(id: string): void {
  useAppsStore.setState((state) => ({ apps: state.apps.filter((app) => app.id !== id) }))
}

export function setSelectedAppId(selectedId: string | null): void {
  useAppsStore.setState({ selectedId })
}

export function openAppDialog(appId: string, kind: 'edit' | 'delete'): void {
  useAppsStore.setState({ dialog: { appId, kind } })
}

export function closeAppDialog(): void {
  useAppsStore.setState({ dialog: null })
}
