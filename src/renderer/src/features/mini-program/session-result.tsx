import { useTranslation } from 'react-i18next'
import { ActionButton } from '../../components/action-button'
import { hideSessionKey, revealSessionKey } from './mini-program-commands'
import { useMiniProgramStore } from './mini-program-store'

/** What jscode2session answered: openid, unionid, and the session_key masked unless revealed. */
export function SessionResult() {
  const { t } = useTranslation('miniProgram')
  const session = useMiniProgramStore((state) => state.session)
  const revealed = useMiniProgramStore((state) => state.revealedKey)
  const busy = useMiniProgramStore((state) => state.busy)
  if (!session) return null
  return (
    <dl className="mp-facts" aria-label={t('login.result')}>
      <dt>{t('login.openid')}</dt>
      <dd className="mono">{session.openid}</dd>
      <dt>{t('login.unionid')}</dt>
      <dd className="mono">{session.unionid ?? t('login.noUnionid')}</dd>
      <dt>{t('login.sessionKey')}</dt>
      <dd className="mp-row">
        <output className="mono">{revealed ?? session.sessionKeyMasked}</output>
        {revealed ? (
          <button type="button" onClick={hideSessionKey}>
            {t('login.hide')}
          </button>
        ) : (
          <ActionButton busy={busy === 'reveal'} onClick={() => void revealSessionKey(session.id)}>
            {t('login.reveal')}
          </ActionButton>
        )}
      </dd>
    </dl>
  )
}

/** What getuserphonenumber answered. */
export function PhoneResult() {
  const { t } = useTranslation('miniProgram')
  const phone = useMiniProgramStore((state) => state.phone)
  if (!phone) return null
  return (
    <dl className="mp-facts" aria-label={t('phone.result')}>
      <dt>{t('phone.phoneNumber')}</dt>
      <dd className="mono">{phone.phoneNumber}</dd>
      <dt>{t('phone.purePhoneNumber')}</dt>
      <dd className="mono">{phone.purePhoneNumber}</dd>
      <dt>{t('phone.countryCode')}</dt>
      <dd className="mono">{phone.countryCode}</dd>
      <dt>{t('phone.watermark')}</dt>
      <dd className="mono">{t('phone.watermarkValue', phone.watermark)}</dd>
    </dl>
  )
}
