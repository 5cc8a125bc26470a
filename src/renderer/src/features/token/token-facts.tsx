import { useTranslation } from 'react-i18next'
import type { TokenAttempt, TokenView } from '../../../../shared/contract'
import { formatClock, formatCountdown, formatDateTime, formatNumber, secondsUntil } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { attemptLine, autoRefreshLine, retryLine } from './token-state'

export interface TokenFactsProps {
  view: TokenView
  mainNow: number
}

function AttemptText({ attempt, view }: { attempt: TokenAttempt; view: TokenView }) {
  const { t } = useTranslation('token')
  const localize = useLocalize()
  const language = useUiLanguage()
  const meta = t('attempt.meta', {
    trigger: t(`trigger.${attempt.trigger}`),
    time: formatClock(attempt.at, language)
  })
  const line = attemptLine(attempt, view)
  const message = (error: { message: Parameters<typeof localize>[0]; errcode?: number } | null): string =>
    error === null
      ? ''
      : `${localize(error.message)}${error.errcode === undefined ? '' : ` (${error.errcode})`}`
  const [text, tone] = ((): [string, string] => {
    switch (line.kind) {
      case 'obtained':
        return [t('attempt.ok'), '']
      case 'reused':
        return [t('attempt.reused'), '']
      case 'coalesced':
        return [t('attempt.coalesced', { age: line.ageSeconds }), '']
      case 'from-memory':
        return [t('attempt.fromMemory', { message: message(line.error) }), 'warning-text']
      case 'cancelled':
        return [t('attempt.cancelled'), 'muted']
      case 'failed':
        return [t('attempt.failed', { message: message(line.error) }), 'danger-text']
    }
  })()
  return (
    <span className={tone || undefined}>
      {text} <span className="muted">· {meta}</span>
    </span>
  )
}

/** Why the token will or will not refresh by itself, derived from the latest attempt (not an older error). */
function AutoRefreshText({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation('token')
  const language = useUiLanguage()
  const when = (at: number) => ({
    time: formatClock(at, language),
    in: formatCountdown(secondsUntil(at, mainNow))
  })
  const line = autoRefreshLine(view)
  switch (line.kind) {
    case 'waiting':
      return <span>{t('auto.waiting')}</span>
    case 'scheduled':
      return <span>{line.at === null ? t('auto.scheduledSoon') : t('auto.scheduled', when(line.at))}</span>
    case 'idle':
      return <span>{t('auto.idle')}</span>
    case 'needs-confirmation':
      return <span className="warning-text">{t('auto.needsConfirmation')}</span>
    case 'no-secret':
      return <span className="warning-text">{t('auto.noSecret')}</span>
    case 'stopped':
      return (
        <span className={line.cause === 'unfixable' ? 'danger-text' : 'warning-text'}>
          {line.cause === 'unfixable' ? t('auto.stoppedUnfixable') : t('auto.stoppedEarlier')}
          {line.nextTryAt !== null && ` ${t('auto.nextTry', when(line.nextTryAt))}`}
        </span>
      )
  }
}

function RetryText({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation('token')
  const language = useUiLanguage()
  const line = retryLine(view)
  switch (line.kind) {
    case 'scheduled':
      return (
        <span>
          {t('retryLine', {
            attempt: line.attempt,
            time: formatClock(line.at, language),
            in: formatCountdown(secondsUntil(line.at, mainNow))
          })}
        </span>
      )
    case 'manual':
      return <span>{t('retryManual')}</span>
    case 'none':
      return <span>{t('retryNone')}</span>
  }
}

export function TokenFacts({ view, mainNow }: TokenFactsProps) {
  const { t } = useTranslation(['token', 'common', 'apps'])
  const language = useUiLanguage()
  const time = (ms: number | null): string => (ms === null ? t('common:none') : formatDateTime(ms))
  const { quota } = view
  const count = (n: number): string => formatNumber(n, language)

  return (
    <dl className="facts" aria-label={t('facts')}>
      <div>
        <dt>{t('obtainedAt')}</dt>
        <dd className="tabular">{time(view.obtainedAt)}</dd>
      </div>
      <div>
        <dt>{t('expiresAt')}</dt>
        <dd className="tabular">{time(view.expiresAt)}</dd>
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
          <RetryText view={view} mainNow={mainNow} />
        </dd>
      </div>
      <div>
        <dt>{t('lastAttempt')}</dt>
        <dd>
          {view.lastAttempt === null ? (
            t('common:none')
          ) : (
            <AttemptText attempt={view.lastAttempt} view={view} />
          )}
        </dd>
      </div>
      <div>
        <dt>{t('quota')}</dt>
        <dd>
          {t('quotaLine', {
            used: count(quota.used),
            limit: count(quota.limit),
            forceUsed: count(quota.forceUsed),
            forceLimit: count(quota.forceLimit)
          })}
        </dd>
      </div>
    </dl>
  )
}
