import { useEffect, useEffectEvent, useRef, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { isTopModal, popModal, pushModal } from './modal-stack'
import './modal.css'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE))
}

/** Hides everything beside the modal from assistive tech and the keyboard; returns the undo. */
function hideOutside(layer: HTMLElement): () => void {
  const hidden: Element[] = []
  for (const element of Array.from(document.body.children)) {
    if (element === layer || element.hasAttribute('aria-hidden')) continue
    element.setAttribute('aria-hidden', 'true')
    element.setAttribute('inert', '')
    hidden.push(element)
  }
  return () => {
    for (const element of hidden) {
      element.removeAttribute('aria-hidden')
      element.removeAttribute('inert')
    }
  }
}

export interface ModalProps {
  role?: 'dialog' | 'alertdialog'
  /** Accessible name when there is no visible title to point at. */
  label?: string
  labelledBy?: string
  describedBy?: string
  /** Called for Esc; the owner decides whether to unmount. */
  onClose: () => void
  /** Where focus goes on open; the first focusable element otherwise. */
  initialFocus?: RefObject<HTMLElement | null>
  className?: string
  children: ReactNode
}

/** A modal dialog: focus moves in and stays in, Esc closes, focus returns to the opener on close. */
export function Modal({
  role = 'dialog',
  label,
  labelledBy,
  describedBy,
  onClose,
  initialFocus,
  className,
  children
}: ModalProps) {
  const layerRef = useRef<HTMLDivElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)

  const onKeyDown = useEffectEvent((event: KeyboardEvent, token: symbol) => {
    const panel = panelRef.current
    if (!panel || !isTopModal(token)) return
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
      return
    }
    if (event.key !== 'Tab') return
    const focusable = focusableIn(panel)
    const first = focusable[0]
    const last = focusable[focusable.length - 1]
    if (!first || !last) {
      event.preventDefault()
      panel.focus()
      return
    }
    const active = document.activeElement
    if (event.shiftKey && (active === first || !panel.contains(active))) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
      event.preventDefault()
      first.focus()
    }
  })

  const focusInitial = useEffectEvent(() => {
    const panel = panelRef.current
    if (!panel) return
    const target = initialFocus?.current ?? focusableIn(panel)[0] ?? panel
    target.focus()
  })

  useEffect(() => {
    const layer = layerRef.current
    if (!layer) return
    const token = pushModal()
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const restore = hideOutside(layer)
    const listener = (event: KeyboardEvent): void => onKeyDown(event, token)
    document.addEventListener('keydown', listener)
    focusInitial()
    return () => {
      document.removeEventListener('keydown', listener)
      restore()
      popModal(token)
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return createPortal(
    <div className="modal-layer" ref={layerRef}>
      <div className="modal-backdrop" />
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-label={label}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={className ? `modal ${className}` : 'modal'}
      >
        {children}
      </div>
    </div>,
    document.body
  )
}
