import type { PartialHandlers } from '../handler-table'
import type { LocalApiService } from './local-api-service'

type LocalApiCalls =
  | 'getLocalApi'
  | 'setLocalApi'
  | 'revealLocalApiKey'
  | 'copyLocalApiKey'
  | 'rotateLocalApiKey'
  | 'getLocalApiSnippets'
  | 'copyLocalApiSnippet'

/** The renderer's calls for the "Local API" panel. */
export function localApiHandlers(localApi: LocalApiService): PartialHandlers<LocalApiCalls> {
  return {
    getLocalApi: () => localApi.status(),
    setLocalApi: (patch) => localApi.update(patch),
    revealLocalApiKey: () => ({ key: localApi.revealKey() }),
    copyLocalApiKey: () => {
      localApi.copyKey()
      return { copied: true }
    },
    rotateLocalApiKey: () => localApi.rotateKey(),
    getLocalApiSnippets: ({ id, includeKey, language }) =>
      localApi.snippets(id, includeKey ?? false, language),
    copyLocalApiSnippet: ({ id, snippet, includeKey, language }) => ({
      copied: true,
      ...localApi.copySnippet(id, snippet, includeKey, language)
    })
  }
}
