import type { DeskApi } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import { copyPlainText } from '../../lib/clipboard'
import { callDesk } from '../../lib/desk'
import {
  receiveJssdkSetup,
  receiveJssdkTicket,
  setJssdkBusy,
  setJssdkDiagnosis,
  setJssdkError,
  setJssdkNotice,
  setJssdkRevealed,
  setJssdkSignature,
  useJssdkStore,
  type JssdkArea,
  type JssdkNotice
} from './jssdk-store'

/** Runs a call as `busy` (one at a time), routes its failure to `area`, and clears that area on success. */
async function run<T>(
  busy: string,
  area: JssdkArea,
  ask: (desk: DeskApi) => Promise<Result<T>>,
  notice?: JssdkNotice
): Promise<T | null> {
  if (useJssdkStore.getState().busy !== null) return null
  setJssdkBusy(busy)
  setJssdkNotice(null)
  const result = await callDesk(ask)
  setJssdkBusy(null)
  if (!result.ok) {
    setJssdkError(area, result.error)
    return null
  }
  setJssdkError(area, null)
  if (notice) setJssdkNotice(notice)
  return result.value
}

export async function loadJssdkSetup(id: string): Promise<void> {
  const result = await callDesk((desk) => desk.getJssdkSetup({ id }))
  if (result.ok) receiveJssdkSetup(result.value)
  else setJssdkError('ticket', result.error)
}

export async function fetchJssdkTicket(id: string): Promise<void> {
  const view = await run('fetch', 'ticket', (desk) => desk.fetchJssdkTicket({ id }), 'ticket-fetched')
  if (view) receiveJssdkTicket(view)
}

export async function refreshJssdkTicket(id: string): Promise<void> {
  const view = await run('refresh', 'ticket', (desk) => desk.refreshJssdkTicket({ id }), 'ticket-refreshed')
  if (view) receiveJssdkTicket(view)
}

export async function revealJssdkTicket(id: string): Promise<void> {
  const shown = await run('reveal', 'ticket', (desk) => desk.revealJssdkTicket({ id }))
  if (shown) setJssdkRevealed(shown.ticket)
}

export const hideJssdkTicket = (): void => setJssdkRevealed(null)

export async function copyJssdkTicket(id: string): Promise<void> {
  await run('copy', 'ticket', (desk) => desk.copyJssdkTicket({ id }), 'ticket-copied')
}

export async function newJssdkNonce(): Promise<{ nonceStr: string; timestamp: string } | null> {
  const result = await callDesk((desk) => desk.newJssdkNonce())
  return result.ok ? result.value : null
}

export interface SignDraft {
  url: string
  nonceStr: string
  timestamp: string
  /** Empty = the app's jsapi_ticket. */
  ticket: string
  revealTicket: boolean
}

export async function signJssdk(id: string, draft: SignDraft): Promise<void> {
  const { ticket, ...rest } = draft
  const signed = await run(
    'sign',
    'sign',
    (desk) => desk.signJssdk({ id, ...rest, ...(ticket.trim() === '' ? {} : { ticket: ticket.trim() }) }),
    'signed'
  )
  if (!signed) return
  setJssdkSignature(signed)
  if (signed.ticket) receiveJssdkTicket(signed.ticket)
}

export interface DiagnoseDraft {
  pageUrl: string
  nonceStr: string
  timestamp: string
  signature: string
}

export async function diagnoseJssdk(id: string, draft: DiagnoseDraft): Promise<void> {
  setJssdkDiagnosis(null)
  const diagnosis = await run('diagnose', 'diagnose', (desk) => desk.diagnoseJssdkSignature({ id, ...draft }))
  if (diagnosis) setJssdkDiagnosis(diagnosis)
}

/** The wx.config snippet holds no secret (the signature is meant for the page), so the window copies it. */
export async function copyJssdkSnippet(snippet: string): Promise<void> {
  if (await copyPlainText(snippet)) setJssdkNotice('snippet-copied')
}
