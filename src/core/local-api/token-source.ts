import type { TokenKeeper } from '../tokens'

/** What the local API needs from the token keeper: the held token, its single-flight fetch and refresh. */
export type TokenSource = Pick<TokenKeeper, 'current' | 'ensure' | 'passiveRefresh' | 'onChange'>
