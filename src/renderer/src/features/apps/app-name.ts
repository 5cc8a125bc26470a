import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { SANDBOX_PROFILE_NAME, type AppView } from '../../../../shared/contract'

/**
 * How an app is named on screen: as the user named it, except the built-in sandbox under the name it was
 * created with, which follows the UI language.
 */
export function useAppName(): (app: Pick<AppView, 'name' | 'isSandbox'>) => string {
  const { t } = useTranslation('apps')
  return useCallback(
    (app) => (app.isSandbox && app.name === SANDBOX_PROFILE_NAME ? t('sandboxName') : app.name),
    [t]
  )
}
