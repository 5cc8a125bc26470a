import { randomBytes } from 'node:crypto'
import {
  SANDBOX_PROFILE_NAME,
  type AppDraft,
  type AppKind,
  type AppView,
  type EnvTag,
  type Notice,
  type PushFormat,
  type PushMode,
  type PushSecretPersistence,
  type SecretPersistence,
  type TokenMode
} from '../../shared/contract'
import { DeskFailure, text } from '../../shared/result'
import type { SecretCipher } from '../ports'
import type { DeskStore, StoredProfile } from '../storage'
import { checkDraft, checkSandboxDraft, type CheckedDraft } from './profile-draft'
import { maskSecret, ProfileSecrets } from './profile-secrets'

/** The sandbox profile is bound to the built-in emulator, whose address is known only at run time. */
export interface SandboxBinding {
  appId: string
  secret: string
  apiBase(): string
}

/** What the token keeper needs to call WeChat for a profile. Main-only: it carries the secret. */
export interface AppCredentials {
  profileId: string
  appId: string
  secret: string | null
  apiBase: string
  mode: TokenMode
  kind: AppKind
  env: EnvTag
  name: string
  /** Remote mode: where to read the token from, and the key for it. */
  remote: { url: string; key: string | null } | null
}

/** An app's push 服务器配置 as main holds it, with the Token and the EncodingAESKey. Main-only. */
export interface PushSettings {
  /** '' until saved. */
  url: string
  mode: PushMode
  format: PushFormat
  /** '' = the default original id. */
  accountId: string
  /** '' = the default sandbox openid. */
  openid: string
  token: string | null
  encodingAesKey: string | null
  /** Whether the secrets are kept encrypted at rest, or for this session only. */
  persistence: PushSecretPersistence
}

export interface ProfileServiceDeps {
  store: DeskStore
  cipher: SecretCipher
  now: () => number
  sandbox: SandboxBinding | null
}

type Listener = (change: {
  profileId: string
  kind: 'created' | 'updated' | 'deleted'
  credentialsChanged: boolean
}) => void

export const SANDBOX_PROFILE_ID = 'sandbox'

/**
 * App profiles. Secrets are encrypted at rest with the cipher, or — when the cipher is unavailable —
 * held in memory for this session only. Nothing returned from here to the renderer carries a secret.
 */
export class ProfileService {
  private readonly secrets: ProfileSecrets
  private readonly listeners = new Set<Listener>()
  readonly notices: Notice[] = []

  constructor(private readonly deps: ProfileServiceDeps) {
    this.secrets = new ProfileSecrets(deps.cipher)
    this.seedSandbox()
    this.notices.push(...this.secrets.load(this.profiles()))
  }

  list(): AppView[] {
    return this.profiles().map((p) => this.view(p))
  }

  view(profile: StoredProfile): AppView {
    const secret = this.secretOf(profile)
    return {
      id: profile.id,
      name: profile.name,
      appId: profile.appId,
      kind: profile.kind,
      env: profile.env,
      mode: profile.mode,
      apiBase: this.apiBaseOf(profile),
      isSandbox: profile.isSandbox,
      hasSecret: secret !== null,
      secretMask: secret === null ? null : maskSecret(secret),
      secretPersistence: this.persistenceOf(profile, secret),
      remoteUrl: profile.mode === 'remote' ? (profile.remoteUrl ?? null) : null,
      hasRemoteKey: this.secrets.hasRemoteKey(profile.id),
      oauthDomains: profile.oauthDomains ?? [],
      jsDomains: profile.jsDomains ?? [],
      createdAt: profile.createdAt
    }
  }

