import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { DiagnoseForm } from './diagnose-form'
import { loadJssdkSetup } from './jssdk-commands'
import { showJssdkApp, useJssdkStore } from './jssdk-store'
import { SignForm } from './sign-form'
import { TicketPanel } from './ticket-panel'
import './jssdk.css'

/**
 * The JS-SDK workbench for one app: its shared jsapi_ticket, the wx.config signature calculator and the
 * invalid-signature diagnosis. The ticket stays in main; the window sees a mask unless the user reveals it.
 */
export function JssdkWorkbench({ app }: { app: AppView }) {
  const { t } = useTranslation('jssdk')
  const setup = useJssdkStore((state) => (state.profileId === app.id ? state.setup : null))
  const notice = useJssdkStore((state) => state.notice)
  const domainsKey = (app.jsDomains ?? []).join(',')

  useEffect(() => {
    showJssdkApp(app.id)
    void loadJssdkSetup(app.id)
  }, [app.id, domainsKey])

  const domains = setup?.jsDomains ?? app.jsDomains ?? []
  return (
    <section aria-label={t('label')} className="panel jssdk-panel">
      <header className="panel-header">
        <h2>{t('heading')}</h2>
        <p className="jssdk-notice" role="status">
          {notice ? t(`notice.${notice}`) : ''}
        </p>
      </header>
      <p className="jssdk-domains">
        <strong>{t('domains.label')}:</strong>{' '}
        {domains.length === 0 ? (
          <span className="warning-text">{t('domains.none')}</span>
        ) : (
          <code className="mono">{domains.join(', ')}</code>
        )}
      </p>
      <TicketPanel profileId={app.id} />
      {setup && (
        <div className="jssdk-columns">
          <SignForm
            key={app.id}
            profileId={app.id}
            start={{ nonceStr: setup.nonceStr, timestamp: setup.timestamp }}
          />
          <DiagnoseForm key={`${app.id}-diagnose`} profileId={app.id} />
        </div>
      )}
    </section>
  )
}
