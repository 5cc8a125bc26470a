import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretCipher } from '../ports'

/** `v2`: per-data-folder salt, enforced 16-byte tag. (`v1` values used one salt for every install.) */
const VERSION = 'v2'
const IV_BYTES = 12
const TAG_BYTES = 16
const SALT_BYTES = 16

/**
 * How the data key becomes an AES key: scrypt with N = 2^15, r = 8, p = 1 (≈ 32 MiB and ~0.1 s once at
 * start-up), a 16-byte random salt kept beside the data, 32 bytes out. A guess at the key costs an attacker
 * the same, per data folder.
 */
export const DATA_KEY_KDF = { algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyBytes: 32 } as const

export const MIN_DATA_KEY_LENGTH = 16
const MIN_DISTINCT_CHARACTERS = 8

/** Why a data key is too weak to protect tokens at rest, or null when it will do. */
export function checkDataKey(key: string): string | null {
  if (key.trim().length < MIN_DATA_KEY_LENGTH) {
    return `must be at least ${MIN_DATA_KEY_LENGTH} characters long, not counting leading and trailing spaces (e.g. the output of \`openssl rand -base64 32\`)`
  }
  const distinct = new Set(key).size
  if (distinct < MIN_DISTINCT_CHARACTERS) {
    return `uses only ${distinct} different characters; use a random key (e.g. \`openssl rand -base64 32\`)`
  }
  return null
}

/**
 * AES-256-GCM with a key the user supplies (headless serve's `DESK_DATA_KEY`). Each value gets a fresh
 * 96-bit IV; the 128-bit tag (a shorter one is refused) authenticates it, so a tampered or wrong-key value
 * fails to decrypt instead of producing garbage. `salt` is the data folder's (see `dataFolderSalt`); without
 * one the cipher is good for this process only.
 */
export function createAesCipher(passphrase: string, salt: Buffer = randomBytes(SALT_BYTES)): SecretCipher {
  const weak = checkDataKey(passphrase)
  if (weak !== null) throw new Error(`The data key ${weak}`)
  const { N, r, p, keyBytes } = DATA_KEY_KDF
  const key = scryptSync(passphrase, salt, keyBytes, { N, r, p, maxmem: 128 * N * r * 2 })
  return {
    available: true,
    unavailableReason: null,
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [
        VERSION,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64')
      ].join(':')
    },
    decrypt(encoded) {
      const [version, ivText, tagText, body] = encoded.split(':')
      if (version !== VERSION || !ivText || !tagText || body === undefined) {
        throw new Error('Unrecognised ciphertext')
      }
      const iv = Buffer.from(ivText, 'base64')
      const tag = Buffer.from(tagText, 'base64')
      // GCM accepts truncated tags unless told otherwise; a 4-byte tag would make forgery a 2^32 guess.
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('Unrecognised ciphertext')
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
      decipher.setAuthTag(tag)
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
    }
  }
}

export const SALT_FILE = 'data-key.salt'

/**
 * The data folder's own random salt (`data-key.salt`, mode 0600), created on first use: two installs with
 * the same data key still derive different AES keys. Losing the file makes stored tokens unreadable, which
 * costs one fresh fetch each, never an error.
 */
export function dataFolderSalt(dataDir: string): Buffer {
  const file = join(dataDir, SALT_FILE)
  if (existsSync(file)) {
    const salt = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
    if (salt.length === SALT_BYTES) return salt
  }
  const salt = randomBytes(SALT_BYTES)
  writeFileSync(file, `${salt.toString('base64')}\n`, { mode: 0o600 })
  return salt
}

/** The cipher to use when nothing may be written at rest. */
export function unavailableCipher(reason: string): SecretCipher {
  const refuse = (): never => {
    throw new Error(`Encryption unavailable: ${reason}`)
  }
  return { available: false, unavailableReason: reason, encrypt: refuse, decrypt: refuse }
}
