import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../lib/use-localize'
import { dismissProblem, useSystemStore } from './system-store'
import { dismissNotice } from './preference-commands'
import './settings.css'

/** Start-up notices from main, the no-encryption warning, and failures that belong to no panel. */
export function NoticeBanners() {
  const { t } = useTranslation(['settings', 'common'])
  const localize = useLocalize()
  const notices = useSystemStore((state) => state.notices)
  const problems = useSystemStore((state) => state.problems)
  const encryptionUnavailable = useSystemStore((state) => state.info?.encryptionAvailable === false)
  const reason = useSystemStore((state) => state.info?.encryptionUnavailableReason ?? null)

  if (!encryptionUnavailable && notices.length === 0 && problems.length === 0) return null
  return (
    <div className="banners">
      {encryptionUnavailable && (
        <div className="banner banner-warning" role="status">
          <p>
            {t('notices.sessionOnly')}
            {reason && <span className="mono"> ({reason})</span>}
          </p>
        </div>
      )}
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`banner banner-${notice.level}`}
          role={notice.level === 'error' ? 'alert' : 'status'}
        >
          <p>{localize(notice.message)}</p>
          <button
            type="button"
            className="quiet"
            aria-label={t('notices.dismissNotice')}
            onClick={() => void dismissNotice(notice.id)}
          >
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
      {problems.map(({ id, error }) => (
        <div key={id} className="banner banner-error" role="alert">
          <p>
            {localize(error.message)}
            {error.fix && ` ${localize(error.fix)}`}
          </p>
          <button
            type="button"
            className="quiet"
            aria-label={t('common:error.dismissError')}
            onClick={() => dismissProblem(id)}
          >
            {t('common:error.dismiss')}
          </button>
        </div>
      ))}
    </div>
  )
}
