import { useId, useRef, type ReactNode } from 'react'
import type { DeskError } from '../../../shared/result'
import { ErrorCallout } from './error-callout'
import { Modal } from './modal'

export interface ConfirmDialogProps {
  title: string
  /** What is at stake; it becomes the dialog's description. */
  children: ReactNode
  confirmLabel: string
  cancelLabel: string
  onConfirm: () => void
  /** Cancel and Esc. */
  onCancel: () => void
  confirmDisabled?: boolean
  /** A refusal to show while the dialog stays open. */
  error?: DeskError | null
}

/** An alertdialog that asks before something dangerous; focus starts on Cancel, so Enter does no harm. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  confirmDisabled = false,
  error = null
}: ConfirmDialogProps) {
  const titleId = useId()
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  return (
    <Modal
      role="alertdialog"
      labelledBy={titleId}
      describedBy={bodyId}
      onClose={onCancel}
      initialFocus={cancelRef}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">
        <div id={bodyId}>{children}</div>
        {error && <ErrorCallout error={error} />}
      </div>
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </Modal>
  )
}
