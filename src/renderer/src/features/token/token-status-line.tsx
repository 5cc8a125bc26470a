import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { showMain } from '../../app/view-store'
import type { TokenStatus } from './tokens-store'
import { clearTokenStatus } from './token-commands'

/** "Copied" is a moment's feedback; probe and export results stay until the next action. */
const COPIED_VISIBLE_MS = 4000

export interface TokenStatusLineProps {
  profileId: string
  status: TokenStatus | null
}

/** A polite live region: always mounted, so screen readers hear each new status. */
export function TokenStatusLine({ profileId, status }: TokenStatusLineProps) {
  const { t } = useTranslation('token')

  useEffect(() => {
    if (status?.kind !== 'copied') return
    const timer = setTimeout(() => clearTokenStatus(profileId, status), COPIED_VISIBLE_MS)
    return () => clearTimeout(timer)
  }, [profileId, status])

  let message = ''
  if (status?.kind === 'copied')
    message =
      status.format === 'token'
        ? t('status.copied')
        : status.format === 'curl'
          ? t('status.copiedCurl')
          : t('status.copiedJson')
  else if (status?.kind === 'probe') message = t('status.probe', { count: status.ipCount })
  else if (status?.kind === 'exported') {
    message = status.saved ? t('status.exported', { path: status.path ?? '' }) : t('status.exportCancelled')
  } else if (status?.kind === 'collection') {
    message = status.saved
      ? [
          t('status.collection', { path: status.path ?? '' }),
          status.keyIncluded ? '' : t('status.collectionNoKey'),
          status.localApiRunning ? '' : t('status.collectionOff')
        ]
          .filter(Boolean)
          .join(' ')
      : t('status.exportCancelled')
  } else if (status?.kind === 'cancelled') message = t('status.cancelled')
  const offerLocalApi =
    status?.kind === 'collection' && status.saved && (!status.localApiRunning || !status.keyIncluded)

  return (
    <div className="status-line">
      <p role="status" className={status?.kind === 'cancelled' ? 'muted' : undefined}>
        {message}
      </p>
      {offerLocalApi && (
        <button type="button" className="quiet" onClick={() => showMain('local-api')}>
          {t('status.openLocalApi')}
        </button>
      )}
    </div>
  )
}
