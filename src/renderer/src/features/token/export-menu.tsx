import type { HTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionButton } from '../../components/action-button'
import { Popover } from '../../components/popover'
import type { TokenSlot } from './tokens-store'
import { copyToken, exportCollection, exportPostman } from './token-commands'

export interface ExportMenuProps {
  profileId: string
  slot: TokenSlot
  /** Handlers that explain the menu in the actions' hint line. */
  explains: HTMLAttributes<HTMLElement>
}

/**
 * The token for the tools developers already use: the one-shot Postman environment (this token), the live
 * Postman and Bruno collections (their scripts read the token from the Local API, so it never goes stale) and
 * the token as JSON.
 */
export function ExportMenu({ profileId, slot, explains }: ExportMenuProps) {
  const { t } = useTranslation('token')
  const held = slot.view?.held ?? false
  const noToken = held ? null : t('unavailable.noToken')
  const close = (target: EventTarget): void => {
    const details = (target as HTMLElement).closest('details')
    if (details) details.open = false
    details?.querySelector('summary')?.focus()
  }
  return (
    <Popover summary={`${t('export.menu')} ▾`} className="export-menu" summaryProps={explains}>
      <div role="group" aria-label={t('export.menu')} className="export-items">
        <ActionButton
          busy={slot.busy === 'export'}
          unavailable={noToken}
          onClick={(event) => {
            close(event.currentTarget)
            void exportPostman(profileId)
          }}
        >
          {t('export.postmanEnvironment')}
        </ActionButton>
        <ActionButton
          busy={slot.busy === 'export-postman'}
          onClick={(event) => {
            close(event.currentTarget)
            void exportCollection(profileId, 'postman')
          }}
        >
          {t('export.postmanCollection')}
        </ActionButton>
        <ActionButton
          busy={slot.busy === 'export-bruno'}
          onClick={(event) => {
            close(event.currentTarget)
            void exportCollection(profileId, 'bruno')
          }}
        >
          {t('export.brunoCollection')}
        </ActionButton>
        <ActionButton
          busy={slot.busy === 'copy-json'}
          unavailable={noToken}
          onClick={(event) => {
            close(event.currentTarget)
            void copyToken(profileId, 'json')
          }}
        >
          {t('export.json')}
        </ActionButton>
      </div>
    </Popover>
  )
}
