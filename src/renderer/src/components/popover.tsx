import { useEffect, useEffectEvent, useRef, type HTMLAttributes, type ReactNode } from 'react'
import { isModalOpen } from './modal-stack'

export interface PopoverProps {
  /** What the toggle says. */
  summary: ReactNode
  className?: string
  /** More attributes for the toggle (handlers, description). */
  summaryProps?: HTMLAttributes<HTMLElement>
  children: ReactNode
}

/**
 * A disclosure that floats over the page (`<details>`): Esc or a press outside closes it, and Esc puts focus
 * back on its toggle, like every other popover and dialog here.
 */
export function Popover({ summary, className, summaryProps, children }: PopoverProps) {
  const ref = useRef<HTMLDetailsElement>(null)

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const details = ref.current
    if (!details?.open || event.key !== 'Escape' || isModalOpen()) return
    event.preventDefault()
    details.open = false
    details.querySelector('summary')?.focus()
  })
  const onPointerDown = useEffectEvent((event: PointerEvent) => {
    const details = ref.current
    if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false
  })

  useEffect(() => {
    const keys = (event: KeyboardEvent): void => onKeyDown(event)
    const pointer = (event: PointerEvent): void => onPointerDown(event)
    document.addEventListener('keydown', keys)
    document.addEventListener('pointerdown', pointer)
    return () => {
      document.removeEventListener('keydown', keys)
      document.removeEventListener('pointerdown', pointer)
    }
  }, [])

  return (
    <details ref={ref} className={className ? `popover ${className}` : 'popover'}>
      <summary {...summaryProps}>{summary}</summary>
      <div className="popover-body">{children}</div>
    </details>
  )
}
