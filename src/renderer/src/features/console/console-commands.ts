import { catalogueEntryAt } from '../../../../shared/console-catalogue'
import type { ConsoleBody, ConsoleRequest } from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import { showAppTab } from '../../app/view-store'
import { callDesk } from '../../lib/desk'
import { openCallLogEntry } from '../call-log/call-log-commands'
import { loadDraft, setConsole, useConsoleStore, type ConsoleNotice } from './console-store'

/** Runs a call for the shown app; its failure goes to the console's error slot. */
async function run<T>(call: () => Promise<Result<T>>, notice?: ConsoleNotice): Promise<T | null> {
  setConsole({ notice: null })
  const result = await call()
  if (!result.ok) {
    setConsole({ error: result.error })
    return null
  }
  setConsole({ error: null, ...(notice && { notice }) })
  return result.value
}

const shownApp = (): string | null => useConsoleStore.getState().profileId

export async function loadConsoleState(profileId: string): Promise<void> {
  const state = await run(() => callDesk((desk) => desk.getConsoleState({ id: profileId })))
  if (state && shownApp() === profileId) setConsole({ saved: state })
}

/** A fresh id for each send, so it can be cancelled by name. */
const newRequestId = (): string => crypto.randomUUID()

/**
 * Sends the composed request. A quota reset (10 a month) asks first: the dialog calls this again with
 * `confirmed`. Focus is left where it was: the Send button says it is busy instead of going away.
 */
export async function sendConsoleRequest(confirmed = false): Promise<void> {
  const { profileId, draft, inFlight } = useConsoleStore.getState()
  if (profileId === null || inFlight !== null) return
  if (catalogueEntryAt(draft.path)?.clearsQuota && !confirmed) {
    setConsole({ confirmReset: draft })
    return
  }
  const requestId = newRequestId()
  setConsole({ inFlight: { requestId, startedAt: Date.now() }, confirmReset: null, notice: null })
  const result = await callDesk((desk) =>
    desk.sendConsoleRequest({ id: profileId, requestId, request: draft, ...(confirmed && { confirmed }) })
  )
  if (useConsoleStore.getState().inFlight?.requestId === requestId) setConsole({ inFlight: null })
  if (shownApp() !== profileId) return
  if (!result.ok) {
    setConsole({ error: result.error })
    return
  }
  setConsole({ error: null, response: result.value.response, saved: result.value.state })
}

export async function cancelConsoleRequest(): Promise<void> {
  const inFlight = useConsoleStore.getState().inFlight
  if (!inFlight) return
  await callDesk((desk) => desk.cancelConsoleRequest({ requestId: inFlight.requestId }))
}

export async function copyConsoleCurl(): Promise<void> {
  const { profileId, draft } = useConsoleStore.getState()
  if (profileId === null) return
  await run(() => callDesk((desk) => desk.copyConsoleCurl({ id: profileId, request: draft })), {
    kind: 'curl-copied'
  })
}

export async function saveConsoleRequest(name: string): Promise<void> {
  const { profileId, draft } = useConsoleStore.getState()
  if (profileId === null || name.trim() === '') return
  const state = await run(
    () => callDesk((desk) => desk.saveConsoleRequest({ id: profileId, name: name.trim(), request: draft })),
    { kind: 'saved' }
  )
  if (state) setConsole({ saved: state })
}

export async function forgetConsoleRequest(list: 'history' | 'saved', entryId: string): Promise<void> {
  const profileId = shownApp()
  if (profileId === null) return
  const state = await run(() =>
    callDesk((desk) => desk.forgetConsoleRequest({ id: profileId, list, entryId }))
  )
  if (state) setConsole({ saved: state })
}

export async function clearConsoleHistory(): Promise<void> {
  const profileId = shownApp()
  if (profileId === null) return
  const state = await run(() => callDesk((desk) => desk.clearConsoleHistory({ id: profileId })))
  if (state) setConsole({ saved: state })
}

