import { create } from 'zustand'
import type {
  ConsoleRequest,
  ConsoleResponse,
  ConsoleState,
  PickedConsoleFile,
  QuotaLookup
} from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'

/** The pane's views of an answer. */
export const RESPONSE_VIEWS = ['pretty', 'raw', 'headers'] as const
export type ResponseView = (typeof RESPONSE_VIEWS)[number]

/** A request on its way: its id (to cancel it) and when it left (for the elapsed time). */
export interface InFlight {
  requestId: string
  startedAt: number
}

/** The last action worth a word, kept as data so it re-renders in the current language. */
export type ConsoleNotice = { kind: 'curl-copied' } | { kind: 'saved' } | { kind: 'file-saved'; path: string }

export interface ConsoleStoreState {
  /** The app the console shows. */
  profileId: string | null
  draft: ConsoleRequest
  /** The JSON body while another body kind is chosen, so switching back keeps it. */
  jsonText: string
  /** Files picked in main, by their id: name and size only. */
  files: Record<string, PickedConsoleFile>
  catalogueSearch: string
  historySearch: string
  inFlight: InFlight | null
  response: ConsoleResponse | null
  view: ResponseView
  /** History and saved requests, as main keeps them. */
  saved: ConsoleState | null
  quota: QuotaLookup | null
  /** A quota reset waiting for the user's yes. */
  confirmReset: ConsoleRequest | null
  error: DeskError | null
  notice: ConsoleNotice | null
}

export const EMPTY_REQUEST: ConsoleRequest = {
  method: 'GET',
  path: '/cgi-bin/getcallbackip',
  query: [],
  body: { kind: 'none' }
}

export const initialConsoleState: ConsoleStoreState = {
  profileId: null,
  draft: EMPTY_REQUEST,
  jsonText: '{}',
  files: {},
  catalogueSearch: '',
  historySearch: '',
  inFlight: null,
  response: null,
  view: 'pretty',
  saved: null,
  quota: null,
  confirmReset: null,
  error: null,
  notice: null
}

export const useConsoleStore = create<ConsoleStoreState>()(() => initialConsoleState)

export const setConsole = (patch: Partial<ConsoleStoreState>): void => useConsoleStore.setState(patch)

/** Another app: its own history; what was typed stays (the same API is often tried on two apps). */
export function showConsoleFor(profileId: string): void {
  useConsoleStore.setState((state) =>
    state.profileId === profileId
      ? state
      : { profileId, saved: null, response: null, quota: null, error: null, notice: null, inFlight: null }
  )
}

export function editDraft(patch: Partial<ConsoleRequest>): void {
  useConsoleStore.setState((state) => ({ draft: { ...state.draft, ...patch }, quota: null }))
}

/** Puts a request in the composer (from the catalogue, the history or the saved list). */
export function loadDraft(request: ConsoleRequest): void {
  useConsoleStore.setState((state) => ({
    draft: request,
    jsonText: request.body.kind === 'json' ? request.body.text : state.jsonText,
    quota: null,
    notice: null
  }))
}

export function setJsonBody(text: string): void {
  useConsoleStore.setState((state) => ({
    jsonText: text,
    draft: { ...state.draft, body: { kind: 'json', text } }
  }))
}

export function setQueryRow(index: number, row: [string, string] | null): void {
  useConsoleStore.setState((state) => {
    const query = [...state.draft.query]
    if (row === null) query.splice(index, 1)
    else query[index] = row
    return { draft: { ...state.draft, query } }
  })
}
