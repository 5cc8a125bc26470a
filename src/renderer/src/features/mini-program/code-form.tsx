import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MiniProgramCodeKind } from '../../../../shared/contract'
import { ActionButton } from '../../components/action-button'
import { ErrorCallout } from '../../components/error-callout'
import { isFieldError } from '../../lib/desk'
import { formatCountdown, secondsUntil } from '../../lib/format'
import { useMainNow } from '../../lib/main-clock'
import { useLocalize } from '../../lib/use-localize'
import { exchangeCode, readPhoneNumber, simulateCode } from './mini-program-commands'
import { setMiniProgramError, useMiniProgramStore } from './mini-program-store'

export interface CodeFormProps {
  profileId: string
  kind: MiniProgramCodeKind
  /** The sandbox user to simulate for; null when the emulator does not answer for this app. */
  simulateAs: { id: string; nickname: string } | null
  canSend: boolean
}

/**
 * One code in, one WeChat call out: a wx.login code to jscode2session, or a phone code (and optionally the
 * openid to check) to getuserphonenumber. On the sandbox the emulator fills the code in.
 */
export function CodeForm({ profileId, kind, simulateAs, canSend }: CodeFormProps) {
  const ns = kind === 'login' ? 'login' : 'phone'
  const { t } = useTranslation('miniProgram')
  const localize = useLocalize()
  const busy = useMiniProgramStore((state) => state.busy)
  const error = useMiniProgramStore((state) => state.errors[ns])
  const simulated = useMiniProgramStore((state) => state.simulated[kind])
  const skewMs = useMiniProgramStore((state) => state.skewMs)
  const now = useMainNow(skewMs)
  const [code, setCode] = useState('')
  const [openid, setOpenid] = useState('')
  const ids = { heading: useId(), code: useId(), openid: useId(), issue: useId() }
  const empty = code.trim() === ''
  const codeIssue =
    error && isFieldError(error) ? error.issues?.find((issue) => issue.path === 'code')?.message : undefined

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    if (empty || !canSend) return
    void (kind === 'login' ? exchangeCode(profileId, code) : readPhoneNumber(profileId, code, openid))
  }
  const simulate = async (): Promise<void> => {
    if (!simulateAs) return
    const issued = await simulateCode(profileId, kind, simulateAs.id)
    if (issued) setCode(issued.code)
  }
  const left = simulated && simulated.code === code ? secondsUntil(simulated.expiresAt, now) : null

  return (
    <section className="step" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="step-heading">
        {t(`${ns}.heading`)}
      </h3>
      <form className="mp-form" onSubmit={onSubmit} aria-labelledby={ids.heading}>
        <div className="field">
          <label htmlFor={ids.code}>{t(`${ns}.code`)}</label>
          <div className="mp-row">
            <input
              id={ids.code}
              className="mono mp-grow"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={codeIssue ? true : undefined}
              aria-describedby={codeIssue ? ids.issue : undefined}
              value={code}
              onChange={(event) => setCode(event.target.value)}
            />
            {simulateAs && (
              <ActionButton busy={busy === `simulate-${kind}`} onClick={() => void simulate()}>
                {t(`${ns}.simulate`)}
              </ActionButton>
            )}
          </div>
          {codeIssue && (
            <p id={ids.issue} className="field-issue">
              {localize(codeIssue)}
            </p>
          )}
          {left !== null && simulateAs && (
            <p className="field-hint" role="timer">
              {t('simulator.expires', { user: simulateAs.nickname, in: formatCountdown(left) })}
            </p>
          )}
        </div>
        {kind === 'phone' && (
          <div className="field">
            <label htmlFor={ids.openid}>{t('phone.openid')}</label>
            <input
              id={ids.openid}
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={openid}
              onChange={(event) => setOpenid(event.target.value)}
            />
          </div>
        )}
        <div className="mp-row">
          <ActionButton
            type="submit"
            className="primary"
            busy={busy === (kind === 'login' ? 'exchange' : 'phone')}
            unavailable={!canSend ? t('noSecret') : empty ? t(`${ns}.empty`) : null}
          >
            {t(`${ns}.submit`)}
          </ActionButton>
          <span className="hint">{t(`${ns}.shortcut`)}</span>
        </div>
      </form>
      {error && !codeIssue && <ErrorCallout error={error} onDismiss={() => setMiniProgramError(ns, null)} />}
    </section>
  )
}
