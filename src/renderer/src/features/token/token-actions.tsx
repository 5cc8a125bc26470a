import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView, TokenQuota } from '../../../../shared/contract'
import { formatClock, formatCountdown, secondsUntil } from '../../lib/format'
import { useUiLanguage } from '../../lib/use-localize'
import type { TokenSlot } from './tokens-store'
import { copyToken, exportPostman, runTokenCommand, testToken } from './token-commands'

export interface TokenActionsProps {
  app: AppView
  slot: TokenSlot
  mainNow: number
}

/** Whether a force refresh is allowed now, and the sentence that says why (or why not). */
function useForceAvailability(
  quota: TokenQuota | undefined,
  mainNow: number
): { allowed: boolean; hint: string } {
  const { t } = useTranslation('token')
  const language = useUiLanguage()
  if (!quota) return { allowed: false, hint: '' }
  if (quota.forceUsed >= quota.forceLimit) {
    return { allowed: false, hint: t('forceExhausted', { limit: quota.forceLimit }) }
  }
  if (quota.forceAvailableAt !== null && quota.forceAvailableAt > mainNow) {
    return {
      allowed: false,
      hint: t('forceWait', {
        time: formatClock(quota.forceAvailableAt, language),
        in: formatCountdown(secondsUntil(quota.forceAvailableAt, mainNow))
      })
    }
  }
  return { allowed: true, hint: t('forceReady', { used: quota.forceUsed, limit: quota.forceLimit }) }
}

export function TokenActions({ app, slot, mainNow }: TokenActionsProps) {
  const { t } = useTranslation(['token', 'common'])
  const forceHintId = useId()
  const { view, busy } = slot
  const held = view?.held ?? false
  const force = useForceAvailability(view?.quota, mainNow)
  const id = app.id

  return (
    <div className="token-actions-area">
      <div role="group" aria-label={t('actions')} className="token-actions">
        <button
          type="button"
          className="primary"
          disabled={busy === 'fetch'}
          onClick={() => void runTokenCommand(id, 'fetch')}
        >
          {t('fetch')}
        </button>
        <button
          type="button"
          disabled={busy === 'refresh'}
          title={`${t('common:shortcuts.refresh')} (Ctrl/⌘+R)`}
          aria-keyshortcuts="Control+R Meta+R"
          onClick={() => void runTokenCommand(id, 'refresh')}
        >
          {t('refresh')}
        </button>
        {app.mode === 'stable' && (
          <button
            type="button"
            className="danger-quiet"
            disabled={!force.allowed || busy === 'force'}
            title={force.hint}
            aria-describedby={forceHintId}
            onClick={() => void runTokenCommand(id, 'force')}
          >
            {t('force')}
          </button>
        )}
        <span className="toolbar-gap" aria-hidden="true" />
        <button type="button" disabled={!held || busy === 'test'} onClick={() => void testToken(id)}>
          {t('test')}
        </button>
        <button
          type="button"
          disabled={!held || busy === 'copy-token'}
          title={`${t('common:shortcuts.copy')} (Ctrl/⌘+Shift+C)`}
          aria-keyshortcuts="Control+Shift+C Meta+Shift+C"
          onClick={() => void copyToken(id, 'token')}
        >
          {t('copy')}
        </button>
        <button
          type="button"
          disabled={!held || busy === 'copy-curl'}
          onClick={() => void copyToken(id, 'curl')}
        >
          {t('copyCurl')}
        </button>
        <button type="button" disabled={!held || busy === 'export'} onClick={() => void exportPostman(id)}>
          {t('exportPostman')}
        </button>
      </div>
      {app.mode === 'stable' && (
        <p id={forceHintId} className="hint">
          {force.hint}
        </p>
      )}
    </div>
  )
}
