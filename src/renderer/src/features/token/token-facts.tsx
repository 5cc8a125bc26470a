import { useTranslation } from 'react-i18next'
import type { TokenAttempt, TokenView } from '../../../../shared/contract'
import { formatClock, formatCountdown, formatDateTime, secondsUntil } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'

export interface TokenFactsProps {
  view: TokenView
  mainNow: number
}

function AttemptText({ attempt }: { attempt: TokenAttempt }) {
  const { t } = useTranslation('token')
  const localize = useLocalize()
  const language = useUiLanguage()
  const meta = t('attempt.meta', {
    trigger: t(`trigger.${attempt.trigger}`),
    time: formatClock(attempt.at, language)
  })
  if (!attempt.ok) {
    const message = attempt.error ? localize(attempt.error.message) : ''
    const errcode = attempt.error?.errcode === undefined ? '' : ` (${attempt.error.errcode})`
    return (
      <span className="danger-text">
        {t('attempt.failed', { message: message + errcode })} <span className="muted">· {meta}</span>
      </span>
    )
  }
  return (
    <span>
      {attempt.reused ? t('attempt.reused') : t('attempt.ok')} <span className="muted">· {meta}</span>
    </span>
  )
}

/** Why the token will or will not refresh by itself. */
function AutoRefreshText({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation('token')
  const language = useUiLanguage()
  if (view.refreshing) return <span>{t('refreshing')}</span>
  switch (view.autoRefresh) {
    case 'scheduled':
      return view.nextRefreshAt === null ? (
        <span>{t('auto.scheduledSoon')}</span>
      ) : (
        <span>
          {t('auto.scheduled', {
            time: formatClock(view.nextRefreshAt, language),
            in: formatCountdown(secondsUntil(view.nextRefreshAt, mainNow))
          })}
        </span>
      )
    case 'idle':
      return <span>{t('auto.idle')}</span>
    case 'stopped':
      return <span className="danger-text">{t('auto.stopped')}</span>
    case 'needs-confirmation':
      return <span className="warning-text">{t('auto.needsConfirmation')}</span>
    case 'no-secret':
      return <span className="warning-text">{t('auto.noSecret')}</span>
  }
}

export function TokenFacts({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation(['token', 'common', 'apps'])
  const language = useUiLanguage()
  const time = (ms: number | null): string => (ms === null ? t('common:none') : formatDateTime(ms, language))
  const { quota, retry } = view

  return (
    <dl className="facts" aria-label={t('facts')}>
      <div>
        <dt>{t('obtainedAt')}</dt>
        <dd>{time(view.obtainedAt)}</dd>
      </div>
      <div>
        <dt>{t('expiresAt')}</dt>
        <dd>{time(view.expiresAt)}</dd>
      </div>
      <div>
        <dt>{t('mode')}</dt>
        <dd>{view.mode === null ? t('common:none') : t(`apps:mode.${view.mode}`)}</dd>
      </div>
      <div>
        <dt>{t('autoRefresh')}</dt>
        <dd>
          <AutoRefreshText view={view} mainNow={mainNow} />
        </dd>
      </div>
      <div>
        <dt>{t('retry')}</dt>
        <dd>
          {retry === null
            ? t('retryNone')
            : t('retryLine', {
                attempt: retry.attempt,
                time: formatClock(retry.nextAt, language),
                in: formatCountdown(secondsUntil(retry.nextAt, mainNow))
              })}
        </dd>
      </div>
      <div>
        <dt>{t('lastAttempt')}</dt>
        <dd>{view.lastAttempt === null ? t('common:none') : <AttemptText attempt={view.lastAttempt} />}</dd>
      </div>
      <div>
        <dt>{t('quota')}</dt>
        <dd>
          {t('quotaLine', {
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
