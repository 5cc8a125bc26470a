import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { asUiLanguage } from '../../lib/language'
import type { LocalApiSnippet, LocalApiStatus } from '../../../../shared/contract/local-api'
import type { DeskError } from '../../../../shared/result'
import type { AppView } from '../../../../shared/contract'
import { useDeskQuery } from '../../lib/use-desk-query'

export interface SnippetsState {
  /** The last snippets loaded (kept while newer ones load, so the code does not flicker). */
  snippets: LocalApiSnippet[] | null
  error: DeskError | null
}

/**
 * The app's snippets as main builds them, without the key (they read `$DESK_API_KEY`): re-read whenever the
 * app or the address they point at changes.
 */
export function useSnippets(app: AppView | null, status: LocalApiStatus | null): SnippetsState {
  const [state, setState] = useState<SnippetsState>({ snippets: null, error: null })
  const language = asUiLanguage(useTranslation().i18n.language)
  useDeskQuery({
    ask: app === null ? null : (desk) => desk.getLocalApiSnippets({ id: app.id, language }),
    // Everything the snippets are filled with: a change here means the shown code is stale.
    key: [
      app?.id,
      app?.appId,
      app?.name,
      app?.kind,
      app?.apiBase,
      status?.url,
      status?.host,
      status?.port,
      language
    ],
    onResult: (result) =>
      setState((current) =>
        result.ok
          ? { snippets: result.value, error: null }
          : { snippets: current.snippets, error: result.error }
      )
  })
  return state
}
