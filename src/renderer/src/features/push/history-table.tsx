import { useTranslation } from 'react-i18next'
import type { PushHistoryEntry } from '../../../../shared/contract'
import { DataTable } from '../../components/data-table'
import { formatClock } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { clearHistory } from './push-commands'
import { selectPushEntry, usePushStore } from './push-store'

/** The answer to the last delivery in a few characters: `200`, `no answer`, `no connection`. */
function AnswerCell({ entry }: { entry: PushHistoryEntry }) {
  const { t } = useTranslation('push')
  const last = entry.attempts.at(-1)?.outcome
  const text =
    last === undefined
      ? ''
      : last.kind === 'answer'
        ? `HTTP ${last.status}`
        : last.kind === 'timeout'
          ? t('history.noAnswer')
          : t('history.noConnection')
  return <td className="mono">{entry.attempts.length > 1 ? `${text} ×${entry.attempts.length}` : text}</td>
}

/** This app's verifications and pushes, newest first; Show puts one in the result above. */
export function HistoryTable({ history, shownId }: { history: PushHistoryEntry[]; shownId: string | null }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  const language = useUiLanguage()
  const busy = usePushStore((state) => state.busy)
  return (
    <section className="push-history" aria-label={t('history.label')}>
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
      <div className="push-table-scroll">
        <DataTable
          label={t('history.label')}
          columns={[
            { header: t('history.time') },
            { header: t('history.what') },
            { header: t('history.mode') },
            { header: t('history.answer') },
            { header: t('history.duration'), numeric: true },
            { header: t('history.verdict') },
            { header: <span className="push-sr-only">{t('history.show')}</span> }
          ]}
          rows={history}
          empty={t('history.empty')}
        >
          {(entry) => (
            <tr key={entry.id} aria-current={entry.id === shownId ? 'true' : undefined}>
              <td>{formatClock(entry.at, language)}</td>
              <td>{localize(entry.label)}</td>
              <td>{t(`history.modes.${entry.target.mode}`)}</td>
              <AnswerCell entry={entry} />
              <td className="num">{entry.durationMs} ms</td>
              <td className={entry.verdict.accepted ? 'push-ok' : 'danger-text'}>
                {t(entry.verdict.accepted ? 'verdict.accepted' : 'verdict.refused')}
              </td>
              <td>
                {entry.id === shownId ? (
                  <span className="muted">{t('history.showing')}</span>
                ) : (
                  <button
                    type="button"
                    className="quiet"
                    aria-label={`${t('history.show')} ${formatClock(entry.at, language)} ${localize(entry.label)}`}
                    onClick={() => selectPushEntry(entry.id)}
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
