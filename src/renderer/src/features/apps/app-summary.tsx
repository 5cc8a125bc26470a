import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { EnvBadge, SandboxBadge } from './app-badges'
import { AppFormDialog } from './app-form-dialog'
import { useAppName } from './app-name'
import { DeleteAppDialog } from './delete-app-dialog'
import './apps.css'

/** The selected app's identity, with Edit and Delete. */
export function AppSummary({ app }: { app: AppView }) {
  const { t } = useTranslation(['apps', 'common'])
  const nameOf = useAppName()
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null)
  const close = (): void => setDialog(null)

  return (
    <header className={`app-summary app-summary-${app.env}`}>
      <div className="app-summary-title">
        <h1>{nameOf(app)}</h1>
        <EnvBadge env={app.env} />
        {app.isSandbox && <SandboxBadge />}
        <div className="app-summary-actions">
          <button type="button" onClick={() => setDialog('edit')}>
            {t('edit')}
          </button>
          <button type="button" className="danger-quiet" onClick={() => setDialog('delete')}>
            {t('delete')}
          </button>
        </div>
      </div>
      <dl className="facts facts-inline" aria-label={t('facts')}>
        <div>
          <dt>{t('appId')}</dt>
          <dd className="mono">{app.appId}</dd>
        </div>
        <div>
          <dt>{t('kindLabel')}</dt>
          <dd>{t(`kind.${app.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('modeLabel')}</dt>
          <dd>{t(`mode.${app.mode}`)}</dd>
        </div>
        <div>
          <dt>{t('apiBase')}</dt>
          <dd className="mono">{app.apiBase}</dd>
        </div>
        {app.mode === 'remote' && (
          <div>
            <dt>{t('remoteUrl')}</dt>
            <dd>
              <span className="mono">{app.remoteUrl ?? t('common:none')}</span>{' '}
              <span className={app.hasRemoteKey ? 'muted' : 'warning-text'}>
                {t('remoteKey')}: {app.hasRemoteKey ? t('remoteKeyHeld') : t('remoteKeyMissing')}
              </span>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('secret')}</dt>
          <dd>
            {app.secretMask && <span className="mono">{app.secretMask} </span>}
            <span className={app.secretPersistence === 'encrypted' ? 'muted' : 'warning-text'}>
              {t(`persistence.${app.hasSecret ? app.secretPersistence : 'missing'}`)}
            </span>
          </dd>
        </div>
      </dl>
      {dialog === 'edit' && <AppFormDialog app={app} onClose={close} />}
      {dialog === 'delete' && <DeleteAppDialog app={app} onClose={close} />}
    </header>
  )
}
