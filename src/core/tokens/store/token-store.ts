import type { TokenMode } from '../../../shared/contract'
import type { HeldToken } from '../held-token'

/** Whom a kept token belongs to: a token minted for other credentials, elsewhere or in another mode is useless. */
export interface TokenOwner {
  appId: string
  /** Where its tokens come from: WeChat's API base, or the other 中控 (see TokenSource.origin). */
  origin: string
  mode: TokenMode
}

/**
 * Where what the desk keeps for an app (its access_token; later its tickets) outlives the process: one
 * record per app. Encoding and validation belong to the store, so a shared store (Redis …) can replace
 * the encrypted file without the keeper noticing.
 */
export interface TokenStore<T = HeldToken> {
  /** Keeps `value` for the app, or nothing at all where it cannot be kept safely (no cipher). */
  persist(key: string, owner: TokenOwner, value: T): void
  /** The app's record, or null when there is none, it cannot be read, or it belongs to another owner. */
  load(key: string, owner: TokenOwner): T | null
  drop(key: string): void
}
