import { useEffect, useEffectEvent, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isModalOpen } from '../../components/modal-stack'
import { isShortcut } from '../../lib/shortcuts'
import { useAppsStore } from './apps-store'
import { showMain, useViewStore } from '../../app/view-store'
import { LocalApiNavEntry } from '../local-api/local-api-nav-entry'
import { AppFormDialog } from './app-form-dialog'
import { AppListItem } from './app-list-item'
import { selectApp } from './app-commands'
import './apps.css'

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index, count) => Math.min(count - 1, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, count) => count - 1
}

/** Arrow keys move through the list and select, like a list box whose selection follows focus. */
function moveThroughList(event: KeyboardEvent<HTMLUListElement>): void {
  const move = MOVES[event.key]
  if (!move) return
  const buttons = Array.from(event.currentTarget.querySelectorAll('button'))
  const index = buttons.findIndex((button) => button === document.activeElement)
  if (index === -1) return
  event.preventDefault()
  const next = buttons[move(index, buttons.length)]
  next?.focus()
  next?.click()
}

export function AppSidebar() {
  const { t } = useTranslation(['apps', 'common'])
  const apps = useAppsStore((state) => state.apps)
  const selectedId = useAppsStore((state) => state.selectedId)
  // While the Local API is shown no app is the current page, but the selection stays for when you come back.
  const appShown = useViewStore((state) => state.main === 'app')
  const [adding, setAdding] = useState(false)

  const onShortcut = useEffectEvent((event: globalThis.KeyboardEvent) => {
    if (isModalOpen() || !isShortcut(event, 'n')) return
    event.preventDefault()
    setAdding(true)
  })
  useEffect(() => {
    const listener = (event: globalThis.KeyboardEvent): void => onShortcut(event)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [])

  return (
    <aside className="sidebar">
      <nav aria-label={t('list')}>
        <ul className="app-list" onKeyDown={moveThroughList}>
          {apps.map((app, index) => (
            <li key={app.id}>
              <AppListItem
                app={app}
                selected={appShown && app.id === selectedId}
                tabbable={
                  selectedId !== null && apps.some((a) => a.id === selectedId)
                    ? app.id === selectedId
                    : index === 0
                }
                onSelect={(id) => {
                  showMain('app')
                  if (id !== selectedId) selectApp(id)
                }}
              />
            </li>
          ))}
        </ul>
      </nav>
      <button
        type="button"
        className="add-app"
        title={`${t('common:shortcuts.addApp')} (Ctrl/⌘+N)`}
        aria-keyshortcuts="Control+N Meta+N"
        onClick={() => setAdding(true)}
      >
        {t('add')}
      </button>
      <div className="sidebar-tools">
        <LocalApiNavEntry />
      </div>
      {adding && <AppFormDialog onClose={() => setAdding(false)} />}
    </aside>
  )
}