  get(profileId: string): StoredProfile {
    const profile = this.profiles().find((p) => p.id === profileId)
    if (!profile) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(`No app with id "${profileId}"`, `找不到 id 为 “${profileId}” 的应用`)
      })
    }
    return profile
  }

  credentials(profileId: string): AppCredentials {
    const p = this.get(profileId)
    return {
      profileId: p.id,
      appId: p.appId,
      secret: this.secretOf(p),
      apiBase: this.apiBaseOf(p),
      mode: p.mode,
      kind: p.kind,
      env: p.env,
      name: p.name,
      remote:
        p.mode === 'remote' && p.remoteUrl ? { url: p.remoteUrl, key: this.secrets.remoteKey(p.id) } : null
    }
  }

  /** The profile's push 服务器配置 with its secrets; defaults until first saved. */
  pushSettings(profileId: string): PushSettings {
    const stored = this.get(profileId).push
    return {
      url: stored?.url ?? '',
      mode: stored?.mode ?? 'plain',
      format: stored?.format ?? 'xml',
      accountId: stored?.accountId ?? '',
      openid: stored?.openid ?? '',
      ...this.secrets.pushSecretsOf(profileId),
      persistence: this.secrets.persistent ? 'encrypted' : 'session-only'
    }
  }

  /**
   * Saves the profile's push 服务器配置 as given (checked by the caller); the Token and EncodingAESKey are
   * sealed like the AppSecret. Not a change of the app: no listener hears of it.
   */
  savePushSettings(profileId: string, settings: Omit<PushSettings, 'persistence'>): void {
    const { token, encodingAesKey, ...plain } = settings
    const next = { ...this.get(profileId), push: { ...plain, tokenEnc: null, aesKeyEnc: null } }
    this.secrets.storePushSecrets(next, { token, encodingAesKey })
    this.save(this.profiles().map((p) => (p.id === profileId ? next : p)))
  }

  create(draft: AppDraft): AppView {
    const { fields, secret, remoteKey } = this.check(draft, null)
    const profile: StoredProfile = {
      id: `app_${randomBytes(6).toString('hex')}`,
      ...fields,
      isSandbox: false,
      createdAt: this.deps.now(),
      secretEnc: null,
      remoteKeyEnc: null,
      oauthDomains: fields.oauthDomains ?? [],
      jsDomains: fields.jsDomains ?? []
    }
    if (secret !== null) this.secrets.storeSecret(profile, secret)
    if (remoteKey !== null) this.secrets.storeRemoteKey(profile, remoteKey)
    this.save([...this.profiles(), profile])
    this.emit({ profileId: profile.id, kind: 'created', credentialsChanged: true })
    return this.view(profile)
  }

  update(profileId: string, draft: AppDraft): AppView {
    const current = this.get(profileId)
    let next: StoredProfile
    let credentialsChanged: boolean
    if (current.isSandbox) {
      next = { ...current, ...checkSandboxDraft(draft) }
      credentialsChanged = next.mode !== current.mode
    } else {
      const { fields, secret, remoteKey } = this.check(draft, current)
      next = { ...current, ...fields }
      if (secret !== null) this.secrets.storeSecret(next, secret)
      if (remoteKey !== null) this.secrets.storeRemoteKey(next, remoteKey)
      credentialsChanged =
        secret !== null ||
        remoteKey !== null ||
        next.appId !== current.appId ||
        next.apiBase !== current.apiBase ||
        next.mode !== current.mode ||
        next.remoteUrl !== current.remoteUrl
    }
    this.save(this.profiles().map((p) => (p.id === profileId ? next : p)))
    this.emit({ profileId, kind: 'updated', credentialsChanged })
    return this.view(next)
  }

  delete(profileId: string): void {
    const profile = this.get(profileId)
    if (profile.isSandbox) {
      throw new DeskFailure({
        code: 'guard',
        message: text(
          'The sandbox profile is built in and cannot be deleted.',
          '沙箱配置为内置配置，不能删除。'
        )
      })
    }
    this.secrets.forget(profileId)
    this.save(this.profiles().filter((p) => p.id !== profileId))
    this.emit({ profileId, kind: 'deleted', credentialsChanged: true })
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private check(draft: AppDraft, current: StoredProfile | null): CheckedDraft {
    return checkDraft(draft, {
      current,
      hasRemoteKey: current !== null && this.secrets.hasRemoteKey(current.id),
      twinOf: (appId, apiBase) =>
        this.profiles().find(
          (p) => p.id !== current?.id && p.appId === appId && this.apiBaseOf(p) === apiBase
        )
    })
  }

  private secretOf(profile: StoredProfile): string | null {
    if (profile.isSandbox) return this.deps.sandbox?.secret ?? null
    return this.secrets.secret(profile.id)
  }

  private persistenceOf(profile: StoredProfile, secret: string | null): SecretPersistence {
    if (profile.isSandbox) return 'built-in'
    if (secret === null) return 'missing'
    return profile.secretEnc !== null ? 'encrypted' : 'session-only'
  }

  private apiBaseOf(profile: StoredProfile): string {
    if (profile.isSandbox && this.deps.sandbox) return this.deps.sandbox.apiBase()
    return profile.apiBase
  }

  private profiles(): StoredProfile[] {
    return this.deps.store.read('profiles')
  }

  private save(profiles: StoredProfile[]): void {
    this.deps.store.write('profiles', profiles)
  }

  private emit(change: Parameters<Listener>[0]): void {
    for (const listener of this.listeners) listener(change)
  }

  private seedSandbox(): void {
    const { sandbox } = this.deps
    if (!sandbox || this.profiles().some((p) => p.isSandbox)) return
    const profile: StoredProfile = {
      id: SANDBOX_PROFILE_ID,
      name: SANDBOX_PROFILE_NAME,
      appId: sandbox.appId,
      kind: 'test-account',
      env: 'dev',
      mode: 'stable',
      apiBase: 'emulator',
      isSandbox: true,
      createdAt: this.deps.now(),
      secretEnc: null,
      remoteUrl: null,
      remoteKeyEnc: null
    }
    this.save([profile, ...this.profiles()])
  }
}
