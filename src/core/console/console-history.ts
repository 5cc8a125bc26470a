import { randomUUID } from 'node:crypto'
import type {
  ConsoleHistoryEntry,
  ConsoleRequest,
  ConsoleState,
  SavedConsoleRequest
} from '../../shared/contract'
import type { DeskStore } from '../storage'

/** How many sends each app's history keeps (newest first); older ones fall off. */
export const CONSOLE_HISTORY_LIMIT = 100
/** Saved requests are named by hand, so there are few; the bound only stops a runaway. */
export const SAVED_REQUESTS_LIMIT = 200

/** A request as history keeps it: a picked file by name only (its bytes were never stored). */
const forgetFiles = (request: ConsoleRequest): ConsoleRequest =>
  request.body.kind === 'multipart'
    ? {
        ...request,
        body: {
          kind: 'multipart',
          parts: request.body.parts.map((part) => (part.kind === 'file' ? { ...part, fileId: null } : part))
        }
      }
    : request

/** Each app's console history and saved requests, kept in the desk's store across restarts. */
export class ConsoleHistory {
  constructor(
    private readonly store: DeskStore,
    private readonly now: () => number
  ) {}

  state(profileId: string): ConsoleState {
    const kept = this.store.read('console')[profileId]
    return { profileId, history: kept?.history ?? [], saved: kept?.saved ?? [] }
  }

  record(profileId: string, entry: Omit<ConsoleHistoryEntry, 'id'>): ConsoleState {
    const state = this.state(profileId)
    const added: ConsoleHistoryEntry = { id: randomUUID(), ...entry, request: forgetFiles(entry.request) }
    return this.write({ ...state, history: [added, ...state.history].slice(0, CONSOLE_HISTORY_LIMIT) })
  }

  save(profileId: string, name: string, request: ConsoleRequest): ConsoleState {
    const state = this.state(profileId)
    const saved: SavedConsoleRequest = {
      id: randomUUID(),
      name,
      at: this.now(),
      request: forgetFiles(request)
    }
    // A name saved again replaces the older request of that name.
    const others = state.saved.filter((item) => item.name !== name)
    return this.write({ ...state, saved: [saved, ...others].slice(0, SAVED_REQUESTS_LIMIT) })
  }

  forget(profileId: string, list: 'history' | 'saved', entryId: string): ConsoleState {
    const state = this.state(profileId)
    if (list === 'history')
      return this.write({ ...state, history: state.history.filter((item) => item.id !== entryId) })
    return this.write({ ...state, saved: state.saved.filter((item) => item.id !== entryId) })
  }

  clearHistory(profileId: string): ConsoleState {
    return this.write({ ...this.state(profileId), history: [] })
  }

  /** Drops a deleted app's console. */
  drop(profileId: string): void {
    const all = this.store.read('console')
    if (!(profileId in all)) return
    this.store.write('console', Object.fromEntries(Object.entries(all).filter(([id]) => id !== profileId)))
  }

  private write(state: ConsoleState): ConsoleState {
    const { profileId, history, saved } = state
    this.store.write('console', { ...this.store.read('console'), [profileId]: { history, saved } })
    return state
  }
}
