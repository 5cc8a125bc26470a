import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OAuthPasteReport } from '../../../../shared/contract'
import type { Localized } from '../../../../shared/result'
import { ActionButton } from '../../components/action-button'
import { ErrorCallout } from '../../components/error-callout'
import { useDeskQuery } from '../../lib/use-desk-query'
import { useLocalize } from '../../lib/use-localize'
import { exchangePasted } from './oauth-commands'
import { setOAuthError, useOAuthStore } from './oauth-store'

const PARSE_DELAY_MS = 250

type Reading = { kind: 'report'; report: OAuthPasteReport } | { kind: 'problem'; message: Localized } | null

function ReportText({ report }: { report: OAuthPasteReport }) {
  const { t } = useTranslation('oauth')
  const localize = useLocalize()
  return (
    <div className="oauth-report">
      <p>
        {t('paste.found', { code: report.code, kind: t(`paste.kinds.${report.kind}`) })}{' '}
        {report.state === null
          ? t('paste.noState')
          : t('paste.state', { state: report.state, verdict: t(`verdict.${report.stateVerdict}`) })}
      </p>
      {report.notes.length > 0 && (
        <ul className="hint" aria-label={t('paste.notes')}>
          {report.notes.map((note) => (
            <li key={note.en}>{localize(note)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

/** The paste path: the bare code or the whole redirect URL; the desk reads it, says what it found, exchanges. */
export function PastePanel({ appId }: { appId: string }) {
  const { t } = useTranslation('oauth')
  const localize = useLocalize()
  const error = useOAuthStore((state) => state.errors.exchange)
  const busy = useOAuthStore((state) => state.busy)
  const [input, setInput] = useState('')
  const [reading, setReading] = useState<Reading>(null)
  const ids = { input: useId(), hint: useId(), heading: useId() }

  useDeskQuery({
    ask: input.trim() === '' ? null : (desk) => desk.parseOAuthRedirect({ id: appId, input }),
    key: [appId, input],
    onResult: (result) =>
      setReading(
        result.ok
          ? { kind: 'report', report: result.value }
          : { kind: 'problem', message: result.error.message }
      ),
    delayMs: PARSE_DELAY_MS
  })

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy === 'exchange' || input.trim() === '') return
    const outcome = await exchangePasted(appId, input)
    if (outcome) setReading({ kind: 'report', report: outcome.report })
  }

  return (
    <section className="oauth-paste" aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('paste.heading')}</h4>
      <form className="oauth-form" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={ids.input}>{t('paste.label')}</label>
          <textarea
            id={ids.input}
            className="mono"
            rows={3}
            spellCheck={false}
            aria-describedby={ids.hint}
            value={input}
            onChange={(event) => {
              setInput(event.target.value)
              if (event.target.value.trim() === '') setReading(null)
            }}
          />
          <p id={ids.hint} className="field-hint">
            {t('paste.hint')}
          </p>
        </div>
        {input.trim() !== '' && reading?.kind === 'report' && <ReportText report={reading.report} />}
        {input.trim() !== '' && reading?.kind === 'problem' && (
          <p className="warning-text">{localize(reading.message)}</p>
        )}
        <div className="oauth-row">
          <ActionButton
            type="submit"
            className="primary"
            busy={busy === 'exchange'}
            unavailable={input.trim() === '' ? t('paste.empty') : null}
          >
            {t('paste.exchange')}
          </ActionButton>
          <span className="hint">{t('paste.sendHint')}</span>
        </div>
      </form>
      {error && <ErrorCallout error={error} onDismiss={() => setOAuthError('exchange', null)} />}
    </section>
  )
}
