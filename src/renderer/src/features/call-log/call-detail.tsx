import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallDetail, CallLogEntry, CallMessage } from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'
import { ErrorCallout } from '../../components/error-callout'
import { copyCallAsCurl } from './call-log-commands'

/** A call's full message, URL, header fields and bodies (as main masked them), and its copy as curl. */
export function CallDetailView({
  entry,
  detail
}: {
  entry: CallLogEntry
  detail: CallDetail | DeskError | 'loading'
}) {
  const { t } = useTranslation('callLog')
  const [copied, setCopied] = useState(false)
  return (
    <section className="call-detail" aria-label={t('details')}>
      <dl>
        {entry.detail && (
          <>
            <dt>{t('message')}</dt>
            <dd className="wrap">{entry.detail}</dd>
          </>
        )}
        <dt>{t('url')}</dt>
        <dd className="mono wrap">{entry.url || '—'}</dd>
      </dl>
      {detail === 'loading' ? (
        <p className="muted">{t('loading')}</p>
      ) : 'code' in detail ? (
        <ErrorCallout error={detail} />
      ) : !entry.hasDetail ? (
        <p className="muted">{t('noDetail')}</p>
      ) : (
        <div className="call-messages">
          <Message title={t('request')} message={detail.request} />
          {detail.response ? (
            <Message title={t('response')} message={detail.response} />
          ) : (
            <p className="muted">{t('noResponse')}</p>
          )}
        </div>
      )}
      {entry.source !== 'governor' && (
        <p>
          <button type="button" onClick={() => void copyCallAsCurl(entry.id).then((ok) => setCopied(ok))}>
            {t('copyCurl')}
          </button>{' '}
          {copied && <span role="status">{t('copied')}</span>}
        </p>
      )}
    </section>
  )
}

function Message({ title, message }: { title: string; message: CallMessage }) {
  const { t } = useTranslation('callLog')
  const { body } = message
  return (
    <div className="call-message">
      <h3>{title}</h3>
      <pre className="mono">{message.headers.map(([name, value]) => `${name}: ${value}`).join('\n')}</pre>
      {body === null ? (
        <p className="muted">{t('noBody')}</p>
      ) : body.text === null ? (
        <p className="muted">{t('binaryBody', { bytes: body.bytes, type: body.contentType ?? '?' })}</p>
      ) : (
        <>
          {body.truncated && <p className="muted">{t('truncatedBody', { bytes: body.bytes })}</p>}
          <pre className="mono">{body.text}</pre>
        </>
      )}
    </div>
  )
}
