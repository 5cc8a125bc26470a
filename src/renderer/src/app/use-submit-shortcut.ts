import { useEffect } from 'react'
import { isSubmitShortcut } from '../lib/shortcuts'

/**
 * Ctrl/⌘+Enter sends the form the focus is in (Postman's habit): Build link, Exchange (from the paste box,
 * where Enter alone makes a new line), the app dialog's Save. Outside a form it does nothing.
 */
export function useSubmitShortcut(): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => {
      if (!isSubmitShortcut(event) || event.repeat) return
      const form = event.target instanceof Element ? event.target.closest('form') : null
      if (!form) return
      event.preventDefault()
      form.requestSubmit()
    }
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
