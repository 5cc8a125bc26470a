import type { ServeLog } from '../compose/headless'
import { redactText } from '../core/wechat/redact'

/**
 * One JSON object per line: `{"time","level","event",…}`. Nothing logged carries a secret, the API key or a
 * token by construction; the known values are masked once more as a safety net.
 */
export function jsonLineLog(
  write: (line: string) => void,
  now: () => number = Date.now
): {
  log: ServeLog
  /** Values to mask should they ever reach a line (secrets, the API key). */
  mask(values: readonly string[]): void
} {
  let known: readonly string[] = []
  return {
    log(level, event, fields = {}) {
      const line = JSON.stringify({ time: new Date(now()).toISOString(), level, event, ...fields })
      write(`${redactText(line, known)}\n`)
    },
    mask(values) {
      known = [...known, ...values]
    }
  }
}
