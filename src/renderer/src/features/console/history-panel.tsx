import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useUiLanguage } from '../../lib/use-localize'
import { formatClock } from '../../lib/format'
import { clearConsoleHistory, forgetConsoleRequest, showInCallLog } from './console-commands'
import { loadDraft, setConsole, useConsoleStore } from './console-store'
import { searchHistory } from './history-search'

/** The app's sends (newest first, searchable) and its saved requests; either opens back in the composer. */
export function HistoryPanel() {
  const { t } = useTranslation(['console'])
  const language = useUiLanguage()
  const state = useConsoleStore((s) => s.saved)
  const search = useConsoleStore((s) => s.historySearch)
  const searchId = useId()
  const history = state?.history ?? []
  const shown = searchHistory(history, search)
  return (
    <section className="console-history" aria-label={t('history.heading')}>
      <h3>{t('history.savedHeading')}</h3>
      {(state?.saved.length ?? 0) === 0 && <p className="hint">{t('history.savedEmpty')}</p>}
      <ul>
        {state?.saved.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="history-item"
              aria-label={t('history.openEntry', { name: item.name })}
              onClick={() => loadDraft(item.request)}
            >
              <span>{item.name}</span>
              <span className="mono muted">{item.request.path}</span>
            </button>
            <button
              type="button"
              className="quiet"
              onClick={() => void forgetConsoleRequest('saved', item.id)}
            >
              {t('history.remove')}
            </button>
          </li>
        ))}
      </ul>
      <header className="console-line">
        <h3>{t('history.heading')}</h3>
        <button type="button" className="quiet" onClick={() => void clearConsoleHistory()}>
          {t('history.clear')}
        </button>
      </header>
      <label htmlFor={searchId} className="sr-only">
        {t('history.search')}
      </label>
      <input
        id={searchId}
        type="search"
        placeholder={t('history.search')}
        value={search}
        onChange={(event) => setConsole({ historySearch: event.target.value })}
      />
      {history.length === 0 && <p className="hint">{t('history.empty')}</p>}
      {history.length > 0 && shown.length === 0 && <p className="hint">{t('history.noMatch')}</p>}
      <ul aria-label={t('history.heading')}>
        {shown.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="history-item"
              aria-label={t('history.restore', { method: entry.request.method, path: entry.request.path })}
              onClick={() => loadDraft(entry.request)}
            >
              <span className="mono">
                {entry.request.method} {entry.request.path}
              </span>
              <span className="muted">
                {formatClock(entry.at, language)} ·{' '}
                {entry.errcode !== null
                  ? entry.errcode
                  : t(`history.outcome.${entry.outcome}`, { status: entry.status ?? '' })}
              </span>
            </button>
            {entry.callLogId !== null && (
              <button type="button" className="quiet" onClick={() => showInCallLog(entry.callLogId ?? 0)}>
                {t('response.openInCallLog')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
