import { useTranslation } from 'react-i18next'
import type { TokenView } from '../../../../shared/contract'
import { ActionButton } from '../../components/action-button'
import { formatClock, formatCountdown, secondsUntil } from '../../lib/format'
import { useLocalize, useUiLanguage } from '../../lib/use-localize'
import { runTokenCommand } from './token-commands'
import { activeRemembered } from './token-state'

/**
 * Another system keeps fetching tokens for this app and killing the desk's: the desk's report, with what to do.
 * Loud on purpose: until it is found, every consumer of the app's token fails now and then.
 */
export function StompingReport({ view }: { view: TokenView }) {
  const { t } = useTranslation('token')
  const localize = useLocalize()
  const language = useUiLanguage()
  const stomping = view.stomping
  if (!stomping) return null
  return (
    <div role="alert" className="callout callout-warning token-stomping">
      <div className="callout-body">
        <p className="callout-message">{t('stomping.title')}</p>
        <p className="callout-fix">{localize(stomping.message)}</p>
        <p className="hint">
          {t('stomping.facts', {
            count: stomping.countToday,
            time: formatClock(stomping.lastAt, language),
            lifetime: stomping.lifetimeSeconds
          })}
        </p>
      </div>
    </div>
  )
}

export interface RememberedNoticeProps {
  profileId: string
  view: TokenView
  mainNow: number
  busy: boolean
}

/** An error retrying cannot fix is answered from memory until a pause ends; "Retry now" asks WeChat at once. */
export function RememberedNotice({ profileId, view, mainNow, busy }: RememberedNoticeProps) {
  const { t } = useTranslation('token')
  const localize = useLocalize()
  const language = useUiLanguage()
  const remembered = activeRemembered(view)
  if (!remembered) return null
  const time = formatClock(remembered.nextTryAt, language)
  return (
    <div className="callout callout-warning token-remembered" role="status">
      <div className="callout-body">
        <p className="callout-message">{t('remembered.title', { time })}</p>
        <p className="callout-fix">
          {t('remembered.body', {
            message: localize(remembered.error.message),
            time,
            in: formatCountdown(secondsUntil(remembered.nextTryAt, mainNow))
          })}
        </p>
        <div className="callout-actions">
          <ActionButton
            busy={busy}
            onClick={() => void runTokenCommand(profileId, 'refresh', { retryNow: true })}
          >
            {t('retryNow')}
          </ActionButton>
        </div>
      </div>
    </div>
  )
}

/** WeChat rejected the held token; the governor replaces it as soon as it may. */
export function RejectedNotice({ view }: { view: TokenView }) {
  const { t } = useTranslation('token')
  if (!view.rejected) return null
  return (
    <p className="warning-text" role="status">
      {t('rejected')}
    </p>
  )
}
