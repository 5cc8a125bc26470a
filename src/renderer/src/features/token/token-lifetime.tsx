import { useTranslation } from 'react-i18next'
import type { TokenView } from '../../../../shared/contract'
import { formatCountdown } from '../../lib/format'

/** WeChat rotates stable tokens in their last 5 minutes; below that the bar turns amber. */
const LOW_SECONDS = 300

export interface TokenLifetimeProps {
  view: TokenView | null
  /** The current time on main's clock. */
  mainNow: number
}

export function TokenLifetime({ view, mainNow }: TokenLifetimeProps) {
  const { t } = useTranslation('token')
  const expiresAt = view?.held ? view.expiresAt : null
  const granted =
    view?.grantedSeconds ??
    (expiresAt !== null && view?.obtainedAt != null ? Math.round((expiresAt - view.obtainedAt) / 1000) : 0)
  const total = Math.max(granted, 1)
  // The tick can be up to a second old when a fresh view arrives: floor and clamp so it never reads over the grant.
  const remaining =
    expiresAt === null ? 0 : Math.min(total, Math.max(0, Math.floor((expiresAt - mainNow) / 1000)))
  const level = remaining === 0 ? 'expired' : remaining < LOW_SECONDS ? 'low' : 'ok'
  const label =
    expiresAt === null
      ? t('noLifetime')
      : remaining === 0
        ? t('expired')
        : t('left', { time: formatCountdown(remaining) })

  return (
    <div className="lifetime">
      <div
        role="progressbar"
        aria-label={t('lifetime')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={remaining}
        aria-valuetext={label}
        className={`meter meter-${level}`}
      >
        <div className="meter-fill" style={{ width: `${(remaining / total) * 100}%` }} />
      </div>
      <span className="lifetime-label mono">{label}</span>
    </div>
  )
}
