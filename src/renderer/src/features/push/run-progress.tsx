import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AttemptOutcome } from '../../../../shared/contract'
import { usePushStore } from './push-store'

const TICK_MS = 100

/** An attempt's outcome in a few words: the status and time, no answer in time, or no connection. */
export function useOutcomeText(): (outcome: AttemptOutcome, durationMs: number, timeoutMs: number) => string {
  const { t } = useTranslation('push')
  return (outcome, durationMs, timeoutMs) =>
    outcome.kind === 'answer'
      ? t('outcome.answer', { status: outcome.status, ms: durationMs })
      : outcome.kind === 'timeout'
        ? t('outcome.timeout', { seconds: timeoutMs / 1000 })
        : t('outcome.network', { message: outcome.message })
}

/** Seconds since `since`, with one decimal, re-read every tick while shown. */
function useElapsedSeconds(since: number): string {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS)
    return () => clearInterval(timer)
  }, [])
  return (Math.max(0, now - since) / 1000).toFixed(1)
}

/**
 * The verification or push on its way: each delivery that ended (and why another follows), then the one
 * waiting now with its elapsed time against WeChat's patience. Announced politely as it changes.
 */
export function RunProgress({
  attemptTimeoutMs,
  deliveries
}: {
  attemptTimeoutMs: number
  deliveries: number
}) {
  const { t } = useTranslation('push')
  const run = usePushStore((state) => state.run)
  const outcomeText = useOutcomeText()
  return (
    <div className="push-run" role="status" aria-label={t('run.label')}>
      {run && (
        <RunLines
          kind={run.kind}
          attempts={run.attempts}
          waitingSince={run.waitingSince}
          total={run.retry ? deliveries : 1}
          attemptTimeoutMs={attemptTimeoutMs}
          outcomeText={outcomeText}
        />
      )}
    </div>
  )
}

interface RunLinesProps {
  kind: 'verify' | 'send'
  attempts: { delivery: number; durationMs: number; outcome: AttemptOutcome }[]
  waitingSince: number
  total: number
  attemptTimeoutMs: number
  outcomeText: ReturnType<typeof useOutcomeText>
}

function RunLines({ kind, attempts, waitingSince, total, attemptTimeoutMs, outcomeText }: RunLinesProps) {
  const { t } = useTranslation('push')
  const elapsed = useElapsedSeconds(waitingSince)
  const waiting = attempts.length < total && attempts.at(-1)?.outcome.kind !== 'answer'
  return (
    <>
      <p className="push-run-heading">
        <span className="push-spinner" aria-hidden="true" />
        {t(kind === 'verify' ? 'run.verifying' : 'run.sending')}
      </p>
      <ol className="push-run-lines">
        {attempts.map((attempt) => (
          <li key={attempt.delivery}>
            {t('run.delivery', {
              delivery: attempt.delivery,
              outcome: outcomeText(attempt.outcome, attempt.durationMs, attemptTimeoutMs)
            })}
            {attempt.outcome.kind !== 'answer' && attempt.delivery < total && ` → ${t('run.resending')}`}
          </li>
        ))}
        {waiting && (
          <li>
            {t('run.waiting', {
              delivery: attempts.length + 1,
              deliveries: total,
              elapsed,
              seconds: attemptTimeoutMs / 1000
            })}
          </li>
        )}
      </ol>
    </>
  )
}
