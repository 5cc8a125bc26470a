import { useTranslation } from 'react-i18next'
import type { OAuthAuthorizationView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { HistoryTable as History } from '../../components/history-table'
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
    <History
      label={t('history.label')}
      heading={t('history.heading')}
      columns={[
        { header: t('history.time') },
        { header: t('history.app') },
        { header: t('history.scope') },
        { header: t('history.openid') },
        { header: t('history.state') }
      ]}
      rows={history}
      cells={(a) => (
        <>
          <td className="tabular">{formatDateTime(a.at)}</td>
          <td>{appName(a)}</td>
          <td className="mono">{a.scope}</td>
          <td className="mono">{a.openid}</td>
          <td className="mono">{a.state ?? t('common:none')}</td>
        </>
      )}
      empty={t('history.empty')}
      shownId={shownId}
      onShow={(a) => selectAuthorization(a.id)}
      nameOf={(a) => a.openid}
      onClear={() => void clearHistory()}
      clearing={busy === 'clear-history'}
      text={{ show: t('history.show'), showing: t('history.showing'), clear: t('history.clear') }}
      error={error && <ErrorCallout error={error} onDismiss={() => setOAuthError('history', null)} />}
    />
  )
}
