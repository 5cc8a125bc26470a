import { useTranslation } from 'react-i18next'
import { showMain, useViewStore } from '../../app/view-store'
import { stateOf, useLocalApiStore } from './local-api-store'
import './local-api-nav.css'

/** The sidebar's way to the (global) Local API panel, with a glance at whether it is serving. */
export function LocalApiNavEntry() {
  const { t } = useTranslation('localApi')
  const shown = useViewStore((state) => state.main === 'local-api')
  const status = useLocalApiStore((state) => state.status)
  const state = stateOf(status)
  const title =
    state === 'running'
      ? t('nav.running', { url: status?.url ?? '' })
      : state === 'failed'
        ? t('nav.failed')
        : t('nav.stopped')

  return (
    <button
      type="button"
      className="sidebar-item sidebar-entry"
      aria-current={shown ? 'page' : undefined}
      title={state === 'loading' ? undefined : title}
      onClick={() => showMain('local-api')}
    >
      <span className="sidebar-entry-name">{t('nav.label')}</span>
      {state !== 'loading' && (
        <span className={`sidebar-entry-state sidebar-entry-${state}`} aria-hidden="true">
          <span className={`status-dot status-dot-${state === 'running' ? 'on' : state}`} />
          {state === 'running'
            ? `:${status?.boundPort ?? ''}`
            : t(state === 'failed' ? 'state.failed' : 'nav.off')}
        </span>
      )}
    </button>
  )
}
