import { useEffect, useEffectEvent } from 'react'
import type { DeskApi } from '../../../shared/contract'
import type { Result } from '../../../shared/result'
import { callDesk } from './desk'

/** What an answer depends on, as plain values: when one changes, the answer is stale and the desk is asked again. */
export type QueryKey = readonly (string | number | boolean | null | undefined)[]

export interface DeskQuery<T> {
  /** The call; null while there is nothing to ask. */
  ask: ((desk: DeskApi) => Promise<Result<T>>) | null
  key: QueryKey
  /** Gets the answer, unless the key changed or the component unmounted while it was on its way. */
  onResult: (result: Result<T>) => void
  /** Waits this long after the last change before asking, for input that changes key by key. */
  delayMs?: number
}

/** Asks the desk when a component shows, and again whenever `key` changes; a late answer to an older question is dropped. */
export function useDeskQuery<T>({ ask, key, onResult, delayMs = 0 }: DeskQuery<T>): void {
  const enabled = ask !== null
  const serializedKey = JSON.stringify(key)
  const run = useEffectEvent(async (): Promise<Result<T> | null> => (ask === null ? null : callDesk(ask)))
  const deliver = useEffectEvent(onResult)

  useEffect(() => {
    if (!enabled) return
    let current = true
    const send = (): void => {
      void run().then((result) => {
        if (current && result !== null) deliver(result)
      })
    }
    const timer = delayMs > 0 ? setTimeout(send, delayMs) : null
    if (timer === null) send()
    return () => {
      current = false
      if (timer !== null) clearTimeout(timer)
    }
  }, [enabled, serializedKey, delayMs])
}
