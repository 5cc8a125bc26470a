import { useTranslation } from 'react-i18next'

/** The workspace's main action on screen: Fetch on the Token tab, the redirect URI on the OAuth tab. */
function focusMainAction(): void {
  const candidates = document.querySelectorAll<HTMLElement>('main [data-primary-action]')
  const shown = Array.from(candidates).find((element) => element.getClientRects().length > 0)
  shown?.focus()
}

/** The first Tab stop of the window, hidden until focused: one press from the top to the main action. */
export function SkipLink() {
  const { t } = useTranslation('common')
  return (
    <button type="button" className="skip-link" onClick={focusMainAction}>
      {t('skipToActions')}
    </button>
  )
}
