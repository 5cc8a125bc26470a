import { create } from 'zustand'
import type { OAuthCopyField, OAuthStateView } from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'
import { clockSkew } from '../../lib/main-clock'

/** Where a failed action's error is shown. */
export type OAuthArea = 'domains' | 'link' | 'catcher' | 'exchange' | 'token' | 'history'

/** The last successful action worth a word, kept as data so it re-renders in the current language. */
export type OAuthNotice =
  | { kind: 'link-copied'; format: 'link' | 'chat' }
  | { kind: 'link-built'; state: string }
  | { kind: 'link-opened' }
  | { kind: 'field-copied'; field: OAuthCopyField }
  | { kind: 'domains-saved' }
  | { kind: 'history-cleared' }
  | { kind: 'authorized'; openid: string }
  | { kind: 'user-token-refreshed'; at: number; expiresAt: number }
  | { kind: 'user-token-checked'; at: number }
  | { kind: 'userinfo-loaded' }

export interface OAuthUiState {
  /** The catcher and the history, as main last pushed them. */
  view: OAuthStateView | null
  /** main's clock minus ours when `view` arrived (see `clockSkew`). */
  skewMs: number
  /** The authorization shown in detail; null = the newest one of the app on screen. */
  selectedAuthId: string | null
  /** The command running now, e.g. `refresh`. */
  busy: string | null
  errors: Partial<Record<OAuthArea, DeskError>>
  notice: OAuthNotice | null
  /** A new authorization to bring into view (scrolled to, focused, announced) once it is shown. */
  reveal: string | null
}

export const initialOAuthUiState: OAuthUiState = {
  view: null,
  skewMs: 0,
  selectedAuthId: null,
  busy: null,
  errors: {},
  notice: null,
  reveal: null
}

export const useOAuthStore = create<OAuthUiState>()(() => initialOAuthUiState)

/** Stores a state from main; a new authorization from the catcher becomes the one shown. */
export function receiveOAuthState(view: OAuthStateView, localNow: number = Date.now()): void {
  useOAuthStore.setState((state) => {
    const before = state.view?.catcher.capture?.authorizationId ?? null
    const after = view.catcher.capture?.authorizationId ?? null
    const known = state.selectedAuthId !== null && view.history.some((a) => a.id === state.selectedAuthId)
    const arrived = after !== null && after !== before
    return {
      view,
      skewMs: clockSkew(view.now, localNow),
      selectedAuthId: arrived ? after : known ? state.selectedAuthId : null,
      ...(arrived ? arrival(state, after) : {})
    }
  })
}

/** A new authorization is shown: the errors of the last one's actions no longer apply. */
function arrival(state: OAuthUiState, id: string): Partial<OAuthUiState> {
  const { token: _token, exchange: _exchange, ...others } = state.errors
  return { reveal: id, errors: others }
}

/** A fresh start for another app: its own errors, notices and selection (main's state stays). */
export function resetOAuthUi(): void {
  useOAuthStore.setState({ selectedAuthId: null, busy: null, errors: {}, notice: null, reveal: null })
}

export function selectAuthorization(id: string | null): void {
  useOAuthStore.setState({ selectedAuthId: id })
}

/** An authorization just arrived (exchanged here): show it, and bring it into view. */
export function showArrivedAuthorization(id: string): void {
  useOAuthStore.setState((state) => ({ selectedAuthId: id, ...arrival(state, id) }))
}

/** The arrived authorization is in view now. */
export function revealed(): void {
  useOAuthStore.setState({ reveal: null })
}

export function setOAuthError(area: OAuthArea, error: DeskError | null): void {
  useOAuthStore.setState((state) => ({ errors: { ...state.errors, [area]: error ?? undefined } }))
}

export function setOAuthBusy(busy: string | null): void {
  useOAuthStore.setState({ busy })
}

export function setOAuthNotice(notice: OAuthNotice | null): void {
  useOAuthStore.setState({ notice })
}
