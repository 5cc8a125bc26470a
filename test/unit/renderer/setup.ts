import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach } from 'vitest'
import { i18n } from '../../../src/renderer/src/app/i18n'
import { initialAppsState, useAppsStore } from '../../../src/renderer/src/features/apps/apps-store'
import {
  initialCallLogState,
  useCallLogStore
} from '../../../src/renderer/src/features/call-log/call-log-store'
import {
  initialPreferencesState,
  usePreferencesStore
} from '../../../src/renderer/src/features/settings/preferences-store'
import { initialSystemState, useSystemStore } from '../../../src/renderer/src/features/settings/system-store'
import { initialTokensState, useTokensStore } from '../../../src/renderer/src/features/token/tokens-store'
import { initialViewState, useViewStore } from '../../../src/renderer/src/app/view-store'
import {
  initialLocalApiState,
  useLocalApiStore
} from '../../../src/renderer/src/features/local-api/local-api-store'
import {
  initialEmulatorState,
  useEmulatorStore
} from '../../../src/renderer/src/features/emulator/emulator-store'
import { initialOAuthUiState, useOAuthStore } from '../../../src/renderer/src/features/oauth/oauth-store'
import {
  initialConsoleState,
  useConsoleStore
} from '../../../src/renderer/src/features/console/console-store'
import { createFakeDesk, type FakeDesk, type FakeDeskState } from './fake-desk'

/** Installs a fresh fake `window.desk` and fresh stores for each test of the calling file. */
export function installFakeDesk(state: () => FakeDeskState = () => ({})): { current: FakeDesk } {
  const holder = { current: createFakeDesk() }
  beforeEach(async () => {
    holder.current = createFakeDesk(state())
    window.desk = holder.current.api
    useAppsStore.setState(initialAppsState, true)
    useTokensStore.setState(initialTokensState, true)
    useCallLogStore.setState(initialCallLogState, true)
    usePreferencesStore.setState(initialPreferencesState, true)
    useSystemStore.setState(initialSystemState, true)
    useViewStore.setState(initialViewState, true)
    useLocalApiStore.setState(initialLocalApiState, true)
    useEmulatorStore.setState(initialEmulatorState, true)
    useOAuthStore.setState(initialOAuthUiState, true)
    useConsoleStore.setState(initialConsoleState, true)
    document.documentElement.removeAttribute('data-theme')
    await i18n.changeLanguage('en')
  })
  afterEach(() => {
    cleanup()
  })
  return holder
}
