import { useTranslation } from 'react-i18next'

/** The keyboard shortcuts, one click away. */
export function ShortcutsHelp() {
  const { t } = useTranslation('common')
  const rows: [string, string][] = [
    ['Ctrl/⌘ + R', t('shortcuts.refresh')],
    ['Ctrl/⌘ + Shift + C', t('shortcuts.copy')],
    ['Ctrl/⌘ + N', t('shortcuts.addApp')],
    ['↑ / ↓', t('shortcuts.apps')],
    ['Enter', t('shortcuts.submit')],
    ['Esc', t('shortcuts.close')]
  ]
  return (
    <details className="shortcuts">
      <summary>{t('shortcuts.title')}</summary>
      <dl>
        {rows.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
