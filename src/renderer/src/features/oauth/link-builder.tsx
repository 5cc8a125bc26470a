import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  OAUTH_ENDPOINTS,
  OAUTH_SCOPES,
  QRCONNECT_LANGS,
  type OAuthLink,
  type OAuthLinkDraft,
  type OAuthLintFinding,
  type OAuthSetup
} from '../../../../shared/contract'
import { ActionButton } from '../../components/action-button'
import { ChoiceSelect } from '../../components/choice-select'
import { FindingList } from '../../components/finding-list'
import { ErrorCallout } from '../../components/error-callout'
import { callDesk } from '../../lib/desk'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { formatClock, formatCountdown, secondsUntil } from '../../lib/format'
import { useMainNow } from '../../lib/main-clock'
import { useDeskQuery } from '../../lib/use-desk-query'
import { copyLink, openLink } from './oauth-commands'
import { setOAuthBusy, setOAuthError, setOAuthNotice, useOAuthStore } from './oauth-store'

export interface LinkBuilderProps {
  appId: string
  setup: OAuthSetup | null
  draft: OAuthLinkDraft
  onDraftChange: (draft: OAuthLinkDraft) => void
  catcherUrl: string | null
}

const PREVIEW_DELAY_MS = 200

const endpointForScope = (scope: OAuthLinkDraft['scope']): OAuthLinkDraft['endpoint'] =>
  scope === 'snsapi_login' ? 'qrconnect' : 'authorize'

/**
 * The lint's findings, errors first, each with its fix. Live while typing, so not an alert. Until the first
 * check answers it says so, rather than "no problems".
 */
export function LintFindings({ findings }: { findings: OAuthLintFinding[] | null }) {
  const { t } = useTranslation('oauth')
  const localize = useLocalize()
  return (
    <FindingList
      heading={t('link.findings')}
      headingLevel={3}
      pending={t('link.checking')}
      none={t('link.noFindings')}
      findings={
        findings?.map((finding) => ({
          key: finding.rule,
          tone: finding.severity,
          level: t(`link.severity.${finding.severity}`),
          message: localize(finding.message),
          fix: { label: t('link.fix'), text: localize(finding.fix) }
        })) ?? null
      }
    />
  )
}

/** What became of a built link's state: waiting for its redirect, used by one, or expired. */
function StateStatus({ link }: { link: OAuthLink }) {
  const { t } = useTranslation('oauth')
  const language = useUiLanguage()
  const skewMs = useOAuthStore((state) => state.skewMs)
  const issued = useOAuthStore((state) => state.view?.links.find((entry) => entry.id === link.id))
  const mainNow = useMainNow(skewMs)
  if (link.state === '') return <p className="hint">{t('link.stateStatus.none')}</p>
  const usedAt = issued?.usedAt ?? null
  const expiresAt = issued?.expiresAt ?? link.stateExpiresAt
  if (usedAt !== null) {
    return (
      <p className="warning-text">
        {t('link.stateStatus.used', { state: link.state, time: formatClock(usedAt, language) })}
      </p>
    )
  }
  if (expiresAt <= mainNow) {
    return (
      <p className="warning-text">
        {t('link.stateStatus.expired', { state: link.state, time: formatClock(expiresAt, language) })}
      </p>
    )
  }
  return (
    <p className="hint">
      {t('link.stateStatus.waiting', {
        state: link.state,
        time: formatClock(expiresAt, language),
        in: formatCountdown(secondsUntil(expiresAt, mainNow))
      })}
    </p>
  )
}

/** The built link: its whole text, the QR code for the phone, copy and open, and what became of its state. */
function BuiltLink({ link }: { link: OAuthLink }) {
  const { t } = useTranslation('oauth')
  const busy = useOAuthStore((state) => state.busy)
  const urlId = useId()
  const ref = useRef<HTMLDivElement>(null)
  // A new link lands under the form, often below the fold: bring it (and its QR code) into view.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' })
  }, [link.id])
  return (
    <div className="oauth-built" ref={ref}>
      <div className="oauth-built-text">
        <div className="field">
          <label htmlFor={urlId}>{t('link.url')}</label>
          <textarea
            id={urlId}
            className="mono oauth-url"
            readOnly
            rows={1}
            spellCheck={false}
            value={link.url}
          />
        </div>
        <div className="oauth-row oauth-wrap">
          <ActionButton busy={busy === 'copy-link-link'} onClick={() => void copyLink(link.id, 'link')}>
            {t('link.copy')}
          </ActionButton>
          <ActionButton busy={busy === 'copy-link-chat'} onClick={() => void copyLink(link.id, 'chat')}>
            {t('link.copyChat')}
          </ActionButton>
          <ActionButton busy={busy === 'open-link'} onClick={() => void openLink(link.url)}>
            {t('link.open')}
          </ActionButton>
        </div>
        {link.stateReplaced && (
          <p className="hint">
            {t('link.replaced', {
              state: link.stateReplaced.state,
              verdict: t(`verdict.${link.stateReplaced.verdict}`)
            })}
          </p>
        )}
        <StateStatus link={link} />
      </div>
      <img className="oauth-qr" src={link.qrDataUrl} alt={t('link.qrAlt')} width={176} height={176} />
    </div>
  )
}

