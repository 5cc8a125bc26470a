import { create } from 'zustand'

/** What the main area shows: the selected app's workspace, or the (global) Local API panel. */
export type MainView = 'app' | 'local-api'

/** The sections of an app's workspace. */
export const APP_TABS = ['token', 'oauth', 'console', 'jssdk', 'mini-program', 'push'] as const
export type AppTab = (typeof APP_TABS)[number]

export interface ViewState {
  main: MainView
  /** Kept while moving between apps, so the section you work in stays open. */
  appTab: AppTab
}

export const initialViewState: ViewState = { main: 'app', appTab: 'token' }

export const useViewStore = create<ViewState>()(() => initialViewState)

export function showMain(main: MainView): void {
  useViewStore.setState({ main })
}

export function showAppTab(appTab: AppTab): void {
  useViewStore.setState({ appTab })
}
