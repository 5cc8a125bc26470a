import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/data-table'
import type { LocalApiRequestEntry } from '../../../../shared/contract/local-api'
import { useUiLanguage } from '../../lib/use-localize'
import { formatClock, formatDateTime, formatNumber } from '../../lib/format'
import { useLocalApiStore } from './local-api-store'

/** Sub-millisecond answers are common here: one decimal below 10 ms, whole milliseconds above. */
const formatDuration = (ms: number): string => (ms < 10 ? ms.toFixed(1) : String(Math.round(ms)))

/** How the call went for the caller. */
export type RequestOutcome = 'ok' | 'wechat-error' | 'client-error' | 'server-error'

/**
 * The outcome the caller got, WeChat's first: the WeChat-compatible routes answer a refusal (40125 for a wrong
 * secret …) with HTTP 200 and the errcode in the body, so the status alone would call it a success.
 */
export function requestOutcome(entry: Pick<LocalApiRequestEntry, 'status' | 'errcode'>): RequestOutcome {
  if (entry.errcode !== undefined && entry.errcode !== null && entry.errcode !== 0) return 'wechat-error'
  if (entry.status >= 500 || entry.status === 0) return 'server-error'
  return entry.status >= 400 ? 'client-error' : 'ok'
}

const OUTCOME_CLASS: Record<RequestOutcome, string> = {
  ok: 'outcome-ok',
  'wechat-error': 'danger-text',
  'client-error': 'warning-text',
  'server-error': 'danger-text'
}

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
          {t(total === 1 ? 'requests.countOne' : 'requests.countOther', {
            count: formatNumber(total, language)
          })}
        </span>
      </header>
      <div className="table-scroll">
        <DataTable
          label={t('requests.table')}
          columns={[
            { header: t('requests.time') },
            { header: t('requests.route') },
            { header: t('requests.status'), numeric: true },
            { header: t('requests.errcode'), numeric: true },
            { header: t('requests.callerPort'), numeric: true },
            { header: t('requests.duration'), numeric: true }
          ]}
          rows={requests}
          empty={t('requests.empty')}
        >
          {(entry) => {
            const outcome = requestOutcome(entry)
            return (
              <tr key={entry.id} data-outcome={outcome} title={t(`requests.outcome.${outcome}`)}>
                <td title={formatDateTime(entry.at)}>{formatClock(entry.at, language)}</td>
                <td className="mono local-api-route">
                  <span className="muted">{entry.method}</span> {entry.route}
                </td>
                <td className={`num mono ${OUTCOME_CLASS[outcome]}`}>{entry.status}</td>
                <td className={`num mono ${outcome === 'wechat-error' ? 'danger-text' : ''}`}>
                  {entry.errcode ?? none}
                </td>
                <td className="num mono">{entry.callerPort ?? none}</td>
                <td className="num">{formatDuration(entry.durationMs)}</td>
              </tr>
            )
          }}
        </DataTable>
      </div>
    </section>
  )
}
