import { randomInt } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Generated states are this long: about 95 bits of randomness, far under WeChat's 128 bytes. */
export const STATE_LENGTH = 16

/** A random state in WeChat's alphabet (a-zA-Z0-9), from the OS's cryptographic generator. */
export function generateState(length = STATE_LENGTH): string {
  let state = ''
  for (let i = 0; i < length; i++) state += ALPHABET[randomInt(ALPHABET.length)]
  return state
}
