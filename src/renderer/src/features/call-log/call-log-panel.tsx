import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/data-table'
import { ErrorCallout } from '../../components/error-callout'
import { setCallLogError, useCallLogStore } from './call-log-store'
import { clearCallLog } from './call-log-commands'
import { CallLogRow } from './call-log-row'
import './call-log.css'

/** The selected app's upstream calls, newest first, updated live. */
export function CallLogPanel() {
  const { t } = useTranslation('callLog')
  const entries = useCallLogStore((state) => state.entries)
  const error = useCallLogStore((state) => state.error)

  return (
    <div className="panel call-log">
      <header className="panel-header">
        <h2>{t('heading')}</h2>
        <button type="button" className="quiet" onClick={() => void clearCallLog()}>
          {t('clear')}
        </button>
      </header>
      {error && <ErrorCallout error={error} onDismiss={() => setCallLogError(null)} />}
      <div className="table-scroll">
        <DataTable
          label={t('table')}
          columns={[
            { header: t('time') },
            { header: t('endpoint') },
            { header: t('httpStatus'), numeric: true },
            { header: t('errcode'), numeric: true },
            { header: t('rid') },
            { header: t('duration'), numeric: true }
          ]}
          rows={entries}
          empty={t('empty')}
        >
          {(entry) => <CallLogRow key={entry.id} entry={entry} />}
        </DataTable>
      </div>
    </div>
  )
}
