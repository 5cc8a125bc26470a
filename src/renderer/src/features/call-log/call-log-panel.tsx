import { useTranslation } from 'react-i18next'
import { ErrorCallout } from '../../components/error-callout'
import { setCallLogError, useCallLogStore } from '../../stores/call-log-store'
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
        <table aria-label={t('callLog.table')}>
          <thead>
            <tr>
              <th scope="col">{t('callLog.time')}</th>
              <th scope="col">{t('callLog.endpoint')}</th>
              <th scope="col" className="num">
                {t('callLog.httpStatus')}
              </th>
              <th scope="col" className="num">
                {t('callLog.errcode')}
              </th>
              <th scope="col">{t('callLog.rid')}</th>
              <th scope="col" className="num">
                {t('callLog.duration')}
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <CallLogRow key={entry.id} entry={entry} />
            ))}
            {entries.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('callLog.empty')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
