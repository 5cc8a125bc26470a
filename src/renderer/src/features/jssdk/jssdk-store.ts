import { create } from 'zustand'
import type { JssdkDiagnosis, JssdkSetup, JssdkSignature, JssdkTicketView } from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'
import { clockSkew } from '../../lib/main-clock'

/** Where a failed action's error is shown. */
export type JssdkArea = 'ticket' | 'sign' | 'diagnose'

/** The last successful action worth a word, kept as data so it re-renders in the current language. */
export type JssdkNotice =
  'ticket-fetched' | 'ticket-refreshed' | 'ticket-copied' | 'snippet-copied' | 'signed'

export interface JssdkUiState {
  /** The app the tab shows; a change of app starts afresh. */
  profileId: string | null
  setup: JssdkSetup | null
  ticket: JssdkTicketView | null
  /** main's clock minus ours when `ticket` arrived. */
  skewMs: number
  /** The ticket's value, only after the user asked to see it. */
  revealed: string | null
  signature: JssdkSignature | null
  diagnosis: JssdkDiagnosis | null
  busy: string | null
  errors: Partial<Record<JssdkArea, DeskError>>
  notice: JssdkNotice | null
}

export const initialJssdkState: JssdkUiState = {
  profileId: null,
  setup: null,
  ticket: null,
  skewMs: 0,
  revealed: null,
  signature: null,
  diagnosis: null,
  busy: null,
  errors: {},
  notice: null
}

export const useJssdkStore = create<JssdkUiState>()(() => initialJssdkState)

export function showJssdkApp(profileId: string): void {
  if (useJssdkStore.getState().profileId !== profileId)
    useJssdkStore.setState({ ...initialJssdkState, profileId })
}

export function receiveJssdkSetup(setup: JssdkSetup): void {
  if (useJssdkStore.getState().profileId !== setup.profileId) return
  useJssdkStore.setState({ setup })
  receiveJssdkTicket(setup.ticket)
}

/** A ticket view from main; a different ticket hides the one revealed. */
export function receiveJssdkTicket(ticket: JssdkTicketView, localNow: number = Date.now()): void {
  useJssdkStore.setState((state) => {
    if (state.profileId !== ticket.profileId) return {}
    const same = state.ticket?.masked === ticket.masked && state.ticket.obtainedAt === ticket.obtainedAt
    return { ticket, skewMs: clockSkew(ticket.now, localNow), revealed: same ? state.revealed : null }
  })
}

export const setJssdkBusy = (busy: string | null): void => useJssdkStore.setState({ busy })
export const setJssdkNotice = (notice: JssdkNotice | null): void => useJssdkStore.setState({ notice })
export const setJssdkRevealed = (revealed: string | null): void => useJssdkStore.setState({ revealed })
export const setJssdkSignature = (signature: JssdkSignature | null): void =>
  useJssdkStore.setState({ signature })
export const setJssdkDiagnosis = (diagnosis: JssdkDiagnosis | null): void =>
  useJssdkStore.setState({ diagnosis })

export function setJssdkError(area: JssdkArea, error: DeskError | null): void {
  useJssdkStore.setState((state) => ({ errors: { ...state.errors, [area]: error ?? undefined } }))
}
