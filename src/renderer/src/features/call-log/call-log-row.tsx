import { useTranslation } from 'react-i18next'
import type { CallLogEntry } from '../../../../shared/contract'
import { useUiLanguage } from '../../lib/use-localize'
import { formatClock, formatDateTime } from '../../lib/format'

export function CallLogRow({ entry }: { entry: CallLogEntry }) {
  const { t } = useTranslation(['callLog', 'common'])
  const language = useUiLanguage()
  const none = t('common:none')
  return (
    <tr className={entry.outcome === 'error' ? 'row-error' : undefined}>
      <td title={formatDateTime(entry.at, language)}>{formatClock(entry.at, language)}</td>
      <td title={entry.url}>
        <span className="mono">
          <span className="muted">{entry.method}</span> {entry.endpoint}
        </span>
        {entry.detail && <span className="row-detail"> · {entry.detail}</span>}
      </td>
      <td className="num">{entry.httpStatus ?? none}</td>
      <td className="num mono">{entry.errcode ?? none}</td>
      <td className="mono">{entry.rid ?? none}</td>
      <td className="num">{entry.durationMs}</td>
    </tr>
  )
}
