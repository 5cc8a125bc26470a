import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../../shared/result'
import type { AppView } from '../../../../shared/types'
import { ErrorCallout } from '../../components/error-callout'
import { Modal } from '../../components/modal'
import { deleteApp } from './app-commands'

export interface DeleteAppDialogProps {
  app: AppView
  onClose: () => void
}

/** Asks before deleting; main's refusal (e.g. the sandbox) is shown here and the dialog stays open. */
export function DeleteAppDialog({ app, onClose }: DeleteAppDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [deleting, setDeleting] = useState(false)

  const confirm = async (): Promise<void> => {
    setDeleting(true)
    const result = await deleteApp(app.id)
    setDeleting(false)
    if (result.ok) onClose()
    else setError(result.error)
  }

  return (
    <Modal
      role="alertdialog"
      labelledBy={titleId}
      describedBy={bodyId}
      onClose={onClose}
      initialFocus={cancelRef}
    >
      <h2 id={titleId}>{t('deleteApp.title')}</h2>
      <p id={bodyId}>{t('deleteApp.body', { name: app.name, appId: app.appId })}</p>
      {error && <ErrorCallout error={error} />}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={deleting} onClick={() => void confirm()}>
          {t('deleteApp.confirm')}
        </button>
        <button type="button" ref={cancelRef} onClick={onClose}>
          {t('deleteApp.cancel')}
        </button>
      </div>
    </Modal>
  )
}
