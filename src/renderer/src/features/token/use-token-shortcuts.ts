import { useEffect, useEffectEvent } from 'react'
import type { AppView } from '../../../../shared/contract'
import { useViewStore } from '../../app/view-store'
import { isModalOpen } from '../../components/modal-stack'
import { isShortcut } from '../../lib/shortcuts'
import { copyToken, refreshFromShortcut } from './token-commands'

/**
 * Ctrl/⌘+R refreshes and Ctrl/⌘+Shift+C copies the token — only while the token panel is the one on screen
 * (not on the OAuth tab, not under a dialog), and Ctrl/⌘+R on a classic app asks first, as a reflexive reload
 * key must not kill the token other services hold. Ctrl/⌘+R never reloads the window: that would only lose
 * what is typed.
 */
export function useTokenShortcuts(app: Pick<AppView, 'id' | 'mode'>, held: boolean): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    const refresh = isShortcut(event, 'r')
    const copy = isShortcut(event, 'c', { shift: true })
    if (!refresh && !copy) return
    if (refresh) event.preventDefault()
    const { main, appTab } = useViewStore.getState()
    if (isModalOpen() || event.repeat || main !== 'app' || appTab !== 'token') return
    event.preventDefault()
    if (refresh) refreshFromShortcut(app.id, app.mode)
    else if (held) void copyToken(app.id, 'token')
  })

  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onKeyDown(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])
}
