import { create } from 'zustand'
import type { AppView } from '../../../../shared/contract'

export interface AppsState {
  apps: AppView[]
  selectedId: string | null
  /** False until the first `listApps` answered. */
  loaded: boolean
}

export const initialAppsState: AppsState = { apps: [], selectedId: null, loaded: false }

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
