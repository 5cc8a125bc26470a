import type { CollectionFormat } from '../../../../shared/contract'
import { callDesk } from '../../lib/desk'
import { asUiLanguage } from '../../lib/language'
import { i18n } from '../../app/i18n'
import {
  patchTokenSlot,
  receiveTokenView,
  setConfirmation,
  useTokensStore,
  type ConfirmableCommand,
  type TokenCommand,
  type TokenSlot,
  type TokenStatus
} from './tokens-store'

const VERBS = { fetch: 'fetchToken', refresh: 'refreshToken', force: 'forceRefreshToken' } as const

const slotOf = (profileId: string): TokenSlot | undefined => useTokensStore.getState().slots[profileId]

/** Exports name the app for the reader (the built-in sandbox in their language). */
const language = () => asUiLanguage(i18n.language)

function start(profileId: string, command: TokenCommand): void {
  patchTokenSlot(profileId, { busy: command, status: null, cancelRequested: false })
}

/** Records the outcome; clears `busy` unless another command took over meanwhile. */
function finish(profileId: string, command: TokenCommand, patch: Partial<TokenSlot>): void {
  const busy = slotOf(profileId)?.busy
  patchTokenSlot(profileId, { ...patch, ...(busy === command ? { busy: null } : {}) })
}

/** Loads the held token's state (no WeChat call). */
export async function loadToken(profileId: string): Promise<void> {
  const result = await callDesk((desk) => desk.getToken({ id: profileId }))
  if (result.ok) receiveTokenView(result.value)
  else patchTokenSlot(profileId, { error: result.error })
}

export interface RunOptions {
  confirmed?: boolean
  /** "Retry now" after an error the desk answers from memory: main tries at once. */
  retryNow?: boolean
}

/**
 * Fetch, refresh or force refresh. When main answers `confirmation-required` (prod apps), the confirm dialog
 * opens instead of an error, and `confirmPending` re-sends the same call with `confirmed: true`.
 * A failure never touches the token shown: main keeps serving the old one. A press while the same command
 * runs is ignored (its button stays focused and says it is busy).
 */
export async function runTokenCommand(
  profileId: string,
  command: ConfirmableCommand,
  options: RunOptions = {}
): Promise<void> {
  if (slotOf(profileId)?.busy === command) return
  start(profileId, command)
  const input = {
    id: profileId,
    ...(options.confirmed ? { confirmed: true } : {}),
    ...(options.retryNow && command === 'refresh' ? { retryNow: true } : {})
  }
  const result = await callDesk((desk) => desk[VERBS[command]](input))
  if (result.ok) {
    receiveTokenView(result.value)
    finish(profileId, command, { error: null })
  } else if (result.error.code === 'confirmation-required' && !options.confirmed) {
    finish(profileId, command, { error: null })
    setConfirmation({ profileId, command, origin: { kind: 'desk', reason: result.error.message } })
  } else if (slotOf(profileId)?.cancelRequested) {
    finish(profileId, command, { error: null, status: { kind: 'cancelled' }, cancelRequested: false })
  } else {
    finish(profileId, command, { error: result.error })
  }
}

/** Stops waiting for the app's hung upstream call; the command that waited reports "cancelled". */
export async function cancelTokenWait(profileId: string): Promise<void> {
  patchTokenSlot(profileId, { cancelRequested: true })
  const result = await callDesk((desk) => desk.cancelTokenRefresh({ id: profileId }))
  if (result.ok) receiveTokenView(result.value)
  else patchTokenSlot(profileId, { error: result.error, cancelRequested: false })
  // A timed refresh has no command of ours to report it: say it here.
  if (result.ok && slotOf(profileId)?.busy === null && result.value.lastAttempt?.cancelled)
    patchTokenSlot(profileId, { status: { kind: 'cancelled' }, cancelRequested: false })
}

/**
 * Refresh asked for by Ctrl/⌘+R. On a classic app it mints a token and kills the one other services hold,
 * so it asks first, as a press of a key is easily a reflex (a window reload everywhere else).
 */
export function refreshFromShortcut(profileId: string, mode: 'stable' | 'classic' | 'remote'): void {
  if (mode === 'classic') setConfirmation({ profileId, command: 'refresh', origin: { kind: 'shortcut' } })
  else void runTokenCommand(profileId, 'refresh')
}

export async function confirmPending(): Promise<void> {
  const pending = useTokensStore.getState().confirmation
  if (!pending) return
  setConfirmation(null)
  await runTokenCommand(pending.profileId, pending.command, { confirmed: true })
}

export function cancelPending(): void {
  setConfirmation(null)
}

export async function revealToken(profileId: string): Promise<void> {
  start(profileId, 'reveal')
  const result = await callDesk((desk) => desk.revealToken({ id: profileId }))
  finish(
    profileId,
    'reveal',
    result.ok ? { revealed: result.value.token, error: null } : { error: result.error }
  )
}

export function hideToken(profileId: string): void {
  patchTokenSlot(profileId, { revealed: null })
}

const COPY_COMMANDS = { token: 'copy-token', curl: 'copy-curl', json: 'copy-json' } as const

export async function copyToken(profileId: string, format: 'token' | 'curl' | 'json'): Promise<void> {
  const command = COPY_COMMANDS[format]
  start(profileId, command)
  const result = await callDesk((desk) => desk.copyToken({ id: profileId, format }))
  const status: TokenStatus = { kind: 'copied', format }
  finish(profileId, command, result.ok ? { status, error: null } : { error: result.error })
}

export async function testToken(profileId: string): Promise<void> {
  start(profileId, 'test')
  const result = await callDesk((desk) => desk.testToken({ id: profileId }))
  if (result.ok) {
    const status: TokenStatus = {
      kind: 'probe',
      ipCount: result.value.ipCount,
      durationMs: result.value.durationMs
    }
    finish(profileId, 'test', { status, error: null })
  } else {
    finish(profileId, 'test', { error: result.error })
  }
}

export async function exportPostman(profileId: string): Promise<void> {
  start(profileId, 'export')
  const result = await callDesk((desk) => desk.exportPostman({ id: profileId, language: language() }))
  if (result.ok) {
    const status: TokenStatus = { kind: 'exported', path: result.value.path, saved: result.value.saved }
    finish(profileId, 'export', { status, error: null })
  } else {
    finish(profileId, 'export', { error: result.error })
  }
}

/** A live collection: its script reads the token from the Local API on every send. */
export async function exportCollection(profileId: string, format: CollectionFormat): Promise<void> {
  const command = format === 'postman' ? 'export-postman' : 'export-bruno'
  start(profileId, command)
  const result = await callDesk((desk) =>
    desk.exportCollection({ id: profileId, format, language: language() })
  )
  if (result.ok)
    finish(profileId, command, { status: { kind: 'collection', format, ...result.value }, error: null })
  else finish(profileId, command, { error: result.error })
}

export function clearTokenError(profileId: string): void {
  patchTokenSlot(profileId, { error: null })
}

/** Drops a transient status, unless a newer one replaced it meanwhile. */
export function clearTokenStatus(profileId: string, status: TokenStatus): void {
  if (slotOf(profileId)?.status === status) patchTokenSlot(profileId, { status: null })
}
