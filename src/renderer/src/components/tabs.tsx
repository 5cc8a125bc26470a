import type { KeyboardEvent, ReactNode } from 'react'
import './tabs.css'

export interface TabItem<V extends string> {
  value: V
  label: string
}

const tabId = (idBase: string, value: string): string => `${idBase}-tab-${value}`
const panelId = (idBase: string, value: string): string => `${idBase}-panel-${value}`

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1
}

export interface TabListProps<V extends string> {
  /** Accessible name of the tab list. */
  label: string
  /** Shared by the list and its panels (from `useId`), so tabs and panels point at each other. */
  idBase: string
  items: readonly TabItem<V>[]
  selected: V
  onSelect: (value: V) => void
  className?: string
}

/**
 * A row of tabs (WAI-ARIA tabs pattern): one tab stop, arrow keys / Home / End move and select (selection
 * follows focus), each tab controls the `TabPanel` with the same `idBase` and value.
 */
export function TabList<V extends string>({
  label,
  idBase,
  items,
  selected,
  onSelect,
  className
}: TabListProps<V>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const move = MOVES[event.key]
    if (!move || items.length === 0) return
    const index = Math.max(
      0,
      items.findIndex((item) => item.value === selected)
    )
    const next = items[move(index, items.length)]
    if (!next) return
    event.preventDefault()
    onSelect(next.value)
    event.currentTarget.querySelector<HTMLElement>(`[id="${tabId(idBase, next.value)}"]`)?.focus()
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      className={className ? `tablist ${className}` : 'tablist'}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => {
        const isSelected = item.value === selected
        return (
          <button
            key={item.value}
            type="button"
            role="tab"
            id={tabId(idBase, item.value)}
            aria-selected={isSelected}
            aria-controls={panelId(idBase, item.value)}
            tabIndex={isSelected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(item.value)}
          >
            {item.label}
          </button>
        )
      })}
    </div>
  )
}

export interface TabPanelProps {
  idBase: string
  value: string
  selected: boolean
  className?: string
  children: ReactNode
}

/** The content of one tab; hidden (but kept mounted, so nothing typed is lost) while another tab is shown. */
export function TabPanel({ idBase, value, selected, className, children }: TabPanelProps) {
  return (
    <div
      role="tabpanel"
      id={panelId(idBase, value)}
      aria-labelledby={tabId(idBase, value)}
      hidden={!selected}
      className={className}
    >
      {children}
    </div>
  )
}
