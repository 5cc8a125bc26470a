import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OAuthSetup } from '../../../../shared/contract'
import type { AppView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { splitDomains } from '../../lib/split-domains'
import { saveDomains } from './oauth-commands'
import { setOAuthError, useOAuthStore } from './oauth-store'

/** The app's 网页授权 domains, which the link check compares the redirect host with; editable in place. */
export function DomainsRow({ app, setup }: { app: AppView; setup: OAuthSetup | null }) {
  const { t } = useTranslation('oauth')
  const error = useOAuthStore((state) => state.errors.domains)
  const busy = useOAuthStore((state) => state.busy)
  const [editing, setEditing] = useState<string | null>(null)
  const inputId = useId()
  const hintId = useId()
  const own = app.oauthDomains ?? []

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (editing === null) return
    if (await saveDomains(app, splitDomains(editing))) setEditing(null)
  }

  const shown =
    setup?.domainsSource === 'emulator'
      ? t('domains.emulatorDefault')
      : own.length > 0
        ? own.join(', ')
        : t('domains.none')

  return (
    <div className="oauth-domains">
      {editing === null ? (
        <div className="oauth-row oauth-wrap">
          <span className="muted">{t('domains.label')}:</span>
          <span className={own.length > 0 || setup?.domainsSource === 'emulator' ? 'mono' : 'warning-text'}>
            {shown}
          </span>
          <button type="button" className="quiet" onClick={() => setEditing(own.join(' '))}>
            {t('domains.edit')}
          </button>
        </div>
      ) : (
        <form className="oauth-row oauth-wrap oauth-align-end" onSubmit={(event) => void onSubmit(event)}>
          <div className="field oauth-grow">
            <label htmlFor={inputId}>{t('domains.input')}</label>
            <input
              id={inputId}
              className="mono"
              type="text"
              spellCheck={false}
              autoComplete="off"
              placeholder="www.example.com 192.168.1.20:8080"
              aria-describedby={hintId}
              value={editing}
              onChange={(event) => setEditing(event.target.value)}
            />
          </div>
          <button type="submit" className="primary" disabled={busy === 'save-domains'}>
            {t('domains.save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(null)
              setOAuthError('domains', null)
            }}
          >
            {t('domains.cancel')}
          </button>
          <p id={hintId} className="field-hint oauth-full">
            {t('domains.hint')}
          </p>
        </form>
      )}
      {error && <ErrorCallout error={error} onDismiss={() => setOAuthError('domains', null)} />}
    </div>
  )
}
