import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  checkDataKey,
  createAesCipher,
  dataFolderSalt,
  SALT_FILE
} from '../../../../src/core/storage/aes-cipher'
import { tempDir } from '../../../support/memory-ports'

const KEY = 'a-reasonable-data-key-0123456789'

describe('the AES fallback cipher (headless DESK_DATA_KEY)', () => {
  const dirs: (() => void)[] = []
  afterEach(() => dirs.splice(0).forEach((remove) => remove()))
  const folder = (): string => {
    const dir = tempDir()
    dirs.push(dir.remove)
    return dir.path
  }

  it('round-trips, with a fresh IV per value', () => {
    const cipher = createAesCipher(KEY)
    const a = cipher.encrypt('84_token')
    expect(cipher.decrypt(a)).toBe('84_token')
    expect(cipher.encrypt('84_token')).not.toBe(a)
  })

  it('refuses a truncated authentication tag instead of accepting a 2^32 forgery', () => {
    const cipher = createAesCipher(KEY)
    const [version, iv, tag, body] = cipher.encrypt('secret value').split(':')
    const short = Buffer.from(tag!, 'base64').subarray(0, 4).toString('base64')
    expect(() => cipher.decrypt([version, iv, short, body].join(':'))).toThrow(/Unrecognised ciphertext/)
  })

  it('refuses a tampered value', () => {
    const cipher = createAesCipher(KEY)
    const [version, iv, tag, body] = cipher.encrypt('secret value').split(':')
    const flipped = Buffer.from(body!, 'base64')
    flipped[0] = flipped[0]! ^ 1
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64')].join(':'))).toThrow()
  })

  it('keeps a random salt per data folder, so the same key gives different AES keys on two installs', () => {
    const one = folder()
    const two = folder()
    const saltOne = dataFolderSalt(one)
    expect(dataFolderSalt(one).equals(saltOne)).toBe(true)
    expect(dataFolderSalt(two).equals(saltOne)).toBe(false)
    expect(statSync(join(one, SALT_FILE)).mode & 0o777).toBe(0o600)
    expect(Buffer.from(readFileSync(join(one, SALT_FILE), 'utf8').trim(), 'base64')).toHaveLength(16)

    const sealed = createAesCipher(KEY, saltOne).encrypt('84_token')
    expect(createAesCipher(KEY, dataFolderSalt(one)).decrypt(sealed)).toBe('84_token')
    expect(() => createAesCipher(KEY, dataFolderSalt(two)).decrypt(sealed)).toThrow()
  })

  it.each([
    ['16 spaces', ' '.repeat(16), /at least 16 characters/],
    ['a short key padded with spaces', '   short-key-1   ', /at least 16 characters/],
    ['one repeated character', 'k'.repeat(40), /only 1 different characters/],
    ['two alternating characters', 'ab'.repeat(12), /only 2 different characters/]
  ])('rejects a weak key (%s) with a clear message', (_what, key, message) => {
    expect(checkDataKey(key)).toMatch(message)
    expect(() => createAesCipher(key)).toThrow(message)
  })

  it('accepts a random key', () => {
    expect(checkDataKey('q7Yp0vJx3mLw9ZtR2sKc8nBd')).toBeNull()
  })
})
