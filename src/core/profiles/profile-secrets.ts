import type { Notice } from '../../shared/contract'
import { text } from '../../shared/result'
import type { SecretCipher } from '../ports'
import type { StoredProfile, StoredPushSettings } from '../storage'
import { mask } from '../../shared/mask'

/** The push simulator's Token and EncodingAESKey of one profile (服务器配置). */
export interface PushSecrets {
  token: string | null
  encodingAesKey: string | null
}

/**
 * Custody of the profiles' secrets — AppSecrets, remote API keys, and the push simulator's Tokens and
 * EncodingAESKeys: encrypted at rest with the cipher, or — when the cipher is unavailable — held in memory
 * for this session only. Keyed by profile id.
 */
export class ProfileSecrets {
  private readonly secrets = new Map<string, string>()
  private readonly remoteKeys = new Map<string, string>()
  private readonly pushSecrets = new Map<string, PushSecrets>()

  constructor(private readonly cipher: SecretCipher) {}

  /** Decrypts what the stored profiles hold; notices name those whose secrets could not be read. */
  load(profiles: StoredProfile[]): Notice[] {
    const unreadable: string[] = []
    const unreadablePush: string[] = []
    for (const profile of profiles) {
      try {
        if (profile.secretEnc) this.secrets.set(profile.id, this.cipher.decrypt(profile.secretEnc))
        if (profile.remoteKeyEnc) this.remoteKeys.set(profile.id, this.cipher.decrypt(profile.remoteKeyEnc))
      } catch {
        unreadable.push(profile.name)
      }
      // Apart: a push Token the keychain lost must not cost the AppSecret, nor the other way round.
      try {
        const push = profile.push
        if (push && (push.tokenEnc || push.aesKeyEnc)) {
          this.pushSecrets.set(profile.id, {
            token: push.tokenEnc ? this.cipher.decrypt(push.tokenEnc) : null,
            encodingAesKey: push.aesKeyEnc ? this.cipher.decrypt(push.aesKeyEnc) : null
          })
        }
      } catch {
        unreadablePush.push(profile.name)
      }
    }
    const notices: Notice[] = []
    if (unreadable.length > 0) {
      notices.push({
        id: 'secrets-unreadable',
        level: 'warning',
        message: text(
          `The AppSecret of ${unreadable.join(', ')} could not be decrypted (the OS keychain changed or is unavailable). Enter it again in Edit.`,
          `无法解密 ${unreadable.join('、')} 的 AppSecret（系统钥匙串已变化或不可用），请在“编辑”中重新填写。`
        )
      })
    }
    if (unreadablePush.length > 0) {
      notices.push({
        id: 'push-secrets-unreadable',
        level: 'warning',
        message: text(
          `The push Token and EncodingAESKey of ${unreadablePush.join(', ')} could not be decrypted (the OS keychain changed or is unavailable). Enter them again in the Push tab.`,
          `无法解密 ${unreadablePush.join('、')} 的消息推送 Token 和 EncodingAESKey（系统钥匙串已变化或不可用），请在“消息推送”中重新填写。`
        )
      })
    }
    return notices
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

  /**
   * Keeps the push Token and EncodingAESKey for `profile` and sets what its push settings store of them
   * (the settings must exist: they hold the sealed values).
   */
  storePushSecrets(profile: StoredProfile & { push: StoredPushSettings }, secrets: PushSecrets): void {
    this.pushSecrets.set(profile.id, { ...secrets })
    profile.push.tokenEnc = secrets.token === null ? null : this.seal(secrets.token)
    profile.push.aesKeyEnc = secrets.encodingAesKey === null ? null : this.seal(secrets.encodingAesKey)
  }

  pushSecretsOf(profileId: string): PushSecrets {
    return this.pushSecrets.get(profileId) ?? { token: null, encodingAesKey: null }
  }

  /** Whether secrets are written at rest (encrypted), or kept for this session only. */
  get persistent(): boolean {
    return this.cipher.available
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
    this.pushSecrets.delete(profileId)
  }

  private seal(value: string): string | null {
    return this.cipher.available ? this.cipher.encrypt(value) : null
  }
}

/** Shows only the last four characters, so users can tell secrets apart without exposing them. */
export function maskSecret(secret: string): string {
  return mask(secret, { hideUpTo: 12 })
}
