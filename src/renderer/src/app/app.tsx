import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import './i18n'
import { RidActionContext } from '../components/error-callout'
import { AppSidebar } from '../features/apps/app-sidebar'
import { RidLookupAction } from '../features/console/rid-lookup'
import { LocalApiPanel } from '../features/local-api/local-api-panel'
import { AppHeader } from '../features/settings/app-header'
import { NoticeBanners } from '../features/settings/notice-banners'
import { useApplyPreferences } from '../features/settings/use-apply-preferences'
import { TokenConfirmDialog } from '../features/token/token-confirm-dialog'
import { selectSelectedApp, useAppsStore } from '../features/apps/apps-store'
import { useViewStore } from './view-store'
import { AppWorkspace } from './app-workspace'
import { bootstrap } from './bootstrap'
import { useDeskEvents } from './desk-events'
import { SkipLink } from './skip-link'
import { useSubmitShortcut } from './use-submit-shortcut'
import './app.css'

/** Every WeChat error with a rid, wherever it is shown, can be looked up (openapi/rid/get). */
const lookUpRid = (rid: string) => <RidLookupAction rid={rid} />

export function App() {
  const { t } = useTranslation(['app', 'common'])
  const loaded = useAppsStore((state) => state.loaded)
  const selected = useAppsStore(selectSelectedApp)
  const main = useViewStore((state) => state.main)
  useDeskEvents()
  useApplyPreferences()
  useSubmitShortcut()
  useEffect(() => {
    void bootstrap()
  }, [])

  return (
    <RidActionContext.Provider value={lookUpRid}>
      <div className="shell">
        <SkipLink />
        <AppHeader />
        <NoticeBanners />
        <div className="shell-body">
          <AppSidebar />
          <main className="workspace">
            {main === 'local-api' ? (
              <LocalApiPanel />
            ) : !loaded ? (
              <p className="muted">{t('common:loading')}</p>
            ) : selected ? (
              <AppWorkspace key={selected.id} app={selected} />
            ) : (
              <p className="empty-state">{t('noApp')}</p>
            )}
          </main>
        </div>
        <TokenConfirmDialog />
      </div>
    </RidActionContext.Provider>
  )
}
