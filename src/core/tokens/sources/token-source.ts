import type { TokenMode } from '../../../shared/contract'
import type { DeskError } from '../../../shared/result'
import type { AppCredentials } from '../../profiles'
import type { TokenGrant, UpstreamCall } from '../../wechat'

/** One request for a token, as the keeper makes it. */
export interface TokenRequest {
  profileId: string
  creds: AppCredentials
  /** stable_token's force_refresh: a new token even though the current one is alive. */
  force: boolean
  /** Passive refresh: the token a caller says was refused, for a source that can compare it. */
  staleToken?: string
  /** Fires when a person cancels the wait ("Cancel" while a call hangs): the request is abandoned. */
  signal?: AbortSignal
}

/** A source's answer, with the upstream call it made (for the call log). */
export type TokenAnswer =
  { ok: true; value: TokenGrant; call: UpstreamCall } | { ok: false; error: DeskError; call: UpstreamCall }

/**
 * Where an app's tokens come from: WeChat itself (stable_token or the classic /cgi-bin/token), or another
 * 中控 in remote mode. The keeper asks its app's source and never looks at the mode itself.
 */
export interface TokenSource {
  /** Where this app's tokens come from: a kept token from anywhere else is useless. */
  origin(creds: AppCredentials): string
  /** Why the app cannot ask in this session (no AppSecret, no key for the token server), or null. */
  missingCredential(creds: AppCredentials): DeskError | null
  /** Why this source does not force-refresh tokens, or null when it does. */
  refusesForce(creds: AppCredentials): DeskError | null
  /** One upstream request. An error says, in `retryable`, whether asking again later may help. */
  obtain(request: TokenRequest): Promise<TokenAnswer>
}

/** The source for each token mode. */
export type TokenSources = Readonly<Record<TokenMode, TokenSource>>
