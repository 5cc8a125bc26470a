import { create } from 'zustand'
import type { DeskError, Localized } from '../../../../shared/result'
import type { CollectionFormat, TokenView } from '../../../../shared/contract'
import { clockSkew } from '../../lib/main-clock'

/** Calls that may need the user's confirmation on production apps. */
export type ConfirmableCommand = 'fetch' | 'refresh' | 'force'
export type TokenCommand =
  | ConfirmableCommand
  | 'test'
  | 'reveal'
  | 'copy-token'
  | 'copy-curl'
  | 'copy-json'
  | 'export'
  | 'export-postman'
  | 'export-bruno'

/** The outcome of the last user action, kept as data so it re-renders in the current language. */
export type TokenStatus =
  | { kind: 'copied'; format: 'token' | 'curl' | 'json' }
  | { kind: 'probe'; ipCount: number; durationMs: number }
  | { kind: 'exported'; path: string | null; saved: boolean }
  | {
      kind: 'collection'
      format: CollectionFormat
      path: string | null
      saved: boolean
      keyIncluded: boolean
      localApiRunning: boolean
    }
  /** The person stopped waiting for a call that hung. */
  | { kind: 'cancelled' }

export interface TokenSlot {
  view: TokenView | null
  /** main's clock minus ours when `view` arrived (see `clockSkew`). */
  skewMs: number
  /** The full token, only after the user pressed Reveal; dropped when the token changes. */
  revealed: string | null
  /** The last failed user action; a later success clears it. The token shown stays. */
  error: DeskError | null
  status: TokenStatus | null
  busy: TokenCommand | null
  /** When (our clock) the wait for WeChat began, while there is one: the progress counts from it. */
  since: number | null
  /** Cancel was pressed: the failing answer that follows is the cancel, not an error to show. */
  cancelRequested: boolean
}

/** Why a confirmation is asked for. */
export type ConfirmationOrigin =
  /** main said `confirmation-required` (a prod app): `reason` is its explanation. */
  | { kind: 'desk'; reason: Localized }
  /** A shortcut would mint a classic token: asked here, as a deliberate press is not a reflex. */
  | { kind: 'shortcut' }

export interface PendingConfirmation {
  profileId: string
  command: ConfirmableCommand
  origin: ConfirmationOrigin
}

export interface TokensState {
  slots: Record<string, TokenSlot>
  confirmation: PendingConfirmation | null
}

export const initialTokensState: TokensState = { slots: {}, confirmation: null }

export const useTokensStore = create<TokensState>()(() => initialTokensState)

const EMPTY_SLOT: TokenSlot = {
  view: null,
  skewMs: 0,
  revealed: null,
  error: null,
  status: null,
  busy: null,
  since: null,
  cancelRequested: false
}

/** The commands that wait for WeChat (and can be cancelled while they do). */
export const isUpstreamCommand = (command: TokenCommand | null): command is ConfirmableCommand =>
  command === 'fetch' || command === 'refresh' || command === 'force'

export const selectTokenSlot =
  (profileId: string | null) =>
  (state: TokensState): TokenSlot =>
    (profileId === null ? undefined : state.slots[profileId]) ?? EMPTY_SLOT

/** Whether the slot waits for WeChat now: main says a call is in flight, or a command of ours awaits one. */
export const isWaiting = (slot: TokenSlot): boolean =>
  (slot.view?.refreshing ?? false) || isUpstreamCommand(slot.busy)

export function patchTokenSlot(
  profileId: string,
  patch: Partial<TokenSlot>,
  localNow: number = Date.now()
): void {
  useTokensStore.setState((state) => {
    const next = { ...(state.slots[profileId] ?? EMPTY_SLOT), ...patch }
    // The wait is timed from its first sign (our command, or main's view), and forgotten when it is over.
    const since = isWaiting(next) ? (next.since ?? localNow) : null
    return { slots: { ...state.slots, [profileId]: { ...next, since } } }
  })
}

/** Stores a view from main (a call's answer or a `tokenChanged` event). */
export function receiveTokenView(view: TokenView, localNow: number = Date.now()): void {
  const previous = useTokensStore.getState().slots[view.profileId]
  const sameToken =
    previous?.view?.masked === view.masked && previous.view.obtainedAt === view.obtainedAt && view.held
  patchTokenSlot(
    view.profileId,
    {
      view,
      skewMs: clockSkew(view.now, localNow),
      revealed: sameToken ? (previous.revealed ?? null) : null
    },
    localNow
  )
}

export function setConfirmation(confirmation: PendingConfirmation | null): void {
  useTokensStore.setState({ confirmation })
}
