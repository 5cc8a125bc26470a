import { useId, type ButtonHTMLAttributes, type MouseEvent, type Ref } from 'react'

export interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /** Its command is running: the button says so (aria-busy) and ignores presses, but keeps focus. */
  busy?: boolean
  /** Why it cannot be used now; null or absent when it can. Read on hover and by screen readers. */
  unavailable?: string | null
  ref?: Ref<HTMLButtonElement>
}

/**
 * A button that never drops the keyboard focus: busy or unavailable it stays focusable (aria-busy /
 * aria-disabled) instead of `disabled`, which would send focus to <body> mid-action, and it says why it is
 * unavailable instead of just greying out.
 */
export function ActionButton({
  busy = false,
  unavailable = null,
  onClick,
  className,
  title,
  ref,
  'aria-describedby': describedBy,
  ...rest
}: ActionButtonProps) {
  const reasonId = useId()
  const blocked = busy || unavailable !== null
  const onPress = (event: MouseEvent<HTMLButtonElement>): void => {
    if (blocked) {
      event.preventDefault()
      return
    }
    onClick?.(event)
  }
  const describers = [unavailable === null ? null : reasonId, describedBy ?? null].filter(Boolean).join(' ')
  return (
    <>
      <button
        type="button"
        {...rest}
        ref={ref}
        className={className}
        aria-busy={busy || undefined}
        aria-disabled={unavailable !== null || undefined}
        aria-describedby={describers === '' ? undefined : describers}
        title={unavailable ?? title}
        onClick={onPress}
      />
      {unavailable !== null && (
        <span id={reasonId} className="sr-only">
          {unavailable}
        </span>
      )}
    </>
  )
}
