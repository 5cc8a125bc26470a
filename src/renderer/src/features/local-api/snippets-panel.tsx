import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  LOCAL_API_SNIPPET_IDS,
  type LocalApiSnippetId,
  type LocalApiStatus
} from '../../../../shared/contract/local-api'
import { ChoiceSelect } from '../../components/choice-select'
import { ErrorCallout } from '../../components/error-callout'
import { TabList, TabPanel, type TabItem } from '../../components/tabs'
import { useAppName } from '../apps/app-name'
import { selectSelectedApp, useAppsStore } from '../apps/apps-store'
import { copyLocalApiSnippet } from './local-api-commands'
import { useLocalApiStore } from './local-api-store'
import { useSnippets } from './use-snippets'

/**
 * Ready-to-paste code for one app, one tab per SDK. The code on screen has no key in it; Copy asks main to
 * put the real one in, so the copy runs as is and the key never passes through this window.
 */
export function SnippetsPanel({ status }: { status: LocalApiStatus | null }) {
  const { t } = useTranslation('localApi')
  const ids = useId()
  const nameOf = useAppName()
  const apps = useAppsStore((state) => state.apps)
  const selected = useAppsStore(selectSelectedApp)
  const busy = useLocalApiStore((state) => state.busy)
  const [chosenId, setChosenId] = useState<string | null>(null)
  const [tab, setTab] = useState<LocalApiSnippetId>(LOCAL_API_SNIPPET_IDS[0])
  const app = apps.find((candidate) => candidate.id === chosenId) ?? selected ?? apps[0] ?? null
  const { snippets, error } = useSnippets(app, status)

  const tabs: TabItem<LocalApiSnippetId>[] = (snippets ?? []).map((s) => ({ value: s.id, label: s.title }))
  const hasKey = status?.hasKey ?? false
  const unboundPort = status !== null && status.port === 0 && !status.running

  return (
    <section aria-labelledby={`${ids}-heading`} className="panel local-api-snippets">
      <header className="panel-header">
        <h2 id={`${ids}-heading`}>{t('snippets.heading')}</h2>
        {app && (
          <div className="local-api-inline-field">
            <label htmlFor={`${ids}-app`}>{t('snippets.app')}</label>
            <ChoiceSelect
              id={`${ids}-app`}
              value={app.id}
              choices={apps.map((candidate) => candidate.id)}
              labelOf={(id) => {
                const candidate = apps.find((a) => a.id === id)
                return candidate ? nameOf(candidate) : id
              }}
              onChoose={setChosenId}
            />
          </div>
        )}
      </header>
      {app === null ? (
        <p className="muted">{t('snippets.noApp')}</p>
      ) : snippets === null ? (
        error ? null : (
          <p className="muted">{t('snippets.loading')}</p>
        )
      ) : (
        <>
          <TabList
            label={t('snippets.tabs')}
            idBase={ids}
            items={tabs}
            selected={tab}
            onSelect={setTab}
            className="snippet-tabs"
          />
          {snippets.map((snippet) => (
            <TabPanel key={snippet.id} idBase={ids} value={snippet.id} selected={snippet.id === tab}>
              {snippet.id === tab && (
                <>
                  <pre
                    className="snippet-code"
                    tabIndex={0}
                    aria-label={t('snippets.code', { title: snippet.title })}
                  >
                    <code>{snippet.code}</code>
                  </pre>
                  <div className="snippet-foot">
                    <p className="field-hint">
                      {hasKey ? t('snippets.placeholder') : t('snippets.noKey')}
                      {unboundPort && ` ${t('snippets.anyPort')}`}
                    </p>
                    <button
                      type="button"
                      disabled={busy === 'copy-snippet'}
                      onClick={() => void copyLocalApiSnippet(app.id, snippet.id, snippet.title)}
                    >
                      {t('snippets.copy')}
                    </button>
                  </div>
                </>
              )}
            </TabPanel>
          ))}
        </>
      )}
      {error && <ErrorCallout error={error} />}
    </section>
  )
}
