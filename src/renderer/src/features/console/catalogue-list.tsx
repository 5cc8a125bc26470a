import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CONSOLE_GROUPS,
  requestFromEntry,
  searchCatalogue,
  type CatalogueEntry
} from '../../../../shared/console-catalogue'
import type { AppView } from '../../../../shared/contract'
import { useLocalize } from '../../lib/use-localize'
import { loadDraft, setConsole, useConsoleStore } from './console-store'

/** The curated APIs, searchable in either language; choosing one puts its template in the composer. */
export function CatalogueList({ app }: { app: AppView }) {
  const { t } = useTranslation('console')
  const localize = useLocalize()
  const search = useConsoleStore((state) => state.catalogueSearch)
  const path = useConsoleStore((state) => state.draft.path)
  const searchId = useId()
  const found = searchCatalogue(search)
  const choose = (item: CatalogueEntry): void => loadDraft(requestFromEntry(item, app.appId))
  return (
    <nav className="console-catalogue" aria-label={t('catalogue.heading')}>
      <label htmlFor={searchId} className="sr-only">
        {t('catalogue.search')}
      </label>
      <input
        id={searchId}
        type="search"
        placeholder={t('catalogue.searchHint')}
        value={search}
        onChange={(event) => setConsole({ catalogueSearch: event.target.value })}
      />
      {found.length === 0 && <p className="hint">{t('catalogue.none')}</p>}
      {CONSOLE_GROUPS.map((group) => {
        const items = found.filter((item) => item.group === group)
        if (items.length === 0) return null
        return (
          <section key={group} aria-label={t(`catalogue.groups.${group}`)}>
            <h3>{t(`catalogue.groups.${group}`)}</h3>
            <ul>
              {items.map((item) => (
                <li key={item.id}>
                  <button
                    type="button"
                    className="catalogue-item"
                    aria-current={item.path === path || undefined}
                    title={`${item.method} ${item.path}`}
                    onClick={() => choose(item)}
                  >
                    <span>{localize(item.title)}</span>
                    <span className="mono muted">
                      {item.method} {item.path}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
    </nav>
  )
}
