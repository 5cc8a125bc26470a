import { safeStorage } from 'electron'
import type { SecretCipher } from '../../core/ports'
import { unavailableCipher } from '../../core/storage/aes-cipher'

/**
 * The OS keychain via Electron's safeStorage. On Linux without a keyring, safeStorage falls back to the
 * `basic_text` backend, which encrypts with a hard-coded password: that is plaintext in disguise, so we
 * treat it as unavailable and keep secrets for the session only.
 */
export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) return unavailableCipher('the OS keychain is not available')
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return unavailableCipher(
      'no Linux keyring (gnome-libsecret / kwallet) was found; safeStorage would use basic_text'
    )
  }
  return {
    available: true,
    unavailableReason: null,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (encoded) => safeStorage.decryptString(Buffer.from(encoded, 'base64'))
  }
}
