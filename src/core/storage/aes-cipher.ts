import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'
import type { SecretCipher } from '../ports'

const VERSION = 'v1'

/**
 * AES-256-GCM with a key the user supplies (headless serve's `DESK_DATA_KEY`). Each value gets a fresh
 * 96-bit IV; the tag authenticates it, so a tampered or wrong-key value fails to decrypt instead of
 * producing garbage.
 */
export function createAesCipher(passphrase: string, salt = 'wechat-token-desk/v1'): SecretCipher {
  if (passphrase.length < 16) throw new Error('The data key must be at least 16 characters long')
  const key = scryptSync(passphrase, salt, 32)
  return {
    available: true,
    unavailableReason: null,
    encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return [
        VERSION,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64')
      ].join(':')
    },
    decrypt(encoded) {
      const [version, iv, tag, body] = encoded.split(':')
      if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unrecognised ciphertext')
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
      decipher.setAuthTag(Buffer.from(tag, 'base64'))
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8')
    }
  }
}

/** The cipher to use when nothing may be written at rest. */
export function unavailableCipher(reason: string): SecretCipher {
  const refuse = (): never => {
    throw new Error(`Encryption unavailable: ${reason}`)
  }
  return { available: false, unavailableReason: reason, encrypt: refuse, decrypt: refuse }
}
