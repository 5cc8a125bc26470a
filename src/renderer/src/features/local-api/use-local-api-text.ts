import { useCallback } from 'react'
import { localApiText, type LocalApiKey, type LocalApiVars } from '../../i18n/local-api'
import { useUiLanguage } from '../../lib/use-localize'

/** The panel's typed `t`: re-renders with the interface language. */
export function useLocalApiText(): (key: LocalApiKey, vars?: LocalApiVars) => string {
  const language = useUiLanguage()
  return useCallback((key: LocalApiKey, vars?: LocalApiVars) => localApiText(language, key, vars), [language])
}
