import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConsoleResponse } from '../../../../shared/contract'
import { explainErrcode } from '../../../../shared/errcodes'
import { TabList, TabPanel, type TabItem } from '../../components/tabs'
import { formatNumber } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { saveConsoleAnswer, showInCallLog, showQrCode } from './console-commands'
import { RESPONSE_VIEWS, setConsole, useConsoleStore, type ResponseView } from './console-store'
import { RidLookupAction } from './rid-lookup'

/** JSON re-indented for reading; other text as it came. */
function pretty(text: string, json: boolean): string {
  if (!json) return text
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}

/** WeChat's refusal in the reader's language, with its fix and, when it has a rid, Look up. */
function DecodedError({ response }: { response: ConsoleResponse }) {
  const { t } = useTranslation('console')
  const localize = useLocalize()
  if (response.errcode === null) return null
  const explained = explainErrcode(response.errcode, response.errmsg ?? '', 'token-use')
  return (
    <div
      className="console-decoded"
      role="note"
      aria-label={t('response.errcode', { errcode: response.errcode })}
    >
      <p>
        <strong className="mono">{response.errcode}</strong> {localize(explained.title)}
      </p>
      <p className="hint">{localize(explained.fix)}</p>
      {response.rid && <RidLookupAction rid={response.rid} />}
    </div>
  )
}

function AnswerBody({ response, view }: { response: ConsoleResponse; view: ResponseView }) {
  const { t } = useTranslation('console')
  const { body } = response
  if (view === 'headers') {
    return (
      <dl className="console-headers">
        {response.headers.map(([name, value], index) => (
          <div key={`${name}-${index}`}>
            <dt className="mono">{name}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
    )
  }
  if (body.kind === 'image') {
    return (
      <figure className="console-image">
        <img src={body.dataUrl} alt={t('response.image')} />
        <figcaption>
          <button type="button" onClick={() => void saveConsoleAnswer()}>
            {t('response.saveImage')}
          </button>
        </figcaption>
      </figure>
    )
  }
  if (body.kind === 'binary') {
    return (
      <p>
        {t('response.binary', { type: body.contentType ?? '?' })}{' '}
        <button type="button" onClick={() => void saveConsoleAnswer()}>
          {t('response.download')}
        </button>
      </p>
    )
  }
  if (body.kind === 'empty') return null
  const madeQrCode = response.path === '/cgi-bin/qrcode/create' && body.json && response.errcode === null
  return (
    <>
      {madeQrCode && (
        <button type="button" onClick={() => void showQrCode()}>
          {t('response.showQrCode')}
        </button>
      )}
      <pre className="console-body mono" tabIndex={0}>
        {view === 'pretty' ? pretty(body.text, body.json) : body.text}
      </pre>
    </>
  )
}

/** WeChat's answer whole: status, time, size, the decoded errcode, and the body as pretty JSON, raw or headers. */
export function ResponsePane() {
  const { t } = useTranslation('console')
  const language = useUiLanguage()
  const response = useConsoleStore((state) => state.response)
  const inFlight = useConsoleStore((state) => state.inFlight)
  const view = useConsoleStore((state) => state.view)
  const idBase = useId()
  const tabs: TabItem<ResponseView>[] = RESPONSE_VIEWS.map((value) => ({
    value,
    label: t(`response.views.${value}`)
  }))
  return (
    <section
      className="console-response"
      aria-label={t('response.heading')}
      aria-busy={inFlight !== null || undefined}
    >
      <h3>{t('response.heading')}</h3>
      {inFlight !== null && <p role="status">{t('response.sending')}</p>}
      {response === null && inFlight === null && <p className="hint">{t('response.empty')}</p>}
      {response !== null && (
        <>
          <dl className="facts-inline console-facts">
            <div>
              <dt>{t('response.status')}</dt>
              <dd className="mono">{response.status ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('response.time')}</dt>
              <dd className="mono">{formatNumber(response.durationMs, language)} ms</dd>
            </div>
            <div>
              <dt>{t('response.size')}</dt>
              <dd className="mono">
                {formatNumber(response.bytes, language)} B {response.truncated && t('response.truncated')}
              </dd>
            </div>
            <div className="console-url">
              <dt>{t('response.url')}</dt>
              <dd className="mono">
                {response.method} {response.url}
              </dd>
            </div>
          </dl>
          {response.callLogId !== null && (
            <button type="button" className="quiet" onClick={() => showInCallLog(response.callLogId ?? 0)}>
              {t('response.openInCallLog')}
            </button>
          )}
          {response.outcome === 'cancelled' && (
            <p role="status">{t('response.cancelled', { ms: response.durationMs })}</p>
          )}
          {response.outcome === 'failed' && (
            <p className="field-issue">{t('response.failed', { reason: response.failure ?? '' })}</p>
          )}
          <DecodedError response={response} />
          {response.outcome !== 'cancelled' && (
            <>
              <TabList
                label={t('response.heading')}
                idBase={idBase}
                items={tabs}
                selected={view}
                onSelect={(next) => setConsole({ view: next })}
              />
              {RESPONSE_VIEWS.map((value) => (
                <TabPanel key={value} idBase={idBase} value={value} selected={view === value}>
                  {view === value && <AnswerBody response={response} view={value} />}
                </TabPanel>
              ))}
            </>
          )}
        </>
      )}
    </section>
  )
}
