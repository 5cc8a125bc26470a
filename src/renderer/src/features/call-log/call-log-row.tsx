import { Fragment, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallLogEntry } from '../../../../shared/contract'
import { explainErrcode } from '../../../../shared/errcodes'
import { useAppsStore } from '../apps/apps-store'
import { useUiLanguage } from '../../lib/use-localize'
import { formatClock, formatDateTime } from '../../lib/format'
import { toggleCallDetail } from './call-log-commands'
import { CallDetailView } from './call-detail'
import { setCallLogFocus, useCallLogStore } from './call-log-store'

const COLUMNS = 10

/** One call on one line (long text is cut, never pushing the columns away), and its details when open. */
export function CallLogRow({ entry }: { entry: CallLogEntry }) {
  const { t } = useTranslation(['callLog', 'common'])
  const language = useUiLanguage()
  const open = useCallLogStore((state) => state.open[entry.id])
  const focused = useCallLogStore((state) => state.focusId === entry.id)
  const toggle = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!focused) return
    toggle.current?.focus()
    toggle.current?.scrollIntoView({ block: 'center' })
    setCallLogFocus(null)
  }, [focused])
  const appName = useAppsStore((state) => state.apps.find((app) => app.id === entry.profileId)?.name ?? null)
  const none = t('common:none')
  const meaning =
    entry.errcode === null ? null : explainErrcode(entry.errcode, entry.detail ?? '', 'other').title[language]
  const bytes = (entry.requestBytes ?? 0) + (entry.responseBytes ?? 0)
  return (
    <Fragment>
      <tr className={entry.outcome === 'error' ? 'row-error' : undefined}>
        <td title={formatDateTime(entry.at, language)}>
          <button
            ref={toggle}
            type="button"
            className="row-toggle"
            aria-expanded={open !== undefined}
            aria-label={`${t('details')} ${entry.id}`}
            onClick={() => void toggleCallDetail(entry)}
          >
            {open !== undefined ? '▾' : '▸'}
          </button>{' '}
          {formatClock(entry.at, language)}
        </td>
        <td className="num">{entry.callerPort ?? none}</td>
        <td className="cut" title={appName ?? undefined}>
          {appName ?? t('unknownApp')}
        </td>
        <td className="cut" title={entry.detail ? `${entry.url}\n${entry.detail}` : entry.url}>
          <span className="mono">
            <span className="muted">{entry.method}</span> {entry.endpoint}
          </span>
          {entry.detail && <span className="row-detail"> · {entry.detail}</span>}
        </td>
        <td className="num">{entry.httpStatus ?? none}</td>
        <td className="cut" title={meaning ?? undefined}>
          <span className="mono">{entry.errcode ?? none}</span>
          {meaning && <span className="row-detail"> {meaning}</span>}
        </td>
        <td className="mono cut">{entry.rid ?? none}</td>
        <td className="num">{entry.durationMs}</td>
        <td className="num">{bytes === 0 ? none : bytes}</td>
        <td className="cut">
          {entry.flags.map((flag) => (
            <span key={flag} className="call-flag" title={t(`flagHelp.${flag}`)}>
              {t(`flags.${flag}`)}
            </span>
          ))}
        </td>
      </tr>
      {open !== undefined && (
        <tr className="call-detail-row">
          <td colSpan={COLUMNS}>
            <CallDetailView entry={entry} detail={open} />
          </td>
        </tr>
      )}
    </Fragment>
  )
}
