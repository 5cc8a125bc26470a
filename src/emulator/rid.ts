import { randomBytes } from 'node:crypto'

/**
 * A request id as WeChat writes it after `rid:`: three groups of 8 hex digits, the first being the
 * request's Unix time in seconds (so a rid dates its request), the other two random.
 */
export function makeRid(nowMs: number): string {
  const seconds = Math.floor(nowMs / 1000)
    .toString(16)
    .padStart(8, '0')
  return `${seconds}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
}

/** `errmsg` with the rid suffix every WeChat error carries. */
export function withRid(errmsg: string, rid: string): string {
  return `${errmsg} rid: ${rid}`
}
