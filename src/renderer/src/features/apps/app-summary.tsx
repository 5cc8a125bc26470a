import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { EnvBadge, SandboxBadge } from './app-badges'
import { AppFormDialog } from './app-form-dialog'
import { useAppName } from './app-name'
import { closeAppDialog, openAppDialog, useAppsStore } from './apps-store'
import { DeleteAppDialog } from './delete-app-dialog'
import './apps.css'

/**
 * The selected app's identity, with Edit and Delete. The sandbox cannot be deleted, so it is not offered:
 * the place says why instead. Edit may also be opened from elsewhere (an error's "Edit app").
 */
export function AppSummary({ app }: { app: AppView }) {
  const { t } = useTranslation(['apps', 'common'])
  const nameOf = useAppName()
  const open = useAppsStore((state) => (state.dialog?.appId === app.id ? state.dialog.kind : null))

  return (
    <header className={`app-summary app-summary-${app.env}`}>
      <div className="app-summary-title">
        <h1>{nameOf(app)}</h1>
        <EnvBadge env={app.env} />
        {app.isSandbox && <SandboxBadge />}
        <div className="app-summary-actions">
          <button type="button" onClick={() => openAppDialog(app.id, 'edit')}>
            {t('edit')}
          </button>
          {app.isSandbox ? (
            <span className="hint">{t('sandboxKept')}</span>
          ) : (
            <button type="button" className="danger-quiet" onClick={() => openAppDialog(app.id, 'delete')}>
              {t('delete')}
            </button>
          )}
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
      {open === 'edit' && <AppFormDialog app={app} onClose={closeAppDialog} />}
      {open === 'delete' && <DeleteAppDialog app={app} onClose={closeAppDialog} />}
    </header>
  )
}
