import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { CatalogueList } from './catalogue-list'
import { loadConsoleState } from './console-commands'
import { setConsole, showConsoleFor, useConsoleStore } from './console-store'
import { Composer } from './composer'
import { DoctorPanel } from './doctor-panel'
import { HistoryPanel } from './history-panel'
import { ResponsePane } from './response-pane'
import './console.css'

/** The API console of one app: catalogue, composer and answer, doctor, history. */
export function ConsoleWorkbench({ app }: { app: AppView }) {
  const { t } = useTranslation('console')
  const error = useConsoleStore((state) => state.error)
  const notice = useConsoleStore((state) => state.notice)
  useEffect(() => {
    showConsoleFor(app.id)
    void loadConsoleState(app.id)
  }, [app.id])
  return (
    <section className="panel console-panel" aria-label={t('label')}>
      <header className="panel-header">
        <h2>{t('heading')}</h2>
      </header>
      <p className="hint">{t('intro')}</p>
      <div className="console-columns">
        <div className="console-side">
          <CatalogueList app={app} />
          <HistoryPanel />
        </div>
        <div className="console-main">
          <Composer />
          {error && <ErrorCallout error={error} onDismiss={() => setConsole({ error: null })} />}
          <p role="status" className="hint console-notice">
            {notice?.kind === 'curl-copied'
              ? t('composer.curlCopied')
              : notice?.kind === 'saved'
                ? t('composer.saved')
                : notice?.kind === 'file-saved'
                  ? t('response.fileSaved', { path: notice.path })
                  : ''}
          </p>
          <DoctorPanel app={app} />
        </div>
        <ResponsePane />
      </div>
    </section>
  )
}
