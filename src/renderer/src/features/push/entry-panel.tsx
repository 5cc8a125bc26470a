import { useTranslation } from 'react-i18next'
import type { Finding, PushAttempt, PushHistoryEntry, SignatureTrace } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { FindingList } from '../../components/finding-list'
import { formatClock } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { PhonePreview } from './phone-preview'
import { copyCurl } from './push-commands'
import { setPushError, usePushStore } from './push-store'
import { useOutcomeText } from './run-progress'

const TONE_OF_LEVEL = { refusal: 'error', warning: 'warning', note: 'info' } as const

/** The verdict's findings, refusals first, each with its level in words. */
function Findings({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  return (
    <FindingList
      heading={t('verdict.findings')}
      headingLevel={4}
      none={t('verdict.noFindings')}
      findings={findings.map((finding, index) => ({
        key: `${finding.code}-${index}`,
        tone: TONE_OF_LEVEL[finding.level],
        level: t(`verdict.levels.${finding.level}`),
        message: localize(finding.message)
      }))}
    />
  )
}

function Trace({ label, trace }: { label: string; trace: SignatureTrace }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd className="mono">
        {trace.joined} → {trace.signature}
      </dd>
    </div>
  )
}

/** One delivery's answer: status and headers, then the body as received. */
function Delivery({ attempt, timeoutMs }: { attempt: PushAttempt; timeoutMs: number }) {
  const { t } = useTranslation('push')
  const outcomeText = useOutcomeText()
  const { outcome } = attempt
  return (
    <div className="push-delivery">
      <h5>
        {t('entry.deliveryHeading', {
          delivery: attempt.delivery,
          outcome: outcomeText(outcome, attempt.durationMs, timeoutMs)
        })}
      </h5>
      {outcome.kind === 'answer' && (
        <>
          <pre className="push-code">
            {Object.entries(outcome.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}
          </pre>
          <pre className="push-code">{outcome.body === '' ? t('entry.noBody') : outcome.body}</pre>
          {outcome.truncated && <p className="hint">{t('entry.truncated')}</p>}
        </>
      )}
    </div>
  )
}

/**
 * The entry shown in detail (the newest, or the one picked in the history): the verdict with its findings,
 * the phone for a push, then the request as sent, each delivery's answer and the reply as WeChat reads it.
 */
export function EntryPanel({
  entry,
  attemptTimeoutMs
}: {
  entry: PushHistoryEntry | null
  attemptTimeoutMs: number
}) {
  const { t } = useTranslation('push')
  const localize = useLocalize()
  const language = useUiLanguage()
  const busy = usePushStore((state) => state.busy)
  const error = usePushStore((state) => state.errors.history)

  if (entry === null) {
    return (
      <section className="step push-entry" aria-label={t('entry.label')}>
        <h3 className="step-heading">{t('entry.heading')}</h3>
        <p className="muted">{t('entry.none')}</p>
      </section>
    )
  }
  const { verdict, request } = entry
  const reply = entry.kind === 'push' ? entry.verdict.reply : null
  return (
    <section className="step push-entry" aria-label={t('entry.label')}>
      <header className="push-entry-header">
        <h3 className="step-heading">
          {t('entry.heading')} · {localize(entry.label)}
        </h3>
        <span className={`push-verdict ${verdict.accepted ? 'push-verdict-ok' : 'push-verdict-refused'}`}>
          {t(verdict.accepted ? 'verdict.accepted' : 'verdict.refused')}
        </span>
        <span className="muted">
          {t('entry.facts', {
            time: formatClock(entry.at, language),
            mode: t(`history.modes.${entry.target.mode}`),
            duration: entry.durationMs
          })}
          {entry.attempts.length > 1 && ` · ${t('entry.deliveries', { count: entry.attempts.length })}`}
        </span>
        <button type="button" disabled={busy === 'copy-curl'} onClick={() => void copyCurl(entry.id)}>
          {t('entry.copyCurl')}
        </button>
      </header>
      {error && <ErrorCallout error={error} onDismiss={() => setPushError('history', null)} />}
      <p className="push-summary">{localize(verdict.summary)}</p>
      <div className="push-entry-body">
        <Findings findings={verdict.findings} />
        {entry.kind === 'push' && <PhonePreview entry={entry} />}
      </div>
      <details className="push-details">
        <summary>{t('entry.request')}</summary>
        <p className="mono push-wrap-anywhere">
          {request.method} {request.url}
        </p>
        {Object.keys(request.headers).length > 0 && (
          <pre className="push-code">
            {Object.entries(request.headers)
              .map(([name, value]) => `${name}: ${value}`)
              .join('\n')}
          </pre>
        )}
        {request.body !== null && <pre className="push-code">{request.body}</pre>}
        {request.plaintext !== null && request.plaintext !== request.body && (
          <>
            <h5>{t('entry.plaintext')}</h5>
            <pre className="push-code">{request.plaintext}</pre>
          </>
        )}
        <dl className="facts">
          <Trace label={t('entry.signature')} trace={request.signature} />
          {request.msgSignature && <Trace label={t('entry.msgSignature')} trace={request.msgSignature} />}
        </dl>
      </details>
      <details className="push-details" open={!verdict.accepted}>
        <summary>{t('entry.response')}</summary>
        {entry.attempts.map((attempt) => (
          <Delivery key={attempt.delivery} attempt={attempt} timeoutMs={attemptTimeoutMs} />
        ))}
        {entry.kind === 'push' && entry.verdict.judgedDelivery !== null && entry.attempts.length > 1 && (
          <p className="hint">{t('entry.judged', { delivery: entry.verdict.judgedDelivery })}</p>
        )}
      </details>
      {reply && (
        <details className="push-details">
          <summary>{t('entry.reply')}</summary>
          {reply.encrypted && <p className="hint">{t('entry.decrypted')}</p>}
          <pre className="push-code">{reply.plaintext}</pre>
        </details>
      )}
    </section>
  )
}
