import { useCallback } from 'react'
import { displayAppName, type AppView } from '../../../../shared/contract'
import { useUiLanguage } from '../../lib/use-localize'

/**
 * How an app is named on screen: as the user named it, except the built-in sandbox under the name it was
 * created with, which follows the UI language (exports and snippets name it the same way).
 */
export function useAppName(): (app: Pick<AppView, 'name' | 'isSandbox'>) => string {
  const language = useUiLanguage()
  return useCallback((app) => displayAppName(app, language), [language])
}
