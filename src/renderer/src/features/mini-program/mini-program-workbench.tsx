import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { CodeForm } from './code-form'
import { loadMiniProgramSetup } from './mini-program-commands'
import { setMiniProgramError, showMiniProgramApp, useMiniProgramStore } from './mini-program-store'
import { PhoneResult, SessionResult } from './session-result'
import './mini-program.css'

/**
 * Mini Program login for one app: a wx.login code exchanged with jscode2session, a phone code read with
 * getuserphonenumber; on apps the emulator answers, it plays the phone and issues both codes. The
 * session_key stays in main: the window sees a mask unless the user reveals it.
 */
export function MiniProgramWorkbench({ app }: { app: AppView }) {
  const { t } = useTranslation('miniProgram')
  const setup = useMiniProgramStore((state) => (state.profileId === app.id ? state.setup : null))
  const notice = useMiniProgramStore((state) => state.notice)
  const setupError = useMiniProgramStore((state) => state.errors.setup)
  const [userId, setUserId] = useState<string | null>(null)
  const userSelectId = useId()

  useEffect(() => {
    showMiniProgramApp(app.id)
    void loadMiniProgramSetup(app.id)
  }, [app.id, app.apiBase, app.hasSecret])

  const users = setup?.simulator?.users ?? []
  const user = users.find((candidate) => candidate.id === userId) ?? users[0] ?? null
  const simulateAs = setup?.simulator && user ? { id: user.id, nickname: user.nickname } : null
  const canSend = setup?.canExchange ?? false

  return (
    <section aria-label={t('label')} className="panel mp-panel">
      <header className="panel-header">
        <h2>{t('heading')}</h2>
        <p className="mp-notice" role="status">
          {notice ? t(`notice.${notice}`) : ''}
        </p>
      </header>
      {setupError && <ErrorCallout error={setupError} onDismiss={() => setMiniProgramError('setup', null)} />}
      {setup && !setup.canExchange && <p className="warning-text">{t('noSecret')}</p>}
      {setup?.simulator ? (
        <div className="mp-row mp-wrap">
          <label htmlFor={userSelectId}>{t('simulator.user')}</label>
          <select
            id={userSelectId}
            value={user?.id ?? ''}
            onChange={(event) => setUserId(event.target.value)}
          >
            {users.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.nickname} · {candidate.phoneNumber}
              </option>
            ))}
          </select>
          <span className="hint">{t('simulator.hint')}</span>
        </div>
      ) : (
        setup && <p className="hint">{t('simulator.none')}</p>
      )}
      {setup && (
        <div className="mp-columns">
          <div className="mp-column">
            <CodeForm
              key={`${app.id}-login`}
              profileId={app.id}
              kind="login"
              simulateAs={simulateAs}
              canSend={canSend}
            />
            <SessionResult />
          </div>
          <div className="mp-column">
            <CodeForm
              key={`${app.id}-phone`}
              profileId={app.id}
              kind="phone"
              simulateAs={simulateAs}
              canSend={canSend}
            />
            <PhoneResult />
          </div>
        </div>
      )}
    </section>
  )
}