/** "Choose file…" for the multipart part at `index`: the file is read in main; its name and size come back. */
export async function pickConsoleFile(index: number): Promise<void> {
  const picked = await run(() => callDesk((desk) => desk.pickConsoleFile()))
  const file = picked?.file
  if (!file) return
  useConsoleStore.setState((state) => {
    const body = state.draft.body
    if (body.kind !== 'multipart') return state
    const parts = body.parts.map((part, at) =>
      at === index && part.kind === 'file' ? { ...part, fileId: file.fileId, fileName: file.fileName } : part
    )
    return {
      draft: { ...state.draft, body: { kind: 'multipart', parts } },
      files: { ...state.files, [file.fileId]: file }
    }
  })
}

export async function saveConsoleAnswer(): Promise<void> {
  const response = useConsoleStore.getState().response
  if (!response) return
  const saved = await run(() =>
    callDesk((desk) => desk.saveConsoleResponse({ requestId: response.requestId }))
  )
  if (saved?.saved && saved.path) setConsole({ notice: { kind: 'file-saved', path: saved.path } })
}

export async function loadConsoleQuota(): Promise<void> {
  const { profileId, draft } = useConsoleStore.getState()
  if (profileId === null) return
  const quota = await run(() => callDesk((desk) => desk.getConsoleQuota({ id: profileId, path: draft.path })))
  if (quota) setConsole({ quota })
}

/** Changes the body kind; the JSON typed before comes back when JSON is chosen again. */
export function chooseBodyKind(kind: ConsoleBody['kind']): void {
  const { draft, jsonText } = useConsoleStore.getState()
  const body: ConsoleBody =
    kind === 'json'
      ? { kind: 'json', text: jsonText }
      : kind === 'multipart'
        ? { kind: 'multipart', parts: [{ kind: 'file', name: 'media', fileId: null, fileName: '' }] }
        : { kind: 'none' }
  setConsole({ draft: { ...draft, body, method: kind === 'none' ? draft.method : 'POST' } })
}

/** The composer's request as a quota reset, for the doctor's buttons. */
export function composeQuotaReset(
  path: '/cgi-bin/clear_quota' | '/cgi-bin/clear_quota/v2',
  appId: string
): ConsoleRequest {
  const text = path === '/cgi-bin/clear_quota' ? JSON.stringify({ appid: appId }) : '{}'
  return { method: 'POST', path, query: [], body: { kind: 'json', text } }
}

/** Asks before a quota reset from the doctor; on yes it is sent like any request. */
export function askQuotaReset(request: ConsoleRequest): void {
  setConsole({ confirmReset: request })
}

export async function confirmQuotaReset(): Promise<void> {
  const request = useConsoleStore.getState().confirmReset
  if (!request) return
  setConsole({ draft: request, jsonText: request.body.kind === 'json' ? request.body.text : '{}' })
  await sendConsoleRequest(true)
}

/**
 * From a 45009 anywhere: the Console tab, with clear_quota/v2 in the composer and its confirmation open (the
 * AppSecret is added in main; the dialog says WeChat allows 10 resets a month).
 */
export function offerQuotaReset(appId: string): void {
  const request = composeQuotaReset('/cgi-bin/clear_quota/v2', appId)
  showAppTab('console')
  loadDraft(request)
  askQuotaReset(request)
}

/** "Open in the call log": the Token tab, its log showing the entry, opened and in view. */
export function showInCallLog(callLogId: number): void {
  showAppTab('token')
  void openCallLogEntry(callLogId)
}

/** The image of the QR code the shown qrcode/create answer made (its ticket stays in main). */
export async function showQrCode(): Promise<void> {
  const { profileId, response, inFlight } = useConsoleStore.getState()
  if (profileId === null || response === null || inFlight !== null) return
  const requestId = newRequestId()
  setConsole({ inFlight: { requestId, startedAt: Date.now() }, notice: null })
  const result = await callDesk((desk) =>
    desk.showConsoleQrCode({ id: profileId, requestId, answerOf: response.requestId })
  )
  if (useConsoleStore.getState().inFlight?.requestId === requestId) setConsole({ inFlight: null })
  if (shownApp() !== profileId) return
  if (result.ok) setConsole({ error: null, response: result.value })
  else setConsole({ error: result.error })
}
