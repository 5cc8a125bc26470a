import { randomBytes } from 'node:crypto'
import type { AppDraft } from '../../shared/contract'
import { checkOAuthDomains } from '../../shared/oauth-domain'
import { mask } from '../../shared/mask'
import { DeskFailure, text, type FieldIssue } from '../../shared/result'
import {
  DEFAULT_API_BASE,
  SANDBOX_PROFILE_NAME,
  type AppKind,
  type AppView,
  type EnvTag,
  type Notice,
  type SecretPersistence,
  type TokenMode
} from '../../shared/contract'
import {
  checkAppId,
  checkAppSecret,
  checkName,
  issue,
  parseApiBase,
  parseRemoteUrl
} from '../../shared/validation'
import type { SecretCipher } from '../ports'
import type { DeskStore, StoredProfile } from '../storage'

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
  private readonly sessionSecrets = new Map<string, string>()
  private readonly sessionRemoteKeys = new Map<string, string>()
  private readonly listeners = new Set<Listener>()
  readonly notices: Notice[] = []

  constructor(private readonly deps: ProfileServiceDeps) {
    this.seedSandbox()
    this.loadSecrets()
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
      hasRemoteKey: this.sessionRemoteKeys.has(profile.id),
      oauthDomains: profile.oauthDomains ?? [],
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
        p.mode === 'remote' && p.remoteUrl
          ? { url: p.remoteUrl, key: this.sessionRemoteKeys.get(p.id) ?? null }
          : null
    }
  }

  create(draft: AppDraft): AppView {
    const clean = this.validate(draft, null)
    const profile: StoredProfile = {
      id: `app_${randomBytes(6).toString('hex')}`,
      name: clean.name,
      appId: clean.appId,
      kind: draft.kind,
      env: draft.env,
      mode: draft.mode,
      apiBase: clean.apiBase,
      isSandbox: false,
      createdAt: this.deps.now(),
      secretEnc: null,
      remoteUrl: clean.remoteUrl,
      remoteKeyEnc: null,
      oauthDomains: clean.oauthDomains ?? []
    }
    if (clean.secret !== null) this.storeSecret(profile, clean.secret)
    if (clean.remoteKey !== null) this.storeRemoteKey(profile, clean.remoteKey)
    this.save([...this.profiles(), profile])
    this.emit({ profileId: profile.id, kind: 'created', credentialsChanged: true })
    return this.view(profile)
  }

  update(profileId: string, draft: AppDraft): AppView {
    const current = this.get(profileId)
    let next: StoredProfile
    let credentialsChanged: boolean
    if (current.isSandbox) {
      // The sandbox's AppID, secret and address belong to the emulator; the rest is the user's to try.
      const sandboxIssues = issue('name', checkName(draft.name))
      const oauthDomains = this.oauthDomainsOf(draft, sandboxIssues)
      if (sandboxIssues.length > 0) throw invalid(sandboxIssues)
      if (draft.mode === 'remote') {
        throw invalid([
          {
            path: 'mode',
            message: text(
              'The sandbox always talks to the built-in emulator; add a new app for remote mode.',
              '沙箱始终连接内置模拟器；如需远程模式，请新建应用。'
            )
          }
        ])
      }
      next = {
        ...current,
        name: draft.name.trim(),
        env: draft.env,
        mode: draft.mode,
        kind: draft.kind,
        ...(oauthDomains !== undefined && { oauthDomains })
      }
      credentialsChanged = next.mode !== current.mode
    } else {
      const clean = this.validate(draft, current)
      next = {
        ...current,
        name: clean.name,
        appId: clean.appId,
        kind: draft.kind,
        env: draft.env,
        mode: draft.mode,
        apiBase: clean.apiBase,
        remoteUrl: clean.remoteUrl,
        ...(clean.oauthDomains !== undefined && { oauthDomains: clean.oauthDomains })
      }
      if (clean.secret !== null) this.storeSecret(next, clean.secret)
      if (clean.remoteKey !== null) this.storeRemoteKey(next, clean.remoteKey)
      credentialsChanged =
        clean.secret !== null ||
        clean.remoteKey !== null ||
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
    this.sessionSecrets.delete(profileId)
    this.sessionRemoteKeys.delete(profileId)
    this.save(this.profiles().filter((p) => p.id !== profileId))
    this.emit({ profileId, kind: 'deleted', credentialsChanged: true })
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private validate(
    draft: AppDraft,
    current: StoredProfile | null
  ): {
    name: string
    appId: string
    secret: string | null
    apiBase: string
    remoteUrl: string | null
    remoteKey: string | null
    oauthDomains: string[] | undefined
  } {
    const name = draft.name.trim()
    const appId = draft.appId.trim()
    const secretInput = draft.secret?.trim() ?? ''
    const remote = draft.mode === 'remote'
    const issues: FieldIssue[] = [...issue('name', checkName(name)), ...issue('appId', checkAppId(appId))]
    // On edit an empty secret keeps the stored one. Remote mode needs no secret: the other 中控 holds it.
    if (secretInput !== '' || (current === null && !remote)) {
      issues.push(...issue('secret', checkAppSecret(secretInput)))
    }
    let remoteUrl: string | null = null
    const remoteKey = draft.remoteKey?.trim() ?? ''
    if (remote) {
      const parsed = parseRemoteUrl(draft.remoteUrl ?? '')
      if (parsed.ok) remoteUrl = parsed.value
      else issues.push({ path: 'remoteUrl', message: parsed.message })
      const hasKey = current !== null && this.sessionRemoteKeys.has(current.id)
      if (remoteKey === '' && !hasKey) {
        issues.push({
          path: 'remoteKey',
          message: text(
            'The token server’s API key is required (copy it from its Local API panel)',
            '需要令牌服务器的 API 密钥（可在其“本地 API”面板复制）'
          )
        })
      } else if (remoteKey !== '' && remoteKey.length < 16) {
        issues.push({
          path: 'remoteKey',
          message: text(
            `API keys are at least 16 characters; this one has ${remoteKey.length}`,
            `API 密钥至少 16 个字符；当前为 ${remoteKey.length} 个`
          )
        })
      }
    }
    const base = parseApiBase(draft.apiBase ?? '')
    if (!base.ok) issues.push({ path: 'apiBase', message: base.message })
    const apiBase = base.ok ? base.value : DEFAULT_API_BASE
    const twin = this.profiles().find(
      (p) => p.id !== current?.id && p.appId === appId && this.apiBaseOf(p) === apiBase
    )
    if (twin) {
      issues.push({
        path: 'appId',
        message: text(
          `"${twin.name}" already uses this AppID. Two profiles would fetch tokens that invalidate each other; edit that one instead.`,
          `“${twin.name}”已使用此 AppID。两个配置各自获取令牌会互相失效，请编辑已有配置。`
        )
      })
    }
    const oauthDomains = this.oauthDomainsOf(draft, issues)
    if (issues.length > 0) throw invalid(issues)
    return {
      name,
      appId,
      secret: secretInput === '' ? null : secretInput,
      apiBase,
      remoteUrl,
      remoteKey: remote && remoteKey !== '' ? remoteKey : null,
      oauthDomains
    }
  }

  /** The draft's 网页授权 domains, normalised; undefined when the draft leaves the stored ones as they are. */
  private oauthDomainsOf(draft: AppDraft, issues: FieldIssue[]): string[] | undefined {
    if (draft.oauthDomains === undefined) return undefined
    const checked = checkOAuthDomains(draft.oauthDomains)
    if (checked.ok) return checked.value
    issues.push({ path: 'oauthDomains', message: checked.message })
    return undefined
  }

  private storeSecret(profile: StoredProfile, secret: string): void {
    this.sessionSecrets.set(profile.id, secret)
    profile.secretEnc = this.deps.cipher.available ? this.deps.cipher.encrypt(secret) : null
  }

  private storeRemoteKey(profile: StoredProfile, key: string): void {
    this.sessionRemoteKeys.set(profile.id, key)
    profile.remoteKeyEnc = this.deps.cipher.available ? this.deps.cipher.encrypt(key) : null
  }

  private secretOf(profile: StoredProfile): string | null {
    if (profile.isSandbox) return this.deps.sandbox?.secret ?? null
    return this.sessionSecrets.get(profile.id) ?? null
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

  private loadSecrets(): void {
    const { cipher } = this.deps
    const unreadable: string[] = []
    for (const profile of this.profiles()) {
      try {
        if (profile.secretEnc) this.sessionSecrets.set(profile.id, cipher.decrypt(profile.secretEnc))
        if (profile.remoteKeyEnc) this.sessionRemoteKeys.set(profile.id, cipher.decrypt(profile.remoteKeyEnc))
      } catch {
        unreadable.push(profile.name)
      }
    }
    if (unreadable.length > 0) {
      this.notices.push({
        id: 'secrets-unreadable',
        level: 'warning',
        message: text(
          `The AppSecret of ${unreadable.join(', ')} could not be decrypted (the OS keychain changed or is unavailable). Enter it again in Edit.`,
          `无法解密 ${unreadable.join('、')} 的 AppSecret（系统钥匙串已变化或不可用），请在“编辑”中重新填写。`
        )
      })
    }
  }
}

function invalid(issues: FieldIssue[]): DeskFailure {
  return new DeskFailure({
    code: 'invalid-input',
    message: text(
      issues.length === 1
        ? (issues[0]?.message.en ?? 'Invalid input')
        : `${issues.length} fields need attention`,
      issues.length === 1 ? (issues[0]?.message['zh-CN'] ?? '输入无效') : `${issues.length} 个字段需要修改`
    ),
    issues
  })
}

/** Shows only the last four characters, so users can tell secrets apart without exposing them. */
export function maskSecret(secret: string): string {
  return mask(secret, { hideUpTo: 12 })
}
