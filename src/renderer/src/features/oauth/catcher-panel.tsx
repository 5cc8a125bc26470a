import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { OAuthCatcherView, OAuthSetup } from '../../../../shared/contract'
import { ErrorCallout } from '../../components/error-callout'
import { formatCountdown, secondsUntil } from '../../lib/format'
import { confirmCapture, startCatcher, stopCatcher } from './oauth-commands'
import { setOAuthError, useOAuthStore } from './oauth-store'

export interface CatcherPanelProps {
  appId: string
  setup: OAuthSetup | null
  catcher: OAuthCatcherView | null
  mainNow: number
  /** Called with the catcher's address once it listens, so the link can use it. */
  onStarted: (url: string) => void
}

const DEFAULT_PATH = '/oauth/callback'

function CatcherStatus({ catcher, mainNow }: { catcher: OAuthCatcherView; mainNow: number }) {
  const { t } = useTranslation('oauth')
  const capture = catcher.capture
  const verdict = capture ? t(`verdict.${capture.stateVerdict}`) : ''
  return (
    <div className="oauth-catcher-status" role="status">
      <p>
        {catcher.status === 'listening' && catcher.url !== null
          ? t('catcher.status.listening', {
              url: catcher.url,
              in: formatCountdown(secondsUntil(catcher.closesAt ?? mainNow, mainNow))
            })
          : t(`catcher.status.${catcher.status}`)}
      </p>
      {capture?.awaitingConfirmation && (
        <div className="warning-text" role="alert">
          <p>{t('catcher.unverified', { verdict })}</p>
          <button type="button" onClick={() => void confirmCapture()}>
            {t('catcher.confirm')}
          </button>
        </div>
      )}
      {capture && !capture.awaitingConfirmation && (
        <p className={capture.error ? 'danger-text' : capture.refused ? 'warning-text' : 'ok-text'}>
          {capture.refused
            ? t('catcher.refused', { verdict })
            : capture.exchanging
              ? t('catcher.exchanging', { verdict })
              : capture.error
                ? t('catcher.failedExchange', { verdict })
                : t('catcher.exchanged', { verdict })}
        </p>
      )}
      {capture?.error && <ErrorCallout error={capture.error} />}
    </div>
  )
}

/** The callback catcher: listen on a chosen address and port, take the code from WeChat's redirect. */
export function CatcherPanel({ appId, setup, catcher, mainNow, onStarted }: CatcherPanelProps) {
  const { t } = useTranslation('oauth')
  const error = useOAuthStore((state) => state.errors.catcher)
  const busy = useOAuthStore((state) => state.busy)
  const addresses = setup?.lanAddresses ?? []
  const [host, setHost] = useState('127.0.0.1')
  const [port, setPort] = useState('0')
  const [path, setPath] = useState(DEFAULT_PATH)
  const ids = { host: useId(), port: useId(), portHint: useId(), path: useId(), heading: useId() }
  const listening = catcher?.status === 'listening'

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    const parsed = Math.trunc(Number(port))
    const view = await startCatcher(
      appId,
      host,
      Number.isFinite(parsed) ? Math.min(65535, Math.max(0, parsed)) : 0,
      path
    )
    if (view?.url) onStarted(view.url)
  }

  return (
    <section className="oauth-catcher" aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('catcher.label')}</h4>
      <p className="hint">{t('catcher.intro')}</p>
      <form className="oauth-row oauth-wrap oauth-align-end" onSubmit={(event) => void onSubmit(event)}>
        <div className="field">
          <label htmlFor={ids.host}>{t('catcher.address')}</label>
          <select
            id={ids.host}
            value={host}
            disabled={listening}
            onChange={(event) => setHost(event.target.value)}
          >
            {(addresses.length > 0
              ? addresses
              : [{ address: '127.0.0.1', loopback: true, interfaceName: '' }]
            ).map((entry) => (
              <option key={entry.address} value={entry.address}>
                {entry.loopback
                  ? t('catcher.loopback', { address: entry.address })
                  : t('catcher.lan', { address: entry.address, name: entry.interfaceName })}
              </option>
            ))}
          </select>
        </div>
        <div className="field oauth-port">
          <label htmlFor={ids.port}>{t('catcher.port')}</label>
          <input
            id={ids.port}
            type="number"
            min={0}
            max={65535}
            step={1}
            disabled={listening}
            aria-describedby={ids.portHint}
            value={port}
            onChange={(event) => setPort(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.path}>{t('catcher.path')}</label>
          <input
            id={ids.path}
            className="mono"
            type="text"
            spellCheck={false}
            disabled={listening}
            value={path}
            onChange={(event) => setPath(event.target.value)}
          />
        </div>
        {listening ? (
          <button type="button" disabled={busy === 'stop-catcher'} onClick={() => void stopCatcher()}>
            {t('catcher.stop')}
          </button>
        ) : (
          <button type="submit" disabled={busy === 'start-catcher'}>
            {t('catcher.start')}
          </button>
        )}
      </form>
      <p id={ids.portHint} className="field-hint">
        {t('catcher.portHint')}
      </p>
      {catcher && catcher.status !== 'stopped' && <CatcherStatus catcher={catcher} mainNow={mainNow} />}
      {error && <ErrorCallout error={error} onDismiss={() => setOAuthError('catcher', null)} />}
    </section>
  )
}
