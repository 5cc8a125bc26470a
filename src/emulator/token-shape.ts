import { randomBytes, randomInt } from 'node:crypto'

// Real tokens look like `84_vWP_BMIM…`: a two-digit number, `_`, then URL-safe characters.
// 105 random bytes are exactly 140 base64url characters, no padding.
const BODY_BYTES = 105
const TOKEN_PATTERN = /^\d{2}_[A-Za-z0-9_-]{140}$/

/** A fresh token string in the shape WeChat issues (uniqueness is the ledger's job). */
export function randomTokenString(): string {
  return `${randomInt(10, 100)}_${randomBytes(BODY_BYTES).toString('base64url')}`
}

/** Whether `value` has the shape of a token this emulator issues; anything else is answered with 40014. */
export function isWellFormedToken(value: string): boolean {
  return TOKEN_PATTERN.test(value)
}
