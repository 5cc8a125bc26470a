import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionButton } from '../../components/action-button'
import { ErrorCallout } from '../../components/error-callout'
import { isFieldError } from '../../lib/desk'
import { useLocalize } from '../../lib/use-localize'
import { diagnoseJssdk, type DiagnoseDraft } from './jssdk-commands'
import { setJssdkError, useJssdkStore } from './jssdk-store'
import { SignedFacts } from './signed-result'

const FIELDS = ['pageUrl', 'nonceStr', 'timestamp', 'signature'] as const

/** "Why does my page say invalid signature?": the page's four values in, the input that differs out. */
export function DiagnoseForm({ profileId }: { profileId: string }) {
  const { t } = useTranslation('jssdk')
  const localize = useLocalize()
  const busy = useJssdkStore((state) => state.busy)
  const error = useJssdkStore((state) => state.errors.diagnose)
  const diagnosis = useJssdkStore((state) => state.diagnosis)
  const [draft, setDraft] = useState<DiagnoseDraft>({
    pageUrl: '',
    nonceStr: '',
    timestamp: '',
    signature: ''
  })
  const headingId = useId()
  const idBase = useId()
  const issueOf = (field: (typeof FIELDS)[number]) =>
    error && isFieldError(error) ? error.issues?.find((issue) => issue.path === field)?.message : undefined

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    void diagnoseJssdk(profileId, draft)
  }

  return (
    <section className="step" aria-labelledby={headingId}>
      <h3 id={headingId} className="step-heading">
        {t('diagnose.heading')}
      </h3>
      <p className="hint">{t('diagnose.intro')}</p>
      <form className="jssdk-form" onSubmit={onSubmit} aria-labelledby={headingId}>
        {FIELDS.map((field) => {
          const issue = issueOf(field)
          const id = `${idBase}-${field}`
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{t(`diagnose.${field}`)}</label>
              <input
                id={id}
                className="mono"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={issue ? true : undefined}
                aria-describedby={issue ? `${id}-issue` : undefined}
                value={draft[field]}
                onChange={(event) => setDraft((current) => ({ ...current, [field]: event.target.value }))}
              />
              {issue && (
                <p id={`${id}-issue`} className="field-issue">
                  {localize(issue)}
                </p>
              )}
            </div>
          )
        })}
        <div className="jssdk-row">
          <ActionButton type="submit" className="primary" busy={busy === 'diagnose'}>
            {t('diagnose.submit')}
          </ActionButton>
          <span className="hint">{t('diagnose.shortcut')}</span>
        </div>
      </form>
      {error && !isFieldError(error) && (
        <ErrorCallout error={error} onDismiss={() => setJssdkError('diagnose', null)} />
      )}
      {diagnosis && (
        <div className="jssdk-result" role="region" aria-label={t('diagnose.verdict')}>
          <p className={diagnosis.cause === 'matches' ? 'jssdk-verdict jssdk-verdict-ok' : 'jssdk-verdict'}>
            <strong>{t(`diagnose.causes.${diagnosis.cause}`)}</strong> {localize(diagnosis.message)}
          </p>
          <h4>{t('diagnose.expected')}</h4>
          <SignedFacts signed={diagnosis.expected} label={t('diagnose.expected')} />
          {diagnosis.reproducedBy && diagnosis.cause !== 'matches' && (
            <>
              <h4>{t('diagnose.reproduced')}</h4>
              <SignedFacts signed={diagnosis.reproducedBy} label={t('diagnose.reproduced')} />
            </>
          )}
          <p className="hint">{t('diagnose.tried', { count: diagnosis.ticketsTried })}</p>
        </div>
      )}
    </section>
  )
}
