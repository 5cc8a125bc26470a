import { create } from 'zustand'
import type { Preferences } from '../../../../shared/contract'

export interface PreferencesState {
  preferences: Preferences
}

export const initialPreferencesState: PreferencesState = {
  preferences: { language: 'system', theme: 'system', selectedAppId: null }
}

export const usePreferencesStore = create<PreferencesState>()(() => initialPreferencesState)

export function setPreferences(preferences: Preferences): void {
  usePreferencesStore.setState({ preferences })
}

export function patchPreferences(patch: Partial<Preferences>): void {
  usePreferencesStore.setState((state) => ({ preferences: { ...state.preferences, ...patch } }))
}
