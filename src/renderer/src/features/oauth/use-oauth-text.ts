import { useCallback } from 'react'
import { oauthText, type OAuthKey, type OAuthVars } from '../../i18n/oauth'
import { useUiLanguage } from '../../lib/use-localize'

/** The workbench's typed `t`: re-renders with the interface language. */
export function useOAuthText(): (key: OAuthKey, vars?: OAuthVars) => string {
  const language = useUiLanguage()
  return useCallback((key: OAuthKey, vars?: OAuthVars) => oauthText(language, key, vars), [language])
}
