import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { useLocalize } from '../../lib/use-localize'
import { useAppName } from '../apps/app-name'
import { useAppsStore } from '../apps/apps-store'
import { useTokensStore } from './tokens-store'
import { cancelPending, confirmPending } from './token-commands'

/** Opens when main answers `confirmation-required`; Confirm re-sends the call with `confirmed: true`. */
export function TokenConfirmDialog() {
  const { t } = useTranslation('token')
  const localize = useLocalize()
  const nameOf = useAppName()
  const pending = useTokensStore((state) => state.confirmation)
  const quota = useTokensStore((state) =>
    pending === null ? undefined : state.slots[pending.profileId]?.view?.quota
  )
  const app = useAppsStore((state) => state.apps.find((candidate) => candidate.id === pending?.profileId))
  const appName = app ? nameOf(app) : undefined
  if (pending === null) return null

  return (
    <ConfirmDialog
      title={t(`confirm.title.${pending.command}`, { name: appName ?? pending.profileId })}
      confirmLabel={t('confirm.confirm')}
      cancelLabel={t('confirm.cancel')}
      onConfirm={() => void confirmPending()}
      onCancel={cancelPending}
    >
      {/* Main says what is at stake for this app (5-minute death of the prod token, or the 20-a-day budget). */}
      <p>{localize(pending.reason)}</p>
      {pending.command === 'force' && quota && (
        <p className="muted">{t('confirm.forceUsed', { used: quota.forceUsed, limit: quota.forceLimit })}</p>
      )}
    </ConfirmDialog>
  )
}
