import { useEffect, useState } from 'react'

/**
 * main's clock minus ours, measured when a view stamped with main's `now` arrives. Countdowns add it, so they
 * agree with main's timers even when the two clocks differ.
 */
export const clockSkew = (mainNow: number, localNow: number = Date.now()): number => mainNow - localNow

/** The current time on main's clock, re-read every `intervalMs` so countdowns tick. */
export function useMainNow(skewMs: number, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now + skewMs
}
