import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionButton } from '../../components/action-button'
import { ErrorCallout } from '../../components/error-callout'
import { copyJssdkSnippet, newJssdkNonce, signJssdk, type SignDraft } from './jssdk-commands'
import { setJssdkError, useJssdkStore } from './jssdk-store'
import { FindingList, SignedFacts } from './signed-result'
import { TextField } from '../../components/form-field'

/** The signature calculator: page URL, nonceStr and timestamp (generated or typed), optionally a typed ticket. */
export function SignForm({
  profileId,
  start
}: {
  profileId: string
  start: { nonceStr: string; timestamp: string }
}) {
  const { t } = useTranslation('jssdk')
  const busy = useJssdkStore((state) => state.busy)
  const error = useJssdkStore((state) => state.errors.sign)
  const signature = useJssdkStore((state) => state.signature)
  const [draft, setDraft] = useState<SignDraft>({ url: '', ticket: '', revealTicket: false, ...start })
  const ids = {
    heading: useId(),
    url: useId(),
    nonce: useId(),
    timestamp: useId(),
    timestampHint: useId(),
    ticket: useId(),
    reveal: useId()
  }
  const set = (patch: Partial<SignDraft>): void => setDraft((current) => ({ ...current, ...patch }))
  const empty = draft.url.trim() === ''

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (empty) return
    void signJssdk(profileId, draft)
  }
  const regenerate = async (): Promise<void> => {
    const fresh = await newJssdkNonce()
    if (fresh) set(fresh)
  }

  return (
    <section className="step" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="step-heading">
        {t('sign.heading')}
      </h3>
      <form className="jssdk-form" onSubmit={onSubmit} aria-labelledby={ids.heading}>
        <TextField
          id={ids.url}
          label={t('sign.url')}
          hint={t('sign.urlHint')}
          issue={null}
          type="url"
          mono
          placeholder="https://www.example.com/pay?order=1"
          value={draft.url}
          onChange={(url) => set({ url })}
        />
        <div className="jssdk-row jssdk-align-end jssdk-wrap">
          <div className="field jssdk-grow">
            <label htmlFor={ids.nonce}>{t('sign.nonceStr')}</label>
            <input
              id={ids.nonce}
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={draft.nonceStr}
              onChange={(event) => set({ nonceStr: event.target.value })}
            />
          </div>
          <div className="field jssdk-grow">
            <label htmlFor={ids.timestamp}>{t('sign.timestamp')}</label>
            <input
              id={ids.timestamp}
              className="mono"
              inputMode="numeric"
              autoComplete="off"
              aria-describedby={ids.timestampHint}
              value={draft.timestamp}
              onChange={(event) => set({ timestamp: event.target.value })}
            />
          </div>
          <button type="button" onClick={() => void regenerate()}>
            {t('sign.generate')}
          </button>
        </div>
        <p id={ids.timestampHint} className="field-hint">
          {t('sign.timestampHint')}
        </p>
        <TextField
          id={ids.ticket}
          label={t('sign.ticket')}
          hint={t('sign.ticketHint')}
          issue={null}
          type="text"
          mono
          value={draft.ticket}
          onChange={(ticket) => set({ ticket })}
        />
        <div className="jssdk-row jssdk-wrap">
          <ActionButton
            type="submit"
            className="primary"
            busy={busy === 'sign'}
            unavailable={empty ? t('sign.emptyUrl') : null}
          >
            {t('sign.submit')}
          </ActionButton>
          <label className="jssdk-check" htmlFor={ids.reveal}>
            <input
              id={ids.reveal}
              type="checkbox"
              checked={draft.revealTicket}
              onChange={(event) => set({ revealTicket: event.target.checked })}
            />
            {t('sign.showTicket')}
          </label>
          <span className="hint">{t('sign.shortcut')}</span>
        </div>
      </form>
      {error && <ErrorCallout error={error} onDismiss={() => setJssdkError('sign', null)} />}
      {signature && (
        <div className="jssdk-result" aria-label={t('sign.signature')}>
          <FindingList findings={signature.findings} />
          {signature.url !== null && (
            <p>
              {t('sign.signedUrl')}: <code className="mono jssdk-break">{signature.url}</code>
            </p>
          )}
          {signature.ticketSource === 'typed' && <p className="hint">{t('sign.typedTicket')}</p>}
          {signature.result && <SignedFacts signed={signature.result} />}
          {signature.snippet && (
            <div className="jssdk-snippet">
              <div className="jssdk-row">
                <strong>{t('sign.snippet')}</strong>
                <button type="button" onClick={() => void copyJssdkSnippet(signature.snippet ?? '')}>
                  {t('sign.copySnippet')}
                </button>
              </div>
              <pre className="mono">{signature.snippet}</pre>
            </div>
          )}
        </div>
      )}
    </section>
  )
}
