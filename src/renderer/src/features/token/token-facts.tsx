import { useTranslation } from 'react-i18next'
import type { TokenAttempt, TokenView } from '../../../../shared/contract'
import { formatClock, formatCountdown, formatDateTime, secondsUntil } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'

export interface TokenFactsProps {
  view: TokenView
  mainNow: number
}

function AttemptText({ attempt }: { attempt: TokenAttempt }) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const language = useUiLanguage()
  const meta = t('token.attempt.meta', {
    trigger: t(`token.trigger.${attempt.trigger}`),
    time: formatClock(attempt.at, language)
  })
  if (!attempt.ok) {
    const message = attempt.error ? localize(attempt.error.message) : ''
    const errcode = attempt.error?.errcode === undefined ? '' : ` (${attempt.error.errcode})`
    return (
      <span className="danger-text">
        {t('token.attempt.failed', { message: message + errcode })} <span className="muted">· {meta}</span>
      </span>
    )
  }
  return (
    <span>
      {attempt.reused ? t('token.attempt.reused') : t('token.attempt.ok')}{' '}
      <span className="muted">· {meta}</span>
    </span>
  )
}

/** Why the token will or will not refresh by itself. */
function AutoRefreshText({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation()
  const language = useUiLanguage()
  if (view.refreshing) return <span>{t('token.refreshing')}</span>
  switch (view.autoRefresh) {
    case 'scheduled':
      return view.nextRefreshAt === null ? (
        <span>{t('token.auto.scheduledSoon')}</span>
      ) : (
        <span>
          {t('token.auto.scheduled', {
            time: formatClock(view.nextRefreshAt, language),
            in: formatCountdown(secondsUntil(view.nextRefreshAt, mainNow))
          })}
        </span>
      )
    case 'idle':
      return <span>{t('token.auto.idle')}</span>
    case 'stopped':
      return <span className="danger-text">{t('token.auto.stopped')}</span>
    case 'needs-confirmation':
      return <span className="warning-text">{t('token.auto.needsConfirmation')}</span>
    case 'no-secret':
      return <span className="warning-text">{t('token.auto.noSecret')}</span>
  }
}

export function TokenFacts({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation()
  const language = useUiLanguage()
  const time = (ms: number | null): string => (ms === null ? t('token.empty') : formatDateTime(ms, language))
  const { quota, retry } = view

  return (
    <dl className="facts" aria-label={t('token.facts')}>
      <div>
        <dt>{t('token.obtainedAt')}</dt>
        <dd>{time(view.obtainedAt)}</dd>
      </div>
      <div>
        <dt>{t('token.expiresAt')}</dt>
        <dd>{time(view.expiresAt)}</dd>
      </div>
      <div>
        <dt>{t('token.mode')}</dt>
        <dd>{view.mode === null ? t('token.empty') : t(`apps.mode.${view.mode}`)}</dd>
      </div>
      <div>
        <dt>{t('token.autoRefresh')}</dt>
        <dd>
          <AutoRefreshText view={view} mainNow={mainNow} />
        </dd>
      </div>
      <div>
        <dt>{t('token.retry')}</dt>
        <dd>
          {retry === null
            ? t('token.retryNone')
            : t('token.retryLine', {
                attempt: retry.attempt,
                time: formatClock(retry.nextAt, language),
                in: formatCountdown(secondsUntil(retry.nextAt, mainNow))
              })}
        </dd>
      </div>
      <div>
        <dt>{t('token.lastAttempt')}</dt>
        <dd>{view.lastAttempt === null ? t('token.empty') : <AttemptText attempt={view.lastAttempt} />}</dd>
      </div>
      <div>
        <dt>{t('token.quota')}</dt>
        <dd>
          {t('token.quotaLine', {
            used: quota.used,
            limit: quota.limit,
            forceUsed: quota.forceUsed,
            forceLimit: quota.forceLimit
          })}
        </dd>
      </div>
    </dl>
  )
}
