import { callDesk } from '../../lib/desk'
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

function start(profileId: string, command: TokenCommand): void {
  patchTokenSlot(profileId, { busy: command, status: null })
}

/** Records the outcome; clears `busy` unless another command took over meanwhile. */
function finish(profileId: string, command: TokenCommand, patch: Partial<TokenSlot>): void {
  const busy = useTokensStore.getState().slots[profileId]?.busy
  patchTokenSlot(profileId, { ...patch, ...(busy === command ? { busy: null } : {}) })
}

/** Loads the held token's state (no WeChat call). */
export async function loadToken(profileId: string): Promise<void> {
  const result = await callDesk((desk) => desk.getToken({ id: profileId }))
  if (result.ok) receiveTokenView(result.value)
  else patchTokenSlot(profileId, { error: result.error })
}

/**
 * Fetch, refresh or force refresh. When main answers `confirmation-required` (prod apps), the confirm dialog
 * opens instead of an error, and `confirmPending` re-sends the same call with `confirmed: true`.
 * A failure never touches the token shown: main keeps serving the old one.
 */
export async function runTokenCommand(
  profileId: string,
  command: ConfirmableCommand,
  confirmed = false
): Promise<void> {
  start(profileId, command)
  const input = confirmed ? { id: profileId, confirmed: true } : { id: profileId }
  const result = await callDesk((desk) => desk[VERBS[command]](input))
  if (result.ok) {
    receiveTokenView(result.value)
    finish(profileId, command, { error: null })
  } else if (result.error.code === 'confirmation-required' && !confirmed) {
    finish(profileId, command, { error: null })
    setConfirmation({ profileId, command, reason: result.error.message })
  } else {
    finish(profileId, command, { error: result.error })
  }
}

export async function confirmPending(): Promise<void> {
  const pending = useTokensStore.getState().confirmation
  if (!pending) return
  setConfirmation(null)
  await runTokenCommand(pending.profileId, pending.command, true)
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

export async function copyToken(profileId: string, format: 'token' | 'curl'): Promise<void> {
  const command = format === 'token' ? 'copy-token' : 'copy-curl'
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
  const result = await callDesk((desk) => desk.exportPostman({ id: profileId }))
  if (result.ok) {
    const status: TokenStatus = { kind: 'exported', path: result.value.path, saved: result.value.saved }
    finish(profileId, 'export', { status, error: null })
  } else {
    finish(profileId, 'export', { error: result.error })
  }
}

export function clearTokenError(profileId: string): void {
  patchTokenSlot(profileId, { error: null })
}

/** Drops a transient status, unless a newer one replaced it meanwhile. */
export function clearTokenStatus(profileId: string, status: TokenStatus): void {
  if (useTokensStore.getState().slots[profileId]?.status === status)
    patchTokenSlot(profileId, { status: null })
}
