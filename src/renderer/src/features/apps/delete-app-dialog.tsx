import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../../shared/result'
import type { AppView } from '../../../../shared/contract'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { deleteApp } from './app-commands'
import { useAppName } from './app-name'

export interface DeleteAppDialogProps {
  app: AppView
  onClose: () => void
}

/** Asks before deleting; main's refusal (e.g. the sandbox) is shown here and the dialog stays open. */
export function DeleteAppDialog({ app, onClose }: DeleteAppDialogProps) {
  const { t } = useTranslation('apps')
  const nameOf = useAppName()
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
    <ConfirmDialog
      title={t('deleteApp.title')}
      confirmLabel={t('deleteApp.confirm')}
      cancelLabel={t('deleteApp.cancel')}
      confirmDisabled={deleting}
      error={error}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>{t('deleteApp.body', { name: nameOf(app), appId: app.appId })}</p>
    </ConfirmDialog>
  )
}
