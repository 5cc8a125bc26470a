import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/data-table'
import { ErrorCallout } from '../../components/error-callout'
import { setCallLogError, useCallLogStore } from './call-log-store'
import { clearCallLog } from './call-log-commands'
import { CallLogRow } from './call-log-row'
import './call-log.css'

/** The selected app's upstream calls, newest first, updated live. */
export function CallLogPanel() {
  const { t } = useTranslation()
  const entries = useCallLogStore((state) => state.entries)
  const error = useCallLogStore((state) => state.error)

  return (
    <div className="panel call-log">
      <header className="panel-header">
        <h2>{t('callLog.heading')}</h2>
        <button type="button" className="quiet" onClick={() => void clearCallLog()}>
          {t('callLog.clear')}
        </button>
      </header>
      {error && <ErrorCallout error={error} onDismiss={() => setCallLogError(null)} />}
      <div className="table-scroll">
        <DataTable
          label={t('callLog.table')}
          columns={[
            { header: t('callLog.time') },
            { header: t('callLog.endpoint') },
            { header: t('callLog.httpStatus'), numeric: true },
            { header: t('callLog.errcode'), numeric: true },
            { header: t('callLog.rid') },
            { header: t('callLog.duration'), numeric: true }
          ]}
          rows={entries}
          empty={t('callLog.empty')}
        >
          {(entry) => <CallLogRow key={entry.id} entry={entry} />}
        </DataTable>
      </div>
    </div>
  )
}
