import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import type { DeskError } from '../../../../shared/result'
import { ErrorCallout, type CalloutAction } from '../../components/error-callout'
import { copyPlainText } from '../../lib/clipboard'
import { useMainNow } from '../../lib/main-clock'
import { openAppDialog } from '../apps/apps-store'
import { isUpstreamCommand, selectTokenSlot, useTokensStore } from './tokens-store'
import { ShortcutsHelp } from './shortcuts-help'
import { TokenActions } from './token-actions'
import { clearTokenError, runTokenCommand } from './token-commands'
import { TokenFacts } from './token-facts'
import { TokenLifetime } from './token-lifetime'
import { RejectedNotice, RememberedNotice, StompingReport } from './token-notices'
import { TokenProgress } from './token-progress'
import { retryAction } from './token-state'
import { TokenStatusLine } from './token-status-line'
import { TokenValue } from './token-value'
import { useTokenShortcuts } from './use-token-shortcuts'
import './token.css'
import { offerQuotaReset } from '../console/console-commands'

/** Errors that only a change to the app's profile fixes. */
const FIXED_IN_EDIT = new Set([40125, 40001, 40013, 40243, 41004])

/** clear_quota needs the AppSecret, which stays in main: the command reads it from the shell instead. */
const clearQuotaCommand = (app: AppView): string =>
  `curl -sS -X POST '${app.apiBase}/cgi-bin/clear_quota/v2' -H 'Content-Type: application/json' ` +
  `-d '{"appid":"${app.appId}","appsecret":"'"$WECHAT_APPSECRET"'"}'`

/** What the failed action's callout offers: retry it, fix the profile, reset the quota. */
function useErrorActions(app: AppView, error: DeskError | null): CalloutAction[] {
  const { t } = useTranslation('token')
  const slot = useTokensStore(selectTokenSlot(app.id))
  const [copied, setCopied] = useState(false)
  if (!error) return []
  const actions: CalloutAction[] = []
  const retry = retryAction(slot.view)
  // "Retry now" of a remembered error sits with its notice.
  if (retry && !retry.retryNow) {
    actions.push({
      label: t('retryAgain'),
      busy: isUpstreamCommand(slot.busy),
      onClick: () => void runTokenCommand(app.id, retry.command)
    })
  }
  if (!app.isSandbox && (error.code === 'no-secret' || FIXED_IN_EDIT.has(error.errcode ?? 0)))
    actions.push({ label: t('editApp'), onClick: () => openAppDialog(app.id, 'edit') })
  if (error.errcode === 45009) {
    actions.push({ label: t('resetQuota'), onClick: () => offerQuotaReset(app.appId) })
    actions.push({
      label: copied ? t('copiedClearQuota') : t('copyClearQuota'),
      onClick: () => void copyPlainText(clearQuotaCommand(app)).then(setCopied)
    })
  }
  return actions
}

/** Everything about the selected app's access_token. A failed action shows its error; the token shown stays. */
export function TokenPanel({ app }: { app: AppView }) {
  const { t } = useTranslation(['token', 'common'])
  const slot = useTokensStore(selectTokenSlot(app.id))
  const mainNow = useMainNow(slot.skewMs)
  const fetchRef = useRef<HTMLButtonElement>(null)
  const actions = useErrorActions(app, slot.error)
  useTokenShortcuts(app, slot.view?.held ?? false)

  return (
    <section aria-label={t('label')} className="panel token-panel" aria-busy={slot.busy !== null}>
      <header className="panel-header">
        <h2>{t('label')}</h2>
        <ShortcutsHelp />
      </header>
      {slot.view && <StompingReport view={slot.view} />}
      <TokenValue profileId={app.id} slot={slot} />
      <TokenActions app={app} slot={slot} mainNow={mainNow} fetchRef={fetchRef} />
      <TokenProgress profileId={app.id} slot={slot} onCancelled={() => fetchRef.current?.focus()} />
      <TokenStatusLine profileId={app.id} status={slot.status} />
      {slot.error && (
        <ErrorCallout error={slot.error} actions={actions} onDismiss={() => clearTokenError(app.id)} />
      )}
      {slot.view && (
        <RememberedNotice
          profileId={app.id}
          view={slot.view}
          mainNow={mainNow}
          busy={slot.busy === 'refresh'}
        />
      )}
      {slot.view && <RejectedNotice view={slot.view} />}
      <TokenLifetime view={slot.view} mainNow={mainNow} />
      {slot.view ? (
        <TokenFacts view={slot.view} mainNow={mainNow} />
      ) : (
        <p className="muted">{t('common:loading')}</p>
      )}
    </section>
  )
}
