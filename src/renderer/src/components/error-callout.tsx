import { useTranslation } from 'react-i18next'
import type { DeskError } from '../../../shared/result'
import { useLocalize } from '../lib/use-localize'
import './error-callout.css'

export interface ErrorCalloutProps {
  error: DeskError
  onDismiss?: () => void
}

/** A DeskError as the user needs it: what happened, how to fix it, and the raw facts to quote. */
export function ErrorCallout({ error, onDismiss }: ErrorCalloutProps) {
  const { t } = useTranslation('common')
  const localize = useLocalize()
  const details: [string, string][] = [[t('error.code'), error.code]]
  if (error.errcode !== undefined) details.push([t('error.errcode'), String(error.errcode)])
  if (error.errmsg) details.push([t('error.errmsg'), error.errmsg])
  if (error.rid) details.push([t('error.rid'), error.rid])
  if (error.httpStatus !== undefined) details.push([t('error.httpStatus'), String(error.httpStatus)])

  return (
    <div role="alert" className="callout callout-error">
      <div className="callout-body">
        <p className="callout-message">{localize(error.message)}</p>
        {error.fix && (
          <p className="callout-fix">
            <strong>{t('error.fix')}</strong> {localize(error.fix)}
          </p>
        )}
        <dl className="callout-details" aria-label={t('error.details')}>
          {details.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {onDismiss && (
        <button type="button" className="quiet" aria-label={t('error.dismissError')} onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  )
}
