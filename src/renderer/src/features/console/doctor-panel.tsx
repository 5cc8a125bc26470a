import { useTranslation } from 'react-i18next'
import { CLEAR_QUOTA_PER_MONTH } from '../../../../shared/console-catalogue'
import type { AppView } from '../../../../shared/contract'
import { explainErrcode } from '../../../../shared/errcodes'
import { ConfirmDialog } from '../../components/confirm-dialog'
import { useLocalize } from '../../lib/use-localize'
import { askQuotaReset, composeQuotaReset, confirmQuotaReset, loadConsoleQuota } from './console-commands'
import { setConsole, useConsoleStore } from './console-store'

/** The composer path's daily quota, and the two quota resets behind a confirmation showing WeChat's limit. */
export function DoctorPanel({ app }: { app: AppView }) {
  const { t } = useTranslation('console')
  const localize = useLocalize()
  const quota = useConsoleStore((state) => state.quota)
  const confirmReset = useConsoleStore((state) => state.confirmReset)
  const path = useConsoleStore((state) => state.draft.path)
  return (
    <section className="console-doctor" aria-label={t('doctor.heading')}>
      <h3>{t('doctor.heading')}</h3>
      <div className="console-line">
        <button type="button" onClick={() => void loadConsoleQuota()}>
          {t('doctor.quota')} <span className="mono">{path}</span>
        </button>
        <button
          type="button"
          onClick={() => askQuotaReset(composeQuotaReset('/cgi-bin/clear_quota', app.appId))}
        >
          {t('doctor.clearQuota')}
        </button>
        <button
          type="button"
          onClick={() => askQuotaReset(composeQuotaReset('/cgi-bin/clear_quota/v2', app.appId))}
        >
          {t('doctor.clearQuotaV2')}
        </button>
      </div>
      {quota?.quota && (
        <p role="status">
          <span className="mono">{quota.cgiPath}</span>:{' '}
          {t('doctor.quotaResult', {
            limit: quota.quota.dailyLimit,
            used: quota.quota.used,
            remain: quota.quota.remain
          })}
        </p>
      )}
      {quota?.refusal && (
        <p role="status" className="field-issue">
          {quota.refusal.errcode} ·{' '}
          {localize(explainErrcode(quota.refusal.errcode, quota.refusal.errmsg, 'other').title)}
        </p>
      )}
      {confirmReset && (
        <ConfirmDialog
          title={t('doctor.confirmTitle')}
          confirmLabel={t('doctor.confirm')}
          cancelLabel={t('doctor.keep')}
          onConfirm={() => void confirmQuotaReset()}
          onCancel={() => setConsole({ confirmReset: null })}
        >
          <p>{t('doctor.confirmBody', { limit: CLEAR_QUOTA_PER_MONTH })}</p>
          <p className="mono">{confirmReset.path}</p>
          {confirmReset.path.endsWith('/v2') && <p>{t('doctor.confirmV2')}</p>}
        </ConfirmDialog>
      )}
    </section>
  )
}
