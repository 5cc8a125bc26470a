import { useTranslation } from 'react-i18next'
import type { PushHistoryEntry } from '../../../../shared/contract'
import { HistoryTable as History } from '../../components/history-table'
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
    <History
      label={t('history.label')}
      heading={t('history.heading')}
      columns={[
        { header: t('history.time') },
        { header: t('history.what') },
        { header: t('history.mode') },
        { header: t('history.answer') },
        { header: t('history.duration'), numeric: true },
        { header: t('history.verdict') }
      ]}
      rows={history}
      cells={(entry) => (
        <>
          <td>{formatClock(entry.at, language)}</td>
          <td>{localize(entry.label)}</td>
          <td>{t(`history.modes.${entry.target.mode}`)}</td>
          <AnswerCell entry={entry} />
          <td className="num">{entry.durationMs} ms</td>
          <td className={entry.verdict.accepted ? 'ok-text' : 'danger-text'}>
            {t(entry.verdict.accepted ? 'verdict.accepted' : 'verdict.refused')}
          </td>
        </>
      )}
      empty={t('history.empty')}
      shownId={shownId}
      onShow={(entry) => selectPushEntry(entry.id)}
      nameOf={(entry) => `${formatClock(entry.at, language)} ${localize(entry.label)}`}
      onClear={() => void clearHistory()}
      clearing={busy === 'clear-history'}
      text={{ show: t('history.show'), showing: t('history.showing'), clear: t('history.clear') }}
    />
  )
}
