import { displayAppName, type DisplayLanguage } from '../../shared/contract'
import type { PartialHandlers } from '../handler-table'
import { brunoCollection, postmanCollection, type CollectionInput } from '../local-api/collections'
import type { LocalApiService } from '../local-api'
import type { ClipboardPort, FileSaverPort } from '../ports'
import type { ProfileService } from '../profiles'
import type { Clock } from '../time/clock'
import { collectionFileName, curlForToken, postmanEnvironment, postmanFileName, tokenJson } from './exports'
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
  /** Where the live collections read the token: the Local API's address and key. */
  localApi: Pick<LocalApiService, 'status' | 'revealKey'>
}

type TokenCalls =
  | 'getToken'
  | 'fetchToken'
  | 'refreshToken'
  | 'forceRefreshToken'
  | 'cancelTokenRefresh'
  | 'testToken'
  | 'revealToken'
  | 'copyToken'
  | 'exportPostman'
  | 'exportCollection'

export function tokenHandlers(deps: TokenHandlerDeps): PartialHandlers<TokenCalls> {
  const { tokens, profiles } = deps
  const known = (id: string): string => profiles.get(id).id
  const heldOrFail = (id: string): HeldToken => {
    const held = tokens.current(known(id))
    if (!held) throw noValidToken()
    return held
  }
  const nameFor = (id: string, language: DisplayLanguage = 'en'): string =>
    displayAppName(profiles.view(profiles.get(id)), language)
  const collectionInput = (id: string, language?: DisplayLanguage): CollectionInput => {
    const creds = profiles.credentials(known(id))
    const status = deps.localApi.status()
    return {
      deskUrl: status.url ?? `http://${status.host}:${status.port}`,
      key: status.hasKey ? deps.localApi.revealKey() : null,
      appId: creds.appId,
      appName: nameFor(id, language),
      apiBase: creds.apiBase
    }
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
    cancelTokenRefresh: async ({ id }) => {
      await tokens.cancel(known(id))
      return tokens.view(id)
    },
    testToken: ({ id }) => tokens.probe(known(id)),
    revealToken: ({ id }) => ({ token: heldOrFail(id).value }),
    copyToken: ({ id, format }) => {
      const held = heldOrFail(id)
      const creds = profiles.credentials(id)
      const text =
        format === 'curl'
          ? curlForToken(creds.apiBase, held.value)
          : format === 'json'
            ? tokenJson(creds.appId, held, deps.clock.now())
            : held.value
      deps.clipboard.writeText(text)
      return { copied: true }
    },
    exportPostman: async ({ id, language }) => {
      const held = heldOrFail(id)
      const creds = { ...profiles.credentials(id), name: nameFor(id, language) }
      const env = postmanEnvironment(creds, held, deps.clock.now(), deps.version)
      return deps.fileSaver.saveText(postmanFileName(creds), `${JSON.stringify(env, null, 2)}\n`)
    },
    exportCollection: async ({ id, format, language }) => {
      const input = collectionInput(id, language)
      const collection = format === 'postman' ? postmanCollection(input) : brunoCollection(input)
      const saved = await deps.fileSaver.saveText(
        collectionFileName(input.appName, format),
        `${JSON.stringify(collection, null, 2)}\n`
      )
      return { ...saved, keyIncluded: input.key !== null, localApiRunning: deps.localApi.status().running }
    }
  }
}
