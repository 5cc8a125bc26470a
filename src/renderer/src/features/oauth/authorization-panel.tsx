import type { TFunction } from 'i18next'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  USERINFO_LANGS,
  type OAuthAuthorizationView,
  type OAuthCopyField,
  type OAuthUserInfo,
  type UserInfoLang
} from '../../../../shared/contract'
import { ActionButton } from '../../components/action-button'
import { ErrorCallout } from '../../components/error-callout'
import { useAppName } from '../apps/app-name'
import { useAppsStore } from '../apps/apps-store'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { formatClock, formatCountdown, formatDateTime, secondsUntil } from '../../lib/format'
import { checkUserToken, copyField, getUserInfo, refreshUserToken } from './oauth-commands'
import { revealed, setOAuthError, useOAuthStore } from './oauth-store'

const CURLS = ['curlUserInfo', 'curlAuth', 'curlRefresh'] as const

/** A small Copy button whose accessible name says what it copies. */
function CopyButton({ authId, field, label }: { authId: string; field: OAuthCopyField; label: string }) {
  const { t } = useTranslation('oauth')
  const busy = useOAuthStore((state) => state.busy)
  return (
    <ActionButton
      className="quiet oauth-copy"
      aria-label={t('auth.copyField', { field: label })}
      busy={busy === `copy-${field}`}
      onClick={() => void copyField(authId, field)}
    >
      {t('auth.copy')}
    </ActionButton>
  )
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** "1 d 4 h left" for the 30-day refresh_token. */
function daysLeft(at: number, now: number, t: TFunction<'oauth'>): string {
  const seconds = secondsUntil(at, now)
  if (seconds <= 0) return t('auth.expired')
  return t('auth.daysLeft', {
    days: Math.floor(seconds / 86_400),
    hours: Math.floor((seconds % 86_400) / 3600)
  })
}

function UserInfoFacts({ info }: { info: OAuthUserInfo }) {
  const { t } = useTranslation('oauth')
  const language = useUiLanguage()
  const region = [info.country, info.province, info.city].filter((part) => part !== '').join(' / ')
  const sexKey = info.sex === 1 ? '1' : info.sex === 2 ? '2' : '0'
  const headingId = useId()
  return (
    <div className="oauth-userinfo">
      <h4 id={headingId}>
        {t('auth.userInfoHeading', { lang: info.lang, time: formatClock(info.fetchedAt, language) })}
      </h4>
      <dl className="facts" aria-labelledby={headingId}>
        <Fact name={t('auth.nickname')}>{info.nickname}</Fact>
        <Fact name={t('auth.sex')}>{t(`auth.sexes.${sexKey}`)}</Fact>
        <Fact name={t('auth.region')}>{region === '' ? t('auth.regionEmpty') : region}</Fact>
        <Fact name={t('auth.headimgurl')}>
          <span className="mono">{info.headimgurl}</span>
        </Fact>
        <Fact name={t('auth.privilege')}>
          {info.privilege.length === 0 ? '[]' : info.privilege.join(', ')}
        </Fact>
        {info.unionid !== null && (
          <Fact name={t('auth.unionid')}>
            <span className="mono">{info.unionid}</span>
          </Fact>
        )}
      </dl>
    </div>
  )
}

export interface AuthorizationPanelProps {
  authorization: OAuthAuthorizationView | null
  mainNow: number
}

/** An authorization's app as the reader names it (the built-in sandbox in their language). */
function useAuthorizationApp(authorization: OAuthAuthorizationView | null): string {
  const nameOf = useAppName()
  const isSandbox = useAppsStore(
    (state) => state.apps.find((app) => app.id === authorization?.profileId)?.isSandbox ?? false
  )
  return authorization ? nameOf({ name: authorization.appName, isSandbox }) : ''
}

/**
 * Step 3: one authorization — openid, unionid, the two user tokens with countdowns, and what to do with them.
 * A new one (just exchanged) is scrolled into view and its heading focused, so it is seen and heard.
 */
export function AuthorizationPanel({ authorization, mainNow }: AuthorizationPanelProps) {
  const { t } = useTranslation(['oauth', 'common'])
  const localize = useLocalize()
  const language = useUiLanguage()
  const error = useOAuthStore((state) => state.errors.token)
  const busy = useOAuthStore((state) => state.busy)
  const reveal = useOAuthStore((state) => state.reveal)
  const appName = useAuthorizationApp(authorization)
  const [lang, setLang] = useState<UserInfoLang>('zh_CN')
  const headingRef = useRef<HTMLHeadingElement>(null)
  const headingId = useId()
  const langId = useId()

  useEffect(() => {
    if (reveal === null || reveal !== authorization?.id) return
    headingRef.current?.scrollIntoView({ block: 'start' })
    headingRef.current?.focus({ preventScroll: true })
    revealed()
  }, [reveal, authorization?.id])

  if (!authorization) {
    return (
      <section className="step" aria-labelledby={headingId}>
        <h3 id={headingId} className="step-heading">
          {t('auth.heading')}
        </h3>
        <p className="muted">{t('auth.none')}</p>
      </section>
    )
  }
  const a = authorization
  const check = a.lastCheck
  const accessLeft = secondsUntil(a.accessExpiresAt, mainNow)

  const gone = a.tokensAvailable ? null : t('auth.tokensGone')

  return (
    <section className="step" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="step-heading">
        {t('auth.heading')}
      </h3>
      <dl className="facts" aria-label={t('auth.label')}>
        <Fact name={t('auth.at')}>
          <span className="tabular">{formatDateTime(a.at)}</span> · {appName} · {t(`auth.source.${a.source}`)}
        </Fact>
        <Fact name={t('auth.openid')}>
          <span className="mono">{a.openid}</span> <CopyButton authId={a.id} field="openid" label="openid" />
        </Fact>
        <Fact name={t('auth.unionid')}>
          {a.unionid === null ? (
            <span className="muted">{t('auth.noUnionid')}</span>
          ) : (
            <>
              <span className="mono">{a.unionid}</span>{' '}
              <CopyButton authId={a.id} field="unionid" label="unionid" />
            </>
          )}
        </Fact>
        <Fact name={t('auth.scope')}>
          <span className="mono">{a.scope}</span>
        </Fact>
        <Fact name={t('auth.state')}>
          <span className="mono">{a.state ?? t('common:none')}</span>{' '}
          <span className="muted">({t(`verdict.${a.stateVerdict}`)})</span>
        </Fact>
        <Fact name={t('auth.accessToken')}>
          {a.tokensAvailable ? (
            <>
              <span className="mono">{a.accessTokenMasked}</span>{' '}
              <span className={accessLeft > 0 ? 'muted' : 'danger-text'}>
                {accessLeft > 0
                  ? t('auth.expiresIn', { in: formatCountdown(accessLeft) })
                  : t('auth.expired')}
              </span>{' '}
              <CopyButton authId={a.id} field="accessToken" label="access_token" />
            </>
          ) : (
            <span className="warning-text">{t('auth.tokensGone')}</span>
          )}
        </Fact>
        <Fact name={t('auth.refreshToken')}>
          {a.tokensAvailable && (
            <>
              <span className="mono">{a.refreshTokenMasked}</span>{' '}
              <span className="muted">{daysLeft(a.refreshExpiresAt, mainNow, t)}</span>{' '}
              <CopyButton authId={a.id} field="refreshToken" label="refresh_token" />
            </>
          )}
        </Fact>
      </dl>
      {a.isSnapshotUser && <p className="oauth-snapshot">{t('auth.snapshot')}</p>}
      <div role="group" aria-label={t('auth.actions')} className="oauth-row oauth-wrap oauth-align-end">
        <ActionButton
          busy={busy === 'refresh'}
          unavailable={gone}
          onClick={() => void refreshUserToken(a.id)}
        >
          {t('auth.refresh')}
        </ActionButton>
        <ActionButton busy={busy === 'check'} unavailable={gone} onClick={() => void checkUserToken(a.id)}>
          {t('auth.check')}
        </ActionButton>
        <span className="toolbar-gap" aria-hidden="true" />
        <div className="field">
          <label htmlFor={langId}>{t('auth.lang')}</label>
          <select
            id={langId}
            value={lang}
            onChange={(event) => setLang(USERINFO_LANGS.find((l) => l === event.target.value) ?? 'zh_CN')}
          >
            {USERINFO_LANGS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <ActionButton
          busy={busy === 'userinfo'}
          unavailable={gone}
          onClick={() => void getUserInfo(a.id, lang)}
        >
          {t('auth.userInfo')}
        </ActionButton>
      </div>
      <div className="oauth-row oauth-wrap">
        <span className="muted">{t('auth.copyCurl')}</span>
        {CURLS.map((field) => (
          <ActionButton
            key={field}
            className="quiet"
            busy={busy === `copy-${field}`}
            unavailable={gone}
            onClick={() => void copyField(a.id, field)}
          >
            {t(`auth.curl.${field}`)}
          </ActionButton>
        ))}
      </div>
      {check && (
        <p className={check.valid ? 'ok-text' : 'danger-text'}>
          {check.valid
            ? t('auth.checkValid', { time: formatClock(check.at, language) })
            : `${t('auth.checkInvalid', { time: formatClock(check.at, language) })} ${check.error ? localize(check.error.message) : ''}`}
        </p>
      )}
      {check?.error && <ErrorCallout error={check.error} />}
      {error && <ErrorCallout error={error} onDismiss={() => setOAuthError('token', null)} />}
      {a.userInfo && <UserInfoFacts info={a.userInfo} />}
    </section>
  )
}
