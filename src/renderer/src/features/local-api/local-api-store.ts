import { create } from 'zustand'
import {
  LOCAL_API_RECENT_REQUESTS,
  type LocalApiRequestBatch,
  type LocalApiRequestEntry,
  type LocalApiStatus
} from '../../../../shared/contract/local-api'
import type { DeskError } from '../../../../shared/result'
import { mergeById } from '../../lib/merge-by-id'

/** Commands of the panel, so each button knows when it is the one running. */
export type LocalApiCommand = 'switch' | 'apply' | 'reveal' | 'copy-key' | 'rotate' | 'copy-snippet'

/** The last successful action worth a word, kept as data so it re-renders in the current language. */
export type LocalApiNotice =
  | { kind: 'applied' }
  | { kind: 'key-copied' }
  | { kind: 'key-rotated' }
  | { kind: 'snippet-copied'; title: string; keyIncluded: boolean }

export interface LocalApiUiState {
  /** As main last reported it; null until the first answer. */
  status: LocalApiStatus | null
  /** Requests answered this session (never goes down). */
  total: number
  /** The last requests, newest first, merged from the status and the live batches. */
  requests: LocalApiRequestEntry[]
  /** The full key, only after the user pressed Reveal; dropped on Hide, on rotation and when leaving. */
  revealedKey: string | null
  busy: LocalApiCommand | null
  /** The last failed action that belongs to no field; a later success clears it. */
  error: DeskError | null
  notice: LocalApiNotice | null
}

export const initialLocalApiState: LocalApiUiState = {
  status: null,
  total: 0,
  requests: [],
  revealedKey: null,
  busy: null,
  error: null,
  notice: null
}

/** The API at a glance: what the sidebar and the panel's header say. */
export type LocalApiState = 'loading' | 'running' | 'failed' | 'off'

export const stateOf = (status: LocalApiStatus | null): LocalApiState =>
  status === null ? 'loading' : status.running ? 'running' : status.enabled ? 'failed' : 'off'

export const useLocalApiStore = create<LocalApiUiState>()(() => initialLocalApiState)

const newestFirst = (a: LocalApiRequestEntry, b: LocalApiRequestEntry): number => b.id - a.id

const mergeRequests = (
  current: LocalApiRequestEntry[],
  incoming: readonly LocalApiRequestEntry[]
): LocalApiRequestEntry[] => mergeById(current, incoming, newestFirst, LOCAL_API_RECENT_REQUESTS)

/** Stores a status from main (a call's answer or a `localApiChanged` event). */
export function receiveLocalApiStatus(status: LocalApiStatus): void {
  useLocalApiStore.setState((state) => {
    const sameKey = status.hasKey && state.status?.keyMask === status.keyMask
    return {
      status,
      total: Math.max(state.total, status.requestCount),
      requests: mergeRequests(state.requests, status.recentRequests),
      revealedKey: sameKey ? state.revealedKey : null
    }
  })
}

/** Adds a `localApiRequest` batch: the counter and the table update live. */
export function receiveLocalApiRequests(batch: LocalApiRequestBatch): void {
  useLocalApiStore.setState((state) => ({
    total: Math.max(state.total, batch.total),
    requests: mergeRequests(state.requests, batch.entries)
  }))
}

export function patchLocalApi(patch: Partial<LocalApiUiState>): void {
  useLocalApiStore.setState(patch)
}
