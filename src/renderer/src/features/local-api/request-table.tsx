import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/data-table'
import { useUiLanguage } from '../../lib/use-localize'
import { formatClock, formatDateTime } from '../../lib/format'
import { useLocalApiStore } from './local-api-store'

/** Sub-millisecond answers are common here: one decimal below 10 ms, whole milliseconds above. */
const formatDuration = (ms: number): string => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)))

const statusClass = (status: number): string =>
  status >= 500 ? 'danger-text' : status >= 400 ? 'warning-text' : ''

/** The live counter and the last requests the API answered, newest first (fed by `localApiRequest`). */
export function RequestTable() {
  const { t } = useTranslation(['localApi', 'common'])
  const language = useUiLanguage()
  const ids = useId()
  const total = useLocalApiStore((state) => state.total)
  const requests = useLocalApiStore((state) => state.requests)
  const none = t('common:none')

  return (
    <section aria-labelledby={`${ids}-heading`} className="panel local-api-requests">
      <header className="panel-header">
        <h2 id={`${ids}-heading`}>{t('requests.heading')}</h2>
        <span className="muted local-api-count">
          {t(total === 1 ? 'requests.countOne' : 'requests.countOther', { count: total })}
        </span>
      </header>
      <div className="table-scroll">
        <DataTable
          label={t('requests.table')}
          columns={[
            { header: t('requests.time') },
            { header: t('requests.route') },
            { header: t('requests.status'), numeric: true },
            { header: t('requests.callerPort'), numeric: true },
            { header: t('requests.duration'), numeric: true }
          ]}
          rows={requests}
          empty={t('requests.empty')}
        >
          {(entry) => (
            <tr key={entry.id}>
              <td title={formatDateTime(entry.at, language)}>{formatClock(entry.at, language)}</td>
              <td className="mono local-api-route">
                <span className="muted">{entry.method}</span> {entry.route}
              </td>
              <td className={`num mono ${statusClass(entry.status)}`}>{entry.status}</td>
              <td className="num mono">{entry.callerPort ?? none}</td>
              <td className="num">{formatDuration(entry.durationMs)}</td>
            </tr>
          )}
        </DataTable>
      </div>
    </section>
  )
}
