import { useEffect, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorCallout } from '../../components/error-callout'
import { ApiKeyPanel } from './api-key-panel'
import { clearLocalApiError, hideLocalApiKey, loadLocalApi } from './local-api-commands'
import { stateOf, useLocalApiStore, type LocalApiNotice } from './local-api-store'
import { RequestTable } from './request-table'
import { ServerSettings } from './server-settings'
import { SnippetsPanel } from './snippets-panel'
import './local-api.css'

function NoticeLine({ notice }: { notice: LocalApiNotice | null }) {
  const { t } = useTranslation('localApi')
  const message =
    notice === null
      ? ''
      : notice.kind === 'applied'
        ? t('notice.applied')
        : notice.kind === 'key-copied'
          ? t('notice.keyCopied')
          : notice.kind === 'key-rotated'
            ? t('notice.keyRotated')
            : t(notice.keyIncluded ? 'notice.snippetCopied' : 'notice.snippetCopiedNoKey', {
                title: notice.title
              })
  return (
    <p className="local-api-notice" role="status">
      {message}
    </p>
  )
}

/**
 * The desk as 中控 server (global, not per app): on/off and address, the key, snippets for an app, and the
 * requests answered. The revealed key is dropped when the panel is left.
 */
export function LocalApiPanel() {
  const { t } = useTranslation('localApi')
  const headingId = useId()
  const status = useLocalApiStore((state) => state.status)
  const error = useLocalApiStore((state) => state.error)
  const notice = useLocalApiStore((state) => state.notice)
  const state = stateOf(status)

  useEffect(() => {
    void loadLocalApi()
    return () => hideLocalApiKey()
  }, [])

  return (
    <section aria-labelledby={headingId} className="local-api">
      <header className="local-api-header">
        <h1 id={headingId}>{t('heading')}</h1>
        <span className={`pill pill-${state}`}>{t(`state.${state}`)}</span>
        <NoticeLine notice={notice} />
      </header>
      <p className="muted local-api-intro">{t('intro')}</p>
      {error && <ErrorCallout error={error} onDismiss={clearLocalApiError} />}
      <div className="local-api-columns">
        <ServerSettings status={status} />
        <ApiKeyPanel status={status} />
      </div>
      <SnippetsPanel status={status} />
      <RequestTable />
    </section>
  )
}
