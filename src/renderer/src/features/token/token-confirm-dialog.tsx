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

  const name = appName ?? pending.profileId
  const { origin } = pending

  return (
    <ConfirmDialog
      title={
        origin.kind === 'shortcut'
          ? t('confirm.shortcutTitle', { name })
          : t(`confirm.title.${pending.command}`, { name })
      }
      confirmLabel={t('confirm.confirm')}
      cancelLabel={t('confirm.cancel')}
      onConfirm={() => void confirmPending()}
      onCancel={cancelPending}
    >
      {/* Main says what is at stake for this app (5-minute death of the prod token, or the 20-a-day budget). */}
      <p>{origin.kind === 'shortcut' ? t('confirm.shortcutBody') : localize(origin.reason)}</p>
      {pending.command === 'force' && quota && (
        <p className="muted">{t('confirm.forceUsed', { used: quota.forceUsed, limit: quota.forceLimit })}</p>
      )}
    </ConfirmDialog>
  )
}
