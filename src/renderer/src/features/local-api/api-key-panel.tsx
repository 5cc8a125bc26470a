import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LocalApiStatus } from '../../../../shared/contract/local-api'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { copyLocalApiKey, hideLocalApiKey, revealLocalApiKey, rotateLocalApiKey } from './local-api-commands'
import { useLocalApiStore } from './local-api-store'

function RotateKeyDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('localApi')
  return (
    <ConfirmDialog
      title={t('key.confirmTitle')}
      confirmLabel={t('key.confirm')}
      cancelLabel={t('key.cancel')}
      onConfirm={() => {
        onClose()
        void rotateLocalApiKey()
      }}
      onCancel={onClose}
    >
      <p>{t('key.confirmBody')}</p>
    </ConfirmDialog>
  )
}

/** The API key: masked; Reveal asks main for it (Hide drops it again), Copy leaves it in main, Rotate asks first. */
export function ApiKeyPanel({ status }: { status: LocalApiStatus | null }) {
  const { t } = useTranslation('localApi')
  const ids = useId()
  const revealed = useLocalApiStore((state) => state.revealedKey)
  const busy = useLocalApiStore((state) => state.busy)
  const [confirming, setConfirming] = useState(false)
  const hasKey = status?.hasKey ?? false
  const persistence = status?.keyPersistence ?? 'none'

  return (
    <section aria-labelledby={`${ids}-heading`} className="panel local-api-key">
      <header className="panel-header">
        <h2 id={`${ids}-heading`}>{t('key.heading')}</h2>
        <span className={persistence === 'session-only' ? 'warning-text' : 'muted'}>
          {hasKey ? t(`key.persistence.${persistence}`) : t('key.none')}
        </span>
      </header>
      <div className="local-api-key-row">
        <input
          readOnly
          type="text"
          aria-labelledby={`${ids}-heading`}
          aria-describedby={`${ids}-usage`}
          spellCheck={false}
          className={revealed ? 'mono local-api-key-text local-api-key-revealed' : 'mono local-api-key-text'}
          value={revealed ?? status?.keyMask ?? ''}
          placeholder={t('key.persistence.none')}
        />
        <div role="group" aria-label={t('key.actions')} className="local-api-actions">
          {revealed ? (
            <button type="button" onClick={hideLocalApiKey}>
              {t('key.hide')}
            </button>
          ) : (
            <button
              type="button"
              disabled={!hasKey || busy === 'reveal'}
              onClick={() => void revealLocalApiKey()}
            >
              {t('key.reveal')}
            </button>
          )}
          <button
            type="button"
            disabled={!hasKey || busy === 'copy-key'}
            onClick={() => void copyLocalApiKey()}
          >
            {t('key.copy')}
          </button>
          <button
            type="button"
            className="danger-quiet"
            disabled={!hasKey || busy === 'rotate'}
            onClick={() => setConfirming(true)}
          >
            {t('key.rotate')}
          </button>
        </div>
      </div>
      <p id={`${ids}-usage`} className="field-hint">
        {t('key.usage')}
      </p>
      {confirming && <RotateKeyDialog onClose={() => setConfirming(false)} />}
    </section>
  )
}
