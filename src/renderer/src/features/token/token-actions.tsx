import { useId, useState, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView, TokenQuota } from '../../../../shared/contract'
import { ActionButton } from '../../components/action-button'
import { formatClock, formatCountdown, secondsUntil } from '../../lib/format'
import { useUiLanguage } from '../../lib/use-localize'
import { isWaiting, type TokenSlot } from './tokens-store'
import { copyToken, runTokenCommand, testToken } from './token-commands'
import { ExportMenu } from './export-menu'

export interface TokenActionsProps {
  app: AppView
  slot: TokenSlot
  mainNow: number
  /** Fetch, the panel's main action: the skip link and a cancelled wait bring focus back to it. */
  fetchRef: Ref<HTMLButtonElement>
}

type Action = 'fetch' | 'refresh' | 'force' | 'test' | 'copy' | 'copyCurl' | 'export'

/** Why a force refresh is not possible now, or null when it is. */
function useForceBlock(quota: TokenQuota | undefined, held: boolean, mainNow: number): string | null {
  const { t } = useTranslation('token')
  const language = useUiLanguage()
  if (!held) return t('unavailable.noToken')
  if (!quota) return null
  if (quota.forceUsed >= quota.forceLimit) return t('unavailable.forceExhausted', { limit: quota.forceLimit })
  if (quota.forceAvailableAt !== null && quota.forceAvailableAt > mainNow) {
    return t('unavailable.forceWait', {
      time: formatClock(quota.forceAvailableAt, language),
      in: formatCountdown(secondsUntil(quota.forceAvailableAt, mainNow))
    })
  }
  return null
}

/**
 * The token's actions. None disables itself while it runs (focus stays where the user was: aria-busy), each
 * that cannot be used says why, and the line under them says what the focused or hovered one does.
 */
export function TokenActions({ app, slot, mainNow, fetchRef }: TokenActionsProps) {
  const { t } = useTranslation(['token', 'common'])
  const hintId = useId()
  const [explained, setExplained] = useState<Action | null>(null)
  const { view, busy } = slot
  const held = view?.held ?? false
  const waiting = isWaiting(slot)
  const noToken = held ? null : t('unavailable.noToken')
  const forceBlock = useForceBlock(view?.quota, held, mainNow)
  const id = app.id
  const quota = view?.quota

  const hints: Record<Action, string> = {
    fetch: t('hints.fetch'),
    refresh:
      app.mode === 'classic'
        ? t('hints.refreshClassic')
        : app.mode === 'remote'
          ? t('hints.refreshRemote')
          : t('hints.refreshStable'),
    force: t('hints.force', { used: quota?.forceUsed ?? 0, limit: quota?.forceLimit ?? 20 }),
    test: t('hints.test'),
    copy: t('hints.copy'),
    copyCurl: t('hints.copyCurl'),
    export: t('hints.export')
  }
  /** Hovering or focusing a button explains it in the line below; leaving it restores the summary. */
  const explains = (action: Action) => ({
    onFocus: () => setExplained(action),
    onBlur: () => setExplained(null),
    onMouseEnter: () => setExplained(action),
    onMouseLeave: () => setExplained(null),
    'aria-describedby': hintId
  })
  const line = explained === null ? t('hints.idle') : hints[explained]
  const blockReason =
    explained === 'force'
      ? forceBlock
      : explained && explained !== 'fetch' && explained !== 'refresh'
        ? noToken
        : null

  return (
    <div className="token-actions-area">
      <div role="group" aria-label={t('actions')} className="token-actions">
        <ActionButton
          ref={fetchRef}
          className="primary"
          data-primary-action=""
          busy={busy === 'fetch'}
          {...explains('fetch')}
          onClick={() => void runTokenCommand(id, 'fetch')}
        >
          {t('fetch')}
        </ActionButton>
        <ActionButton
          busy={busy === 'refresh'}
          title={`${t('common:shortcuts.refresh')} (Ctrl/⌘+R)`}
          aria-keyshortcuts="Control+R Meta+R"
          {...explains('refresh')}
          onClick={() => void runTokenCommand(id, 'refresh')}
        >
          {t('refresh')}
        </ActionButton>
        {app.mode === 'stable' && (
          <ActionButton
            className="danger-quiet"
            busy={busy === 'force'}
            unavailable={forceBlock}
            {...explains('force')}
            onClick={() => void runTokenCommand(id, 'force')}
          >
            {t('force')}
          </ActionButton>
        )}
        <span className="toolbar-gap" aria-hidden="true" />
        <ActionButton
          busy={busy === 'test'}
          unavailable={noToken ?? (waiting ? t('unavailable.waiting') : null)}
          {...explains('test')}
          onClick={() => void testToken(id)}
        >
          {t('test')}
        </ActionButton>
        <ActionButton
          busy={busy === 'copy-token'}
          unavailable={noToken}
          title={`${t('common:shortcuts.copy')} (Ctrl/⌘+Shift+C)`}
          aria-keyshortcuts="Control+Shift+C Meta+Shift+C"
          {...explains('copy')}
          onClick={() => void copyToken(id, 'token')}
        >
          {t('copy')}
        </ActionButton>
        <ActionButton
          busy={busy === 'copy-curl'}
          unavailable={noToken}
          {...explains('copyCurl')}
          onClick={() => void copyToken(id, 'curl')}
        >
          {t('copyCurl')}
        </ActionButton>
        <ExportMenu profileId={id} slot={slot} explains={explains('export')} />
      </div>
      <p id={hintId} className="hint token-action-hint">
        {line}
        {blockReason && <span className="warning-text"> {blockReason}</span>}
      </p>
    </div>
  )
}
