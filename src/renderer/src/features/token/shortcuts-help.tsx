import { useTranslation } from 'react-i18next'
import { Popover } from '../../components/popover'

/** The keyboard shortcuts, one press away; Esc closes the list again. */
export function ShortcutsHelp() {
  const { t } = useTranslation('common')
  const rows: [string, string][] = [
    ['Ctrl/⌘ + R', t('shortcuts.refresh')],
    ['Ctrl/⌘ + Shift + C', t('shortcuts.copy')],
    ['Ctrl/⌘ + Enter', t('shortcuts.send')],
    ['Ctrl/⌘ + N', t('shortcuts.addApp')],
    ['↑ / ↓', t('shortcuts.apps')],
    ['← / →', t('shortcuts.tabs')],
    ['Enter', t('shortcuts.submit')],
    ['Esc', t('shortcuts.close')]
  ]
  return (
    <Popover summary={t('shortcuts.title')} className="shortcuts">
      <dl aria-label={t('shortcuts.title')}>
        {rows.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </Popover>
  )
}
