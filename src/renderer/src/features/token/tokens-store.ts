import { create } from 'zustand'
import type { DeskError, Localized } from '../../../../shared/result'
import type { TokenView } from '../../../../shared/contract'
import { clockSkew } from '../../lib/main-clock'

/** Calls that may need the user's confirmation on production apps. */
export type ConfirmableCommand = 'fetch' | 'refresh' | 'force'
export type TokenCommand = ConfirmableCommand | 'test' | 'reveal' | 'copy-token' | 'copy-curl' | 'export'

/** The outcome of the last user action, kept as data so it re-renders in the current language. */
export type TokenStatus =
  | { kind: 'copied'; format: 'token' | 'curl' }
  | { kind: 'probe'; ipCount: number; durationMs: number }
  | { kind: 'exported'; path: string | null; saved: boolean }

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
}

export interface PendingConfirmation {
  profileId: string
  command: ConfirmableCommand
  /** What main said when it asked for the confirmation. */
  reason: Localized
}

export interface TokensState {
  slots: Record<string, TokenSlot>
  confirmation: PendingConfirmation | null
}

export const initialTokensState: TokensState = { slots: {}, confirmation: null }

export const useTokensStore = create<TokensState>()(() => initialTokensState)

const EMPTY_SLOT: TokenSlot = { view: null, skewMs: 0, revealed: null, error: null, status: null, busy: null }

export const selectTokenSlot =
  (profileId: string | null) =>
  (state: TokensState): TokenSlot =>
    (profileId === null ? undefined : state.slots[profileId]) ?? EMPTY_SLOT

export function patchTokenSlot(profileId: string, patch: Partial<TokenSlot>): void {
  useTokensStore.setState((state) => ({
    slots: { ...state.slots, [profileId]: { ...(state.slots[profileId] ?? EMPTY_SLOT), ...patch } }
  }))
}

/** Stores a view from main (a call's answer or a `tokenChanged` event). */
export function receiveTokenView(view: TokenView, localNow: number = Date.now()): void {
  const previous = useTokensStore.getState().slots[view.profileId]
  const sameToken =
    previous?.view?.masked === view.masked && previous.view.obtainedAt === view.obtainedAt && view.held
  patchTokenSlot(view.profileId, {
    view,
    skewMs: clockSkew(view.now, localNow),
    revealed: sameToken ? (previous.revealed ?? null) : null
  })
}

export function setConfirmation(confirmation: PendingConfirmation | null): void {
  useTokensStore.setState({ confirmation })
}
