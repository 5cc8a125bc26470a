import { useEffect, useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { EMULATOR_FAULTS, type EmulatorFault } from '../../../../shared/contract'
import { ChoiceSelect } from '../../components/choice-select'
import { ErrorCallout } from '../../components/error-callout'
import { clearEmulatorFaults, injectEmulatorFault, loadEmulatorStatus } from './emulator-commands'
import { useEmulatorStore } from './emulator-store'
import './emulator.css'

const MIN_COUNT = 1
const MAX_COUNT = 20

const clampCount = (raw: string): number => {
  const parsed = Math.trunc(Number(raw))
  return Number.isFinite(parsed) ? Math.min(MAX_COUNT, Math.max(MIN_COUNT, parsed)) : MIN_COUNT
}

/** Fault injection for the built-in WeChat emulator (sandbox app only). */
export function EmulatorPanel() {
  const { t } = useTranslation('emulator')
  const faultId = useId()
  const countId = useId()
  const pendingId = useId()
  const status = useEmulatorStore((state) => state.status)
  const error = useEmulatorStore((state) => state.error)
  const [fault, setFault] = useState<EmulatorFault>('system-error')
  const [count, setCount] = useState('1')

  // Read once; main pushes every later change (a fault queued, served or cleared) as `emulatorChanged`.
  useEffect(() => {
    void loadEmulatorStatus()
  }, [])

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault()
    void injectEmulatorFault(fault, clampCount(count))
  }
  const pending = status?.pendingFaults ?? []

  return (
    <section aria-label={t('label')} className="panel emulator-panel">
      <header className="panel-header">
        <h2>{t('label')}</h2>
        <span className="muted mono">
          {status === null
            ? t('loading')
            : status.running && status.url
              ? t('running', { url: status.url })
              : t('notRunning')}
        </span>
      </header>
      <form className="emulator-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={faultId}>{t('fault')}</label>
          <ChoiceSelect
            id={faultId}
            value={fault}
            choices={EMULATOR_FAULTS}
            labelOf={(choice) => t(`faults.${choice}`)}
            onChoose={setFault}
          />
        </div>
        <div className="field field-count">
          <label htmlFor={countId}>{t('count')}</label>
          <input
            id={countId}
            type="number"
            min={MIN_COUNT}
            max={MAX_COUNT}
            step={1}
            value={count}
            onChange={(event) => setCount(event.target.value)}
          />
        </div>
        <button type="submit">{t('inject')}</button>
      </form>
      <div className="pending-faults">
        <h3 id={pendingId}>{t('pending')}</h3>
        {pending.length === 0 ? (
          <p className="muted">{t('noFaults')}</p>
        ) : (
          <ol aria-labelledby={pendingId}>
            {pending.map((queued, index) => (
              <li key={`${index}-${queued}`}>{t(`faults.${queued}`)}</li>
            ))}
          </ol>
        )}
        <button
          type="button"
          className="quiet"
          disabled={pending.length === 0}
          onClick={() => void clearEmulatorFaults()}
        >
          {t('clear')}
        </button>
      </div>
      {error && <ErrorCallout error={error} />}
    </section>
  )
}
