import { createContext, useContext, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { parseCallerIp } from '../../../shared/errcodes'
import type { DeskError } from '../../../shared/result'
import { copyPlainText } from '../lib/clipboard'
import { useLocalize } from '../lib/use-localize'
import './error-callout.css'

/** Something the user can do about an error, right where it is shown. */
export interface CalloutAction {
  label: string
  onClick: () => void
  busy?: boolean
}

export interface ErrorCalloutProps {
  error: DeskError
  onDismiss?: () => void
  /** What can be done about it here (Retry, Edit app …); copying the IP or rid is offered by the callout itself. */
  actions?: readonly CalloutAction[]
  /** More to say under the fix (e.g. when the desk tries again by itself). */
  children?: ReactNode
}

/**
 * What the app offers on every callout whose WeChat error carries a rid (the console's Look up). Given by the
 * app shell, so this component knows no feature.
 */
export const RidActionContext = createContext<((rid: string) => ReactNode) | null>(null)

/** WeChat's errmsg without its `rid: …` tail: the rid has its own row, so it is printed once. */
export const errmsgWithoutRid = (errmsg: string): string =>
  errmsg.replace(/[\s,;]*\b(?:rid:\s*[0-9A-Za-z-]+|hints?:\s*\[[^\]]*\])\s*$/, '').trim()

/** The IP WeChat saw, for errcodes that ask to whitelist it. */
const ipToWhitelist = (error: DeskError): string | null =>
  (error.errcode === 40164 || error.errcode === 61004) && error.errmsg ? parseCallerIp(error.errmsg) : null

/**
 * A DeskError as the user needs it: what happened, how to fix it, what can be done right here, and the raw
 * facts to quote (errcode, errmsg, rid once, HTTP status). Internal error kinds are not shown: the message
 * already says what went wrong, in the reader's language.
 */
export function ErrorCallout({ error, onDismiss, actions = [], children }: ErrorCalloutProps) {
  const { t } = useTranslation('common')
  const localize = useLocalize()
  const ridAction = useContext(RidActionContext)
  const [copied, setCopied] = useState<string | null>(null)
  const ip = ipToWhitelist(error)
  const copy = async (what: string, text: string): Promise<void> => {
    if (await copyPlainText(text)) setCopied(what)
  }
  const details: [string, string][] = []
  if (error.errcode !== undefined) details.push([t('error.errcode'), String(error.errcode)])
  const errmsg = error.errmsg ? errmsgWithoutRid(error.errmsg) : ''
  if (errmsg !== '') details.push([t('error.errmsg'), errmsg])
  if (error.rid) details.push([t('error.rid'), error.rid])
  if (error.httpStatus !== undefined) details.push([t('error.httpStatus'), String(error.httpStatus)])

  const builtIn: CalloutAction[] = []
  if (ip) builtIn.push({ label: t('error.copyIp', { ip }), onClick: () => void copy('ip', ip) })
  if (error.rid) {
    const rid = error.rid
    builtIn.push({ label: t('error.copyRid'), onClick: () => void copy('rid', rid) })
  }
  const all = [...actions, ...builtIn]

  return (
    <div role="alert" className="callout callout-error">
      <div className="callout-body">
        <p className="callout-message">{localize(error.message)}</p>
        {error.fix && (
          <p className="callout-fix">
            <strong>{t('error.fix')}</strong> {localize(error.fix)}
          </p>
        )}
        {children}
        {all.length > 0 && (
          <div className="callout-actions" role="group" aria-label={t('error.actions')}>
            {all.map((action) => (
              <button
                key={action.label}
                type="button"
                aria-busy={action.busy || undefined}
                onClick={() => {
                  if (!action.busy) action.onClick()
                }}
              >
                {action.label}
              </button>
            ))}
            <span role="status" className="callout-copied">
              {copied === 'ip' ? t('error.copiedIp') : copied === 'rid' ? t('error.copiedRid') : ''}
            </span>
          </div>
        )}
        {error.rid && error.errcode !== undefined && ridAction?.(error.rid)}
        {details.length > 0 && (
          <dl className="callout-details" aria-label={t('error.details')}>
            {details.map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      {onDismiss && (
        <button type="button" className="quiet" aria-label={t('error.dismissError')} onClick={onDismiss}>
          {t('error.dismiss')}
        </button>
      )}
    </div>
  )
}
