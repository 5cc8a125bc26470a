import { useTranslation } from 'react-i18next'
import { ActionButton } from '../../components/action-button'
import { useMainNow } from '../../lib/main-clock'
import { cancelTokenWait } from './token-commands'
import type { TokenSlot } from './tokens-store'

export interface TokenProgressProps {
  profileId: string
  slot: TokenSlot
  /** Where focus goes once the wait is cancelled (the Cancel button goes away with it). */
  onCancelled: () => void
}

/**
 * While the desk waits for WeChat (main says a call is in flight): how long it has waited since the press, and
 * Cancel, which aborts the upstream request (a hung call otherwise holds until the client's timeout). An answer
 * from the held token never shows it.
 */
export function TokenProgress({ profileId, slot, onCancelled }: TokenProgressProps) {
  const { t } = useTranslation(['token', 'common'])
  const now = useMainNow(0)
  if (slot.since === null || slot.view?.refreshing !== true) return null
  const elapsed = t('common:seconds', { count: Math.max(0, Math.floor((now - slot.since) / 1000)) })
  const cancel = async (): Promise<void> => {
    await cancelTokenWait(profileId)
    onCancelled()
  }
  return (
    <div className="token-progress">
      <div
        role="progressbar"
        aria-label={t('waiting.label')}
        aria-valuetext={elapsed}
        className="meter meter-indeterminate"
      >
        <div className="meter-fill" />
      </div>
      <span className="tabular">{t('waiting.line', { elapsed })}</span>
      <ActionButton busy={slot.cancelRequested} onClick={() => void cancel()}>
        {slot.cancelRequested ? t('waiting.cancelling') : t('waiting.cancel')}
      </ActionButton>
    </div>
  )
}
