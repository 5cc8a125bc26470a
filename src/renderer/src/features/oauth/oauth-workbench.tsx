import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OAuthCopyField, OAuthLinkDraft, OAuthSetup } from '../../../../shared/contract'
import type { AppView } from '../../../../shared/contract'
import { useDeskQuery } from '../../lib/use-desk-query'
import { useMainNow } from '../../lib/main-clock'
import { formatClock, formatCountdown, secondsUntil } from '../../lib/format'
import { useUiLanguage } from '../../lib/use-localize'
import { AuthorizationPanel } from './authorization-panel'
import { CatcherPanel } from './catcher-panel'
import { DomainsRow } from './domains-row'
import { HistoryTable } from './history-table'
import { LinkBuilder } from './link-builder'
import { loadOAuthState } from './oauth-commands'
import { resetOAuthUi, setOAuthError, useOAuthStore, type OAuthNotice } from './oauth-store'
import { PastePanel } from './paste-panel'
import './oauth.css'

const initialDraft = (): OAuthLinkDraft => ({
  redirectUri: '',
  scope: 'snsapi_userinfo',
  endpoint: 'authorize',
  state: '',
  forcePopup: false,
  connectRedirect: true,
  lang: null
})

/** How a copied field is named in the notice. */
const FIELD_NAMES: Record<OAuthCopyField, string> = {
  openid: 'openid',
  unionid: 'unionid',
  accessToken: 'access_token',
  refreshToken: 'refresh_token',
  state: 'state',
  scope: 'scope',
  curlUserInfo: 'curl /sns/userinfo',
  curlAuth: 'curl /sns/auth',
  curlRefresh: 'curl /sns/oauth2/refresh_token'
}

function NoticeLine({ notice, mainNow }: { notice: OAuthNotice | null; mainNow: number }) {
  const { t } = useTranslation('oauth')
  const language = useUiLanguage()
  const message = ((): string => {
    switch (notice?.kind) {
      case undefined:
        return ''
      case 'link-copied':
        return t(notice.format === 'chat' ? 'link.copiedChat' : 'link.copied')
      case 'link-built':
        return t('link.built', { state: notice.state })
      case 'link-opened':
        return t('link.opened')
      case 'field-copied':
        return t('auth.copied', { field: FIELD_NAMES[notice.field] })
      case 'domains-saved':
        return t('domains.saved')
      case 'history-cleared':
        return t('history.cleared')
      case 'authorized':
        return t('auth.arrived', { openid: notice.openid })
      case 'user-token-refreshed':
        return t('auth.refreshed', {
          time: formatClock(notice.at, language),
          in: formatCountdown(secondsUntil(notice.expiresAt, mainNow))
        })
      case 'user-token-checked':
        return t('auth.checked', { time: formatClock(notice.at, language) })
      case 'userinfo-loaded':
        return t('auth.infoLoaded')
    }
  })()
  return (
    <p className="oauth-notice" role="status">
      {message}
    </p>
  )
}

/**
 * The OAuth workbench (网页授权) for one app: build and check the authorize link, show it as a QR code, catch
 * or paste the redirect, exchange the code, then refresh / check / read the user's profile. Mount it with
 * `key={app.id}` so each app starts with a fresh form.
 */
export function OAuthWorkbench({ app }: { app: AppView }) {
  const { t } = useTranslation('oauth')
  const view = useOAuthStore((state) => state.view)
  const skewMs = useOAuthStore((state) => state.skewMs)
  const selectedAuthId = useOAuthStore((state) => state.selectedAuthId)
  const notice = useOAuthStore((state) => state.notice)
  const [setup, setSetup] = useState<OAuthSetup | null>(null)
  const [draft, setDraft] = useState<OAuthLinkDraft>(initialDraft)
  const mainNow = useMainNow(skewMs)
  const domainsKey = (app.oauthDomains ?? []).join(',')

  useEffect(() => {
    void loadOAuthState()
  }, [])

  useEffect(() => resetOAuthUi(), [app.id])

  useDeskQuery({
    ask: (desk) => desk.getOAuthSetup({ id: app.id }),
    key: [app.id, domainsKey],
    onResult: (result) => {
      if (result.ok) {
        setSetup(result.value)
        setDraft((current) =>
          current.state === '' ? { ...current, state: result.value.suggestedState } : current
        )
      } else {
        setOAuthError('link', result.error)
      }
    }
  })

  const history = view?.history ?? []
  const ofApp = history.filter((a) => a.profileId === app.id)
  const shown = history.find((a) => a.id === selectedAuthId) ?? ofApp[0] ?? null
  const catcher = view?.catcher ?? null

  return (
    <section aria-label={t('label')} className="panel oauth-panel">
      <header className="panel-header">
        <h2>{t('heading')}</h2>
        <NoticeLine notice={notice} mainNow={mainNow} />
        {view && <span className="muted">{t(`persistence.${view.tokenPersistence}`)}</span>}
      </header>
      <DomainsRow app={app} setup={setup} />
      {setup && !setup.canExchange && <p className="warning-text">{t('noSecret')}</p>}
      <div className="oauth-columns">
        <LinkBuilder
          appId={app.id}
          setup={setup}
          draft={draft}
          onDraftChange={setDraft}
          catcherUrl={catcher?.status === 'listening' ? catcher.url : null}
        />
        <section className="step" aria-label={t('catcher.heading')}>
          <h3 className="step-heading">{t('catcher.heading')}</h3>
          <CatcherPanel
            appId={app.id}
            setup={setup}
            catcher={catcher}
            mainNow={mainNow}
            onStarted={(url) =>
              setDraft((current) =>
                current.redirectUri.trim() === '' ? { ...current, redirectUri: url } : current
              )
            }
          />
          <PastePanel appId={app.id} />
        </section>
      </div>
      <AuthorizationPanel authorization={shown} mainNow={mainNow} />
      <HistoryTable history={history} shownId={shown?.id ?? null} />
    </section>
  )
}
