import type { Notice } from '../../shared/contract'
import { text } from '../../shared/result'
import type { SecretCipher } from '../ports'
import type { StoredProfile } from '../storage'
import { mask } from '../../shared/mask'

/**
 * Custody of the profiles' AppSecrets and remote API keys: encrypted at rest with the cipher, or — when the
 * cipher is unavailable — held in memory for this session only. Keyed by profile id.
 */
export class ProfileSecrets {
  private readonly secrets = new Map<string, string>()
  private readonly remoteKeys = new Map<string, string>()

  constructor(private readonly cipher: SecretCipher) {}

  /** Decrypts what the stored profiles hold; a notice names those whose secrets could not be read. */
  load(profiles: StoredProfile[]): Notice | null {
    const unreadable: string[] = []
    for (const profile of profiles) {
      try {
        if (profile.secretEnc) this.secrets.set(profile.id, this.cipher.decrypt(profile.secretEnc))
        if (profile.remoteKeyEnc) this.remoteKeys.set(profile.id, this.cipher.decrypt(profile.remoteKeyEnc))
      } catch {
        unreadable.push(profile.name)
      }
    }
    if (unreadable.length === 0) return null
    return {
      id: 'secrets-unreadable',
      level: 'warning',
      message: text(
        `The AppSecret of ${unreadable.join(', ')} could not be decrypted (the OS keychain changed or is unavailable). Enter it again in Edit.`,
        `无法解密 ${unreadable.join('、')} 的 AppSecret（系统钥匙串已变化或不可用），请在“编辑”中重新填写。`
      )
    }
  }

  /** Keeps `secret` for `profile` and sets what the profile stores of it. */
  storeSecret(profile: StoredProfile, secret: string): void {
    this.secrets.set(profile.id, secret)
    profile.secretEnc = this.seal(secret)
  }

  /** Keeps the remote API key for `profile` and sets what the profile stores of it. */
  storeRemoteKey(profile: StoredProfile, key: string): void {
    this.remoteKeys.set(profile.id, key)
    profile.remoteKeyEnc = this.seal(key)
  }

  secret(profileId: string): string | null {
    return this.secrets.get(profileId) ?? null
  }

  remoteKey(profileId: string): string | null {
    return this.remoteKeys.get(profileId) ?? null
  }

  hasRemoteKey(profileId: string): boolean {
    return this.remoteKeys.has(profileId)
  }

  forget(profileId: string): void {
    this.secrets.delete(profileId)
    this.remoteKeys.delete(profileId)
  }

  private seal(value: string): string | null {
    return this.cipher.available ? this.cipher.encrypt(value) : null
  }
}

/** Shows only the last four characters, so users can tell secrets apart without exposing them. */
export function maskSecret(secret: string): string {
  return mask(secret, { hideUpTo: 12 })
}
