import type { CallInput } from '../../../../shared/contract'
import type { LocalApiSnippetId, LocalApiStatus } from '../../../../shared/contract/local-api'
import type { DeskError, Result } from '../../../../shared/result'
import { i18n } from '../../app/i18n'
import { callDesk, isFieldError } from '../../lib/desk'
import { asUiLanguage } from '../../lib/language'
import {
  patchLocalApi,
  receiveLocalApiStatus,
  useLocalApiStore,
  type LocalApiCommand,
  type LocalApiNotice
} from './local-api-store'

export type LocalApiPatch = CallInput<'setLocalApi'>

/**
 * Runs a command as `busy`: a success clears the panel's error slot, a failure fills it — unless `shownElsewhere`
 * says the failure is shown by whoever asked (field issues under their fields).
 */
async function run<T>(
  command: LocalApiCommand,
  call: () => Promise<Result<T>>,
  onSuccess?: (value: T) => LocalApiNotice | null,
  shownElsewhere: (error: DeskError) => boolean = () => false
): Promise<Result<T>> {
  patchLocalApi({ busy: command, notice: null })
  const result = await call()
  const idle = useLocalApiStore.getState().busy === command ? { busy: null } : {}
  if (result.ok) {
    const notice = onSuccess?.(result.value) ?? null
    patchLocalApi({ error: null, notice, ...idle })
  } else {
    patchLocalApi({ error: shownElsewhere(result.error) ? null : result.error, ...idle })
  }
  return result
}

/** Loads the status (at start-up, so the sidebar can show whether the API runs). */
export async function loadLocalApi(): Promise<void> {
  const result = await callDesk((desk) => desk.getLocalApi())
  if (result.ok) receiveLocalApiStatus(result.value)
  else patchLocalApi({ error: result.error })
}

/**
 * Switches the API on or off and/or moves it. Field issues (a refused address) come back in the result for
 * the form to show. A server that cannot listen (port in use) is part of the status (`lastError`), so it is
 * shown there once rather than twice.
 */
export async function applyLocalApi(
  patch: LocalApiPatch,
  command: 'switch' | 'apply'
): Promise<Result<LocalApiStatus>> {
  const result = await run(
    command,
    () => callDesk((desk) => desk.setLocalApi(patch)),
    (status) => {
      receiveLocalApiStatus(status)
      return command === 'apply' ? { kind: 'applied' } : null
    },
    // Decided below, once it is known whether the status already says it.
    () => true
  )
  if (result.ok || isFieldError(result.error)) return result
  await loadLocalApi()
  const lastError = useLocalApiStore.getState().status?.lastError
  if (lastError?.message.en !== result.error.message.en) patchLocalApi({ error: result.error })
  return result
}

export async function revealLocalApiKey(): Promise<void> {
  await run(
    'reveal',
    () => callDesk((desk) => desk.revealLocalApiKey()),
    ({ key }) => {
      patchLocalApi({ revealedKey: key })
      return null
    }
  )
}

export function hideLocalApiKey(): void {
  patchLocalApi({ revealedKey: null })
}

export async function copyLocalApiKey(): Promise<void> {
  await run(
    'copy-key',
    () => callDesk((desk) => desk.copyLocalApiKey()),
    () => ({ kind: 'key-copied' })
  )
}

export async function rotateLocalApiKey(): Promise<void> {
  await run(
    'rotate',
    () => callDesk((desk) => desk.rotateLocalApiKey()),
    (status) => {
      patchLocalApi({ revealedKey: null })
      receiveLocalApiStatus(status)
      return { kind: 'key-rotated' }
    }
  )
}

/** Copies a snippet; main fills in the real key (when there is one), so the copy runs as is. */
export async function copyLocalApiSnippet(
  profileId: string,
  snippet: LocalApiSnippetId,
  title: string
): Promise<void> {
  const language = asUiLanguage(i18n.language)
  await run(
    'copy-snippet',
    () => callDesk((desk) => desk.copyLocalApiSnippet({ id: profileId, snippet, language })),
    (copied) => ({ kind: 'snippet-copied', title, keyIncluded: copied.keyIncluded })
  )
}

export function clearLocalApiError(): void {
  patchLocalApi({ error: null })
}
