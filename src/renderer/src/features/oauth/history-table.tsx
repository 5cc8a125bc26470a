import { useTranslation } from 'react-i18next'
import type { OAuthAuthorizationView } from '../../../../shared/contract'
import { DataTable } from '../../components/data-table'
import { ErrorCallout } from '../../components/error-callout'
import { formatDateTime } from '../../lib/format'
import { useAppName } from '../apps/app-name'
import { useAppsStore } from '../apps/apps-store'
import { clearHistory } from './oauth-commands'
import { selectAuthorization, setOAuthError, useOAuthStore } from './oauth-store'

export interface HistoryTableProps {
  history: OAuthAuthorizationView[]
  shownId: string | null
}

/** The last authorizations of every app (time, app, scope, openid, state); Show puts one in step 3. */
export function HistoryTable({ history, shownId }: HistoryTableProps) {
  const { t } = useTranslation(['oauth', 'common'])
  const nameOf = useAppName()
  const apps = useAppsStore((state) => state.apps)
  const appName = (a: OAuthAuthorizationView): string =>
    nameOf({ name: a.appName, isSandbox: apps.some((app) => app.id === a.profileId && app.isSandbox) })
  const error = useOAuthStore((state) => state.errors.history)
  const busy = useOAuthStore((state) => state.busy)
  return (
    <section className="oauth-history" aria-label={t('history.label')}>
      <header className="panel-header">
        <h3>{t('history.heading')}</h3>
        <button
          type="button"
          className="quiet"
          disabled={history.length === 0 || busy === 'clear-history'}
          onClick={() => void clearHistory()}
        >
          {t('history.clear')}
        </button>
      </header>
      {error && <ErrorCallout error={error} onDismiss={() => setOAuthError('history', null)} />}
      <div className="oauth-table-scroll">
        <DataTable
          label={t('history.label')}
          columns={[
            { header: t('history.time') },
            { header: t('history.app') },
            { header: t('history.scope') },
            { header: t('history.openid') },
            { header: t('history.state') },
            { header: <span className="oauth-sr-only">{t('history.show')}</span> }
          ]}
          rows={history}
          empty={t('history.empty')}
        >
          {(a) => (
            <tr key={a.id} aria-current={a.id === shownId ? 'true' : undefined}>
              <td className="tabular">{formatDateTime(a.at)}</td>
              <td>{appName(a)}</td>
              <td className="mono">{a.scope}</td>
              <td className="mono">{a.openid}</td>
              <td className="mono">{a.state ?? t('common:none')}</td>
              <td>
                {a.id === shownId ? (
                  <span className="muted">{t('history.showing')}</span>
                ) : (
                  <button
                    type="button"
                    className="quiet"
                    aria-label={`${t('history.show')} ${a.openid}`}
                    onClick={() => selectAuthorization(a.id)}
                  >
                    {t('history.show')}
                  </button>
                )}
              </td>
            </tr>
          )}
        </DataTable>
      </div>
    </section>
  )
}
