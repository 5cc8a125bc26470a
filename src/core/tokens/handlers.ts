import type { PartialHandlers } from '../handler-table'
import type { ClipboardPort, FileSaverPort } from '../ports'
import type { ProfileService } from '../profiles'
import type { Clock } from '../time/clock'
import { curlForToken, postmanEnvironment, postmanFileName } from './exports'
import type { HeldToken } from './held-token'
import { noValidToken } from './token-guards'
import type { TokenKeeper } from './token-keeper'

export interface TokenHandlerDeps {
  tokens: TokenKeeper
  profiles: ProfileService
  clipboard: ClipboardPort
  fileSaver: FileSaverPort
  clock: Clock
  version: string
}

type TokenCalls =
  | 'getToken'
  | 'fetchToken'
  | 'refreshToken'
  | 'forceRefreshToken'
  | 'testToken'
  | 'revealToken'
  | 'copyToken'
  | 'exportPostman'

export function tokenHandlers(deps: TokenHandlerDeps): PartialHandlers<TokenCalls> {
  const { tokens, profiles } = deps
  const known = (id: string): string => profiles.get(id).id
  const heldOrFail = (id: string): HeldToken => {
    const held = tokens.current(known(id))
    if (!held) throw noValidToken()
    return held
  }
  return {
    getToken: ({ id }) => tokens.view(known(id)),
    fetchToken: async ({ id, confirmed }) => {
      await tokens.ensure(known(id), { confirmed })
      return tokens.view(id)
    },
    refreshToken: async ({ id, confirmed, retryNow }) => {
      await tokens.refresh(known(id), 'refresh', { confirmed, retryNow })
      return tokens.view(id)
    },
    forceRefreshToken: async ({ id, confirmed }) => {
      await tokens.forceRefresh(known(id), { confirmed })
      return tokens.view(id)
    },
    testToken: ({ id }) => tokens.probe(known(id)),
    revealToken: ({ id }) => ({ token: heldOrFail(id).value }),
    copyToken: ({ id, format }) => {
      const held = heldOrFail(id)
      const creds = profiles.credentials(id)
      deps.clipboard.writeText(format === 'curl' ? curlForToken(creds.apiBase, held.value) : held.value)
      return { copied: true }
    },
    exportPostman: async ({ id }) => {
      const held = heldOrFail(id)
      const creds = profiles.credentials(id)
      const env = postmanEnvironment(creds, held, deps.clock.now(), deps.version)
      return deps.fileSaver.saveText(postmanFileName(creds), `${JSON.stringify(env, null, 2)}\n`)
    }
  }
}
