import { useCallback, useEffect, useState } from 'react'
import type { DeskError, Result } from '../../../../shared/result'
import type { EmulatorFault, EmulatorStatus } from '../../../../shared/contract'
import { callDesk } from '../../lib/desk'

export interface EmulatorControls {
  status: EmulatorStatus | null
  error: DeskError | null
  inject: (fault: EmulatorFault, count: number) => Promise<void>
  clear: () => Promise<void>
}

/** The emulator's state, re-read after every logged call (each call may consume a queued fault). */
export function useEmulatorStatus(): EmulatorControls {
  const [status, setStatus] = useState<EmulatorStatus | null>(null)
  const [error, setError] = useState<DeskError | null>(null)

  const apply = useCallback((result: Result<EmulatorStatus>) => {
    if (result.ok) {
      setStatus(result.value)
      setError(null)
    } else {
      setError(result.error)
    }
  }, [])

  useEffect(() => {
    let mounted = true
    const reload = (): void => {
      void callDesk((desk) => desk.getEmulatorStatus()).then((result) => {
        if (mounted) apply(result)
      })
    }
    reload()
    const unsubscribe = window.desk.on.callLogged(reload)
    return () => {
      mounted = false
      unsubscribe()
    }
  }, [apply])

  const inject = async (fault: EmulatorFault, count: number): Promise<void> => {
    apply(await callDesk((desk) => desk.injectEmulatorFault({ fault, count })))
  }
  const clear = async (): Promise<void> => {
    apply(await callDesk((desk) => desk.clearEmulatorFaults()))
  }
  return { status, error, inject, clear }
}
