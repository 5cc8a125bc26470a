import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ActionButton } from '../../components/action-button'
import { ErrorCallout } from '../../components/error-callout'
import { formatCountdown, secondsUntil } from '../../lib/format'
import { useMainNow } from '../../lib/main-clock'
import {
  copyJssdkTicket,
  fetchJssdkTicket,
  hideJssdkTicket,
  refreshJssdkTicket,
  revealJssdkTicket
} from './jssdk-commands'
import { setJssdkError, useJssdkStore } from './jssdk-store'

/** The app's jsapi_ticket as the desk shares it: masked unless revealed, with the time it has left. */
export function TicketPanel({ profileId }: { profileId: string }) {
  const { t } = useTranslation('jssdk')
  const ticket = useJssdkStore((state) => state.ticket)
  const revealed = useJssdkStore((state) => state.revealed)
  const skewMs = useJssdkStore((state) => state.skewMs)
  const busy = useJssdkStore((state) => state.busy)
  const error = useJssdkStore((state) => state.errors.ticket)
  const now = useMainNow(skewMs)
  const ids = { value: useId(), heading: useId() }
  const held = ticket?.held ?? false
  const notHeld = held ? null : t('ticket.none')
  const left = ticket?.expiresAt == null ? null : secondsUntil(ticket.expiresAt, now)

  return (
    <section className="step" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="step-heading">
        {t('ticket.heading')}
      </h3>
      <p className="hint">{t('ticket.hint')}</p>
      <div className="jssdk-row">
        <label htmlFor={ids.value}>{t('ticket.value')}</label>
        <input
          id={ids.value}
          readOnly
          className="mono jssdk-grow"
          value={revealed ?? ticket?.masked ?? ''}
          placeholder={t('ticket.none')}
        />
        {left !== null && (
          <span className="muted" role="timer">
            {left > 0 ? t('ticket.expires', { in: formatCountdown(left) }) : t('ticket.expired')}
          </span>
        )}
      </div>
      <div className="jssdk-row jssdk-wrap">
        <ActionButton
          className="primary"
          busy={busy === 'fetch'}
          onClick={() => void (held ? refreshJssdkTicket(profileId) : fetchJssdkTicket(profileId))}
        >
          {held ? t('ticket.refresh') : t('ticket.fetch')}
        </ActionButton>
        {revealed ? (
          <button type="button" onClick={hideJssdkTicket}>
            {t('ticket.hide')}
          </button>
        ) : (
          <ActionButton
            busy={busy === 'reveal'}
            unavailable={notHeld}
            onClick={() => void revealJssdkTicket(profileId)}
          >
            {t('ticket.reveal')}
          </ActionButton>
        )}
        <ActionButton
          busy={busy === 'copy'}
          unavailable={notHeld}
          onClick={() => void copyJssdkTicket(profileId)}
        >
          {t('ticket.copy')}
        </ActionButton>
        {(ticket?.previousCount ?? 0) > 0 && (
          <span className="hint">{t('ticket.previous', { count: ticket?.previousCount ?? 0 })}</span>
        )}
      </div>
      {error && <ErrorCallout error={error} onDismiss={() => setJssdkError('ticket', null)} />}
    </section>
  )
}
