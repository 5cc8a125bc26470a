import { useEffect, useEffectEvent } from 'react'
import { isModalOpen } from '../../components/modal-stack'
import { isShortcut } from '../../lib/shortcuts'
import { copyToken, runTokenCommand } from './token-commands'

/**
 * Ctrl/⌘+R refreshes (instead of reloading the window); Ctrl/⌘+Shift+C copies the token, leaving plain
 * Ctrl/⌘+C to copy selected text. Both pause while a dialog is open.
 */
export function useTokenShortcuts(profileId: string, held: boolean): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (isModalOpen() || event.repeat) return
    if (isShortcut(event, 'r')) {
      event.preventDefault()
      void runTokenCommand(profileId, 'refresh')
    } else if (isShortcut(event, 'c', { shift: true })) {
      event.preventDefault()
      if (held) void copyToken(profileId, 'token')
    }
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
