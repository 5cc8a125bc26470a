import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { useMainNow } from '../../lib/main-clock'
import { selectTokenSlot, useTokensStore } from './tokens-store'
import { ShortcutsHelp } from './shortcuts-help'
import { TokenActions } from './token-actions'
import { clearTokenError } from './token-commands'
import { TokenFacts } from './token-facts'
import { TokenLifetime } from './token-lifetime'
import { TokenStatusLine } from './token-status-line'
import { TokenValue } from './token-value'
import { useTokenShortcuts } from './use-token-shortcuts'
import './token.css'

/** Everything about the selected app's access_token. A failed action shows its error; the token shown stays. */
export function TokenPanel({ app }: { app: AppView }) {
  const { t } = useTranslation(['token', 'common'])
  const slot = useTokensStore(selectTokenSlot(app.id))
  const mainNow = useMainNow(slot.skewMs)
  useTokenShortcuts(app.id, slot.view?.held ?? false)

  return (
    <section aria-label={t('label')} className="panel token-panel" aria-busy={slot.busy !== null}>
      <header className="panel-header">
        <h2>{t('label')}</h2>
        <ShortcutsHelp />
      </header>
      <TokenValue profileId={app.id} slot={slot} />
      <TokenLifetime view={slot.view} mainNow={mainNow} />
      {slot.view ? (
        <TokenFacts view={slot.view} mainNow={mainNow} />
      ) : (
        <p className="muted">{t('common:loading')}</p>
      )}
      <TokenActions app={app} slot={slot} mainNow={mainNow} />
      <TokenStatusLine profileId={app.id} status={slot.status} />
      {slot.error && <ErrorCallout error={slot.error} onDismiss={() => clearTokenError(app.id)} />}
    </section>
  )
}
