import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { TokenSlot } from './tokens-store'
import { hideToken, revealToken } from './token-commands'

export interface TokenValueProps {
  profileId: string
  slot: TokenSlot
}

/** The masked token; Reveal asks main for the full value, Hide drops it from the renderer again. */
export function TokenValue({ profileId, slot }: TokenValueProps) {
  const { t } = useTranslation('token')
  const id = useId()
  const { view, revealed } = slot
  const held = view?.held ?? false

  return (
    <div className="token-value">
      <label htmlFor={id}>{t('value')}</label>
      <textarea
        id={id}
        readOnly
        rows={1}
        spellCheck={false}
        className={revealed ? 'mono token-text token-text-revealed' : 'mono token-text'}
        value={revealed ?? view?.masked ?? ''}
        placeholder={t('none')}
      />
      {revealed ? (
        <button type="button" onClick={() => hideToken(profileId)}>
          {t('hide')}
        </button>
      ) : (
        <button
          type="button"
          disabled={!held || slot.busy === 'reveal'}
          onClick={() => void revealToken(profileId)}
        >
          {t('reveal')}
        </button>
      )}
    </div>
  )
}
