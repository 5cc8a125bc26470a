import type { TokenKeeper } from '../tokens'

/**
 * What the Local API needs from the token keeper: the held token, its governed fetch, hand-out and passive
 * refresh, the report that WeChat rejected a token, and its changes.
 */
export type TokenAccess = Pick<
  TokenKeeper,
  'current' | 'ensure' | 'handOut' | 'passiveRefresh' | 'tokenRejected' | 'refresh' | 'onChange' | 'view'
>
