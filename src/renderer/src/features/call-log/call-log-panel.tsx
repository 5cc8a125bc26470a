import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/data-table'
import { ErrorCallout } from '../../components/error-callout'
import { setCallLogError, useCallLogStore, visibleEntries } from './call-log-store'
import { clearCallLog } from './call-log-commands'
import { CallLogFilters } from './call-log-filters'
import { CallLogRow } from './call-log-row'
import './call-log.css'

/**
 * The traffic inspector: every call the desk made or relayed for the selected app (or all apps), newest first,
 * updated live. One line per call with its columns always in view; a row opens on its full message, header
 * fields and bodies (credentials masked), and copies as curl.
 */
export function CallLogPanel() {
  const { t } = useTranslation('callLog')
  const entries = useCallLogStore((state) => state.entries)
  const filters = useCallLogStore((state) => state.filters)
  const error = useCallLogStore((state) => state.error)
  const rows = visibleEntries({ entries, filters })

  return (
    <div className="panel call-log">
      <header className="panel-header">
        <h2>{t('heading')}</h2>
        <button type="button" className="quiet" onClick={() => void clearCallLog()}>
          {t('clear')}
        </button>
      </header>
      <CallLogFilters />
      {error && <ErrorCallout error={error} onDismiss={() => setCallLogError(null)} />}
      <div className="table-scroll">
        <DataTable
          label={t('table')}
          columns={[
            { header: t('time') },
            { header: t('caller'), numeric: true },
            { header: t('app') },
            { header: t('endpoint') },
            { header: t('httpStatus'), numeric: true },
            { header: t('errcode') },
            { header: t('rid') },
            { header: t('duration'), numeric: true },
            { header: t('bytes'), numeric: true },
            { header: t('flagsColumn') }
          ]}
          rows={rows}
          empty={t('empty')}
        >
          {(entry) => <CallLogRow key={entry.id} entry={entry} />}
        </DataTable>
      </div>
    </div>
  )
}