/** Step 1: the authorize link, checked as it is typed, then built with its QR code. */
export function LinkBuilder({ appId, setup, draft, onDraftChange, catcherUrl }: LinkBuilderProps) {
  const { t } = useTranslation('oauth')
  const error = useOAuthStore((state) => state.errors.link)
  const busy = useOAuthStore((state) => state.busy)
  const [findings, setFindings] = useState<OAuthLintFinding[] | null>(null)
  const [link, setLink] = useState<OAuthLink | null>(null)
  const ids = {
    redirect: useId(),
    redirectHint: useId(),
    scope: useId(),
    endpoint: useId(),
    lang: useId(),
    state: useId(),
    stateHint: useId(),
    forcePopup: useId(),
    connectRedirect: useId()
  }

  // Re-checks the draft shortly after each change; the lint runs in main, next to the builder.
  const domainsKey = setup?.domains.join(',') ?? ''
  useDeskQuery({
    ask: (desk) => desk.previewOAuthLink({ id: appId, draft }),
    key: [appId, JSON.stringify(draft), domainsKey],
    onResult: (result) => {
      if (result.ok) setFindings(result.value.findings)
    },
    delayMs: PREVIEW_DELAY_MS
  })

  const patch = (changes: Partial<OAuthLinkDraft>): void => onDraftChange({ ...draft, ...changes })

  const newState = async (base: OAuthLinkDraft = draft): Promise<void> => {
    const result = await callDesk((desk) => desk.newOAuthState())
    if (result.ok) onDraftChange({ ...base, state: result.value.state })
    else setOAuthError('link', result.error)
  }

  // Each link gets its own state: once built, the field moves on to a fresh one for the next link.
  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy === 'build') return
    setOAuthBusy('build')
    setOAuthNotice(null)
    setOAuthError('link', null)
    const result = await callDesk((desk) => desk.buildOAuthLink({ id: appId, draft }))
    setOAuthBusy(null)
    if (result.ok) {
      setLink(result.value)
      setFindings(result.value.findings)
      setOAuthNotice({ kind: 'link-built', state: result.value.state })
      if (result.value.state !== '') await newState()
    } else {
      setOAuthError('link', result.error)
    }
  }

  return (
    <section className="step" aria-labelledby={`${ids.redirect}-heading`}>
      <h3 id={`${ids.redirect}-heading`} className="step-heading">
        {t('link.heading')}
      </h3>
      <form className="oauth-form" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={ids.redirect}>{t('link.redirectUri')}</label>
          <div className="oauth-row">
            <input
              id={ids.redirect}
              className="mono oauth-grow"
              type="text"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="https://www.example.com/oauth/callback"
              data-primary-action=""
              aria-describedby={ids.redirectHint}
              value={draft.redirectUri}
              onChange={(event) => patch({ redirectUri: event.target.value })}
            />
            <button
              type="button"
              disabled={catcherUrl === null || catcherUrl === draft.redirectUri}
              onClick={() => catcherUrl && patch({ redirectUri: catcherUrl })}
            >
              {t('link.useCatcher')}
            </button>
          </div>
          <p id={ids.redirectHint} className="field-hint">
            {t('link.redirectHint')}
          </p>
        </div>
        <div className="oauth-row oauth-wrap">
          <div className="field">
            <label htmlFor={ids.scope}>{t('link.scope')}</label>
            <ChoiceSelect
              id={ids.scope}
              value={draft.scope}
              choices={OAUTH_SCOPES}
              labelOf={(scope) => t(`link.scopes.${scope}`)}
              onChoose={(scope) => patch({ scope, endpoint: endpointForScope(scope) })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.endpoint}>{t('link.endpoint')}</label>
            <ChoiceSelect
              id={ids.endpoint}
              value={draft.endpoint}
              choices={OAUTH_ENDPOINTS}
              labelOf={(endpoint) => t(`link.endpoints.${endpoint}`)}
              onChoose={(endpoint) => patch({ endpoint })}
            />
          </div>
          {draft.endpoint === 'qrconnect' && (
            <div className="field">
              <label htmlFor={ids.lang}>{t('link.lang')}</label>
              <select
                id={ids.lang}
                value={draft.lang ?? ''}
                onChange={(event) =>
                  patch({ lang: QRCONNECT_LANGS.find((l) => l === event.target.value) ?? null })
                }
              >
                <option value="">{t('link.langDefault')}</option>
                {QRCONNECT_LANGS.map((lang) => (
                  <option key={lang} value={lang}>
                    {lang}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={ids.state}>{t('link.state')}</label>
          <div className="oauth-row">
            <input
              id={ids.state}
              className="mono oauth-grow"
              type="text"
              spellCheck={false}
              autoComplete="off"
              aria-describedby={ids.stateHint}
              value={draft.state}
              onChange={(event) => patch({ state: event.target.value })}
            />
            <button type="button" onClick={() => void newState()}>
              {t('link.newState')}
            </button>
          </div>
          <p id={ids.stateHint} className="field-hint">
            {t('link.stateHint')}
          </p>
        </div>
        <div className="oauth-checks">
          <label htmlFor={ids.forcePopup}>
            <input
              id={ids.forcePopup}
              type="checkbox"
              checked={draft.forcePopup}
              onChange={(event) => patch({ forcePopup: event.target.checked })}
            />{' '}
            <code>{t('link.forcePopup')}</code>
          </label>
          <label htmlFor={ids.connectRedirect}>
            <input
              id={ids.connectRedirect}
              type="checkbox"
              checked={draft.connectRedirect}
              onChange={(event) => patch({ connectRedirect: event.target.checked })}
            />{' '}
            <code>{t('link.connectRedirect')}</code>
          </label>
        </div>
        <LintFindings findings={findings} />
        <div className="oauth-row">
          <ActionButton
            type="submit"
            className="primary"
            busy={busy === 'build'}
            unavailable={setup === null ? t('link.checking') : null}
          >
            {t('link.build')}
          </ActionButton>
          <span className="hint">{t('link.sendHint')}</span>
        </div>
      </form>
      {error && <ErrorCallout error={error} onDismiss={() => setOAuthError('link', null)} />}
      {link && <BuiltLink link={link} />}
    </section>
  )
}
