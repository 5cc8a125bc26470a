import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { useDeskQuery } from '../../lib/use-desk-query'
import { Composer } from './composer'
import { ConfigForm } from './config-form'
import { EntryPanel } from './entry-panel'
import { HistoryTable } from './history-table'
import { RunProgress } from './run-progress'
import { receivePushState, setPushError, showPushApp, usePushStore, type PushNotice } from './push-store'
import './push.css'

function NoticeLine({ notice }: { notice: PushNotice | null }) {
  const { t } = useTranslation('push')
  const message =
    notice === null
      ? ''
      : notice.kind === 'saved'
        ? t('notice.saved')
        : notice.kind === 'key-generated'
          ? t('notice.keyGenerated')
          : notice.kind === 'secret-copied'
            ? t(notice.secret === 'token' ? 'notice.tokenCopied' : 'notice.aesKeyCopied')
            : notice.kind === 'curl-copied'
              ? t('notice.curlCopied')
              : t('history.cleared')
  return (
    <p className="push-notice" role="status">
      {message}
    </p>
  )
}

/**
 * The push simulator (消息推送调试) for one app: its 服务器配置, the URL verification, a message or event
 * composed from WeChat's templates and sent (with WeChat's retries on demand), the verdict with what the
 * user would see on the phone, and the history with the requests, the answers and curl.
 */
export function PushWorkbench({ app }: { app: AppView }) {
  const { t } = useTranslation(['push', 'common'])
  const shownApp = usePushStore((state) => state.profileId)
  const state = usePushStore((state) => state.state)
  const notice = usePushStore((state) => state.notice)
  const loadError = usePushStore((state) => state.errors.history)
  const runError = usePushStore((state) => state.errors.run)
  const selectedEntryId = usePushStore((state) => state.selectedEntryId)

  useEffect(() => showPushApp(app.id), [app.id])

  // The AppID and the kind decide what is sealed into encrypted messages and which pushes there are.
  useDeskQuery({
    ask: (desk) => desk.getPushState({ id: app.id }),
    key: [app.id, app.appId, app.kind],
    onResult: (result) => {
      if (result.ok) receivePushState(result.value)
      else setPushError('history', result.error)
    }
  })

  const ready = state !== null && shownApp === app.id && state.config.profileId === app.id
  const history = ready ? state.history : []
  const shown = history.find((entry) => entry.id === selectedEntryId) ?? history[0] ?? null

  return (
    <section aria-label={t('label')} className="panel push-panel">
      <header className="panel-header">
        <h2>{t('heading')}</h2>
        <NoticeLine notice={notice} />
        {ready && <span className="muted">{t(`persistence.${state.config.persistence}`)}</span>}
      </header>
      <p className="hint">{t('intro')}</p>
      {loadError && !ready && (
        <ErrorCallout error={loadError} onDismiss={() => setPushError('history', null)} />
      )}
      {ready ? (
        <>
          <div className="push-columns">
            <ConfigForm config={state.config} />
            <Composer state={state} />
          </div>
          <RunProgress attemptTimeoutMs={state.attemptTimeoutMs} deliveries={state.deliveries} />
          {runError && <ErrorCallout error={runError} onDismiss={() => setPushError('run', null)} />}
          <EntryPanel entry={shown} attemptTimeoutMs={state.attemptTimeoutMs} />
          <HistoryTable history={history} shownId={shown?.id ?? null} />
        </>
      ) : (
        !loadError && <p className="muted">{t('common:loading')}</p>
      )}
    </section>
  )
}
