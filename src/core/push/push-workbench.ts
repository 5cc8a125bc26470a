import { randomBytes } from 'node:crypto'
import { Listeners } from '../../shared/listeners'
import { Agent } from 'undici'
import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_OPENID,
  type AppKind,
  type ComposedMessage,
  type MessageEntry,
  type PushAccount,
  type PushActivity,
  type PushConfigDraft,
  type PushConfigView,
  type PushFormat,
  type PushHistoryEntry,
  type PushSecret,
  type PushState,
  type TemplateId,
  type VerifyEntry
} from '../../shared/contract'
import { DeskFailure, text, type Result } from '../../shared/result'
import type { ClipboardPort } from '../ports'
import type { StoredProfile } from '../storage'
import { maskSecret, type ProfileService, type PushSettings } from '../profiles'
import { systemClock, type Clock } from '../time/clock'
import { generateEncodingAesKey, type RandomBytes } from './aes'
import { WECHAT_DELIVERIES, WECHAT_REPLY_TIMEOUT_MS } from './delivery'
import { checkPushTarget, type PushTargetInput } from './push-target'
import { PushService } from './push-service'
import { templatesFor } from './templates'

export interface PushWorkbenchDeps {
  profiles: ProfileService
  clipboard: ClipboardPort
  clock?: Clock
  random?: RandomBytes
  /** How long WeChat waits for each delivery: 5 s; shorter only to make slow-handler tests quick. */
  attemptTimeoutMs?: number
}

/** What the form sends to preview a template: the sender fields as typed ('' = the default). */
export interface ComposeInput {
  template: TemplateId
  values: Readonly<Record<string, string>>
  format: PushFormat
  accountId: string
  openid: string
}

/** A test account is an Official Account as far as pushes go. */
const accountOf = (kind: AppKind): PushAccount =>
  kind === 'mini-program' ? 'mini-program' : 'official-account'

/** Official Accounts push XML only, whatever a form left selected. */
const formatFor = (account: PushAccount, format: PushFormat): PushFormat =>
  account === 'official-account' ? 'xml' : format

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new DeskFailure(result.error)
  return result.value
}

const notSaved = (what: string, zh: string): DeskFailure =>
  new DeskFailure({
    code: 'not-found',
    message: text(`No ${what} is saved for this app yet`, `此应用还没有保存${zh}`)
  })

/**
 * The desktop's push simulator: each app's 服务器配置 (its Token and EncodingAESKey kept by the profiles,
 * encrypted like the AppSecret), and one PushService per app — its own history, one shared connection
 * pool — whose progress is told to listeners tagged with the app. Secrets leave main only through the
 * clipboard, when the user copies one.
 */
export class PushWorkbench {
  private readonly agent = new Agent()
  private readonly services = new Map<string, PushService>()
  private readonly listeners = new Listeners<PushActivity>()
  private readonly clock: Clock
  private readonly random: RandomBytes
  private readonly timeoutMs: number
  private readonly stopFollowing: () => void
  private closed = false

  constructor(private readonly deps: PushWorkbenchDeps) {
    this.clock = deps.clock ?? systemClock
    this.random = deps.random ?? randomBytes
    this.timeoutMs = deps.attemptTimeoutMs ?? WECHAT_REPLY_TIMEOUT_MS
    this.stopFollowing = deps.profiles.onChange((change) => {
      if (change.kind === 'deleted') this.services.delete(change.profileId)
    })
  }

  state(profileId: string): PushState {
    const config = this.config(profileId)
    return {
      config,
      templates: templatesFor(config.account),
      history: [...(this.services.get(profileId)?.history() ?? [])],
      attemptTimeoutMs: this.timeoutMs,
      deliveries: WECHAT_DELIVERIES
    }
  }

  /** The app's 服务器配置 as the renderer may see it: masks, never the Token or the key. */
  config(profileId: string): PushConfigView {
    const app = this.app(profileId)
    const settings = this.settings(profileId)
    const account = accountOf(app.kind)
    return {
      profileId,
      url: settings.url,
      hasToken: settings.token !== null,
      tokenMask: settings.token === null ? null : maskSecret(settings.token),
      hasAesKey: settings.encodingAesKey !== null,
      aesKeyMask: settings.encodingAesKey === null ? null : maskSecret(settings.encodingAesKey),
      mode: settings.mode,
      account,
      format: formatFor(account, settings.format),
      accountId: settings.accountId || DEFAULT_ACCOUNT_ID,
      openid: settings.openid || DEFAULT_OPENID,
      appId: app.appId,
      persistence: settings.persistence
    }
  }

  /** Checks the whole configuration (every issue, each with its field) and saves it. */
  save(profileId: string, draft: PushConfigDraft): PushConfigView {
    const current = this.settings(profileId)
    // An empty secret field means "keep the saved one": the form never holds the saved value.
    const token = draft.token === undefined || draft.token === '' ? current.token : draft.token
    const encodingAesKey = draft.encodingAesKey?.trim() || current.encodingAesKey
    const input = this.targetInput(profileId, { ...draft, token, encodingAesKey })
    const checked = checkPushTarget(input)
    if (!checked.ok) {
      throw new DeskFailure({
        code: 'invalid-input',
        message: text('The server configuration needs fixing', '服务器配置需要修改'),
        issues: checked.issues
      })
    }
    this.deps.profiles.savePushSettings(profileId, {
      url: checked.value.url,
      mode: checked.value.mode,
      format: checked.value.format,
      accountId: draft.accountId.trim(),
      openid: draft.openid.trim(),
      token,
      encodingAesKey
    })
    return this.config(profileId)
  }

  /** 随机生成: a fresh EncodingAESKey, saved at once (the rest of the configuration stays as saved). */
  generateAesKey(profileId: string): PushConfigView {
    const { persistence: _persistence, ...current } = this.settings(profileId)
    this.deps.profiles.savePushSettings(profileId, {
      ...current,
      encodingAesKey: generateEncodingAesKey(this.random)
    })
    return this.config(profileId)
  }

  /** Puts the saved Token or EncodingAESKey on the clipboard, for the server's own configuration. */
  copySecret(profileId: string, secret: PushSecret): void {
    const settings = this.settings(profileId)
    const value = secret === 'token' ? settings.token : settings.encodingAesKey
    if (value === null) {
      throw secret === 'token' ? notSaved('Token', ' Token') : notSaved('EncodingAESKey', ' EncodingAESKey')
    }
    this.deps.clipboard.writeText(value)
  }

  /** A template filled in for the sender as typed; needs no URL or Token. */
  compose(profileId: string, input: ComposeInput): ComposedMessage {
    const account = accountOf(this.app(profileId).kind)
    return valueOf(
      this.serviceOf(profileId).compose(
        {
          account,
          format: formatFor(account, input.format),
          accountId: input.accountId,
          openid: input.openid
        },
        input.template,
        input.values
      )
    )
  }

  /** The verification GET to the saved URL, judged as the platform judges it. */
  async verify(profileId: string): Promise<VerifyEntry> {
    return valueOf(await this.serviceOf(profileId).verify(this.savedTarget(profileId)))
  }

  /** Pushes a plaintext body in the saved mode, with WeChat's retries when asked, and judges the answer. */
  async send(
    profileId: string,
    message: { body: string; template: TemplateId | null; retry: boolean }
  ): Promise<MessageEntry> {
    return valueOf(await this.serviceOf(profileId).send(this.savedTarget(profileId), message))
  }

  /** Puts an entry's request on the clipboard as curl (it holds no Token or key). */
  copyCurl(profileId: string, entryId: string): void {
    this.app(profileId)
    const curl = this.services.get(profileId)?.curl(entryId) ?? null
    if (curl === null) {
      throw new DeskFailure({
        code: 'not-found',
        message: text('This push is no longer in the history', '历史记录中已没有这次推送')
      })
    }
    this.deps.clipboard.writeText(curl)
  }

  clearHistory(profileId: string): PushHistoryEntry[] {
    this.app(profileId)
    this.services.get(profileId)?.clearHistory()
    return []
  }

  /** Listens to every app's deliveries and finished entries; returns the unsubscribe function. */
  onActivity(listener: (activity: PushActivity) => void): () => void {
    return this.listeners.add(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    this.stopFollowing()
    this.services.clear()
    await this.agent.close()
  }

  /** The stored profile; throws `not-found`, or `internal` once the desk is shutting down. */
  private app(profileId: string): StoredProfile {
    // A call that raced the shutdown (e.g. a debounced compose) gets an answer, not a torn-down store.
    if (this.closed) {
      throw new DeskFailure({
        code: 'internal',
        message: text('The desk is shutting down', '本工具正在关闭')
      })
    }
    return this.deps.profiles.get(profileId)
  }

  private settings(profileId: string): PushSettings {
    this.app(profileId)
    return this.deps.profiles.pushSettings(profileId)
  }

  private targetInput(profileId: string, settings: Omit<PushSettings, 'persistence'>): PushTargetInput {
    const app = this.app(profileId)
    const account = accountOf(app.kind)
    return {
      url: settings.url,
      token: settings.token ?? '',
      encodingAesKey: settings.encodingAesKey,
      appId: app.appId,
      mode: settings.mode,
      account,
      format: formatFor(account, settings.format),
      accountId: settings.accountId,
      openid: settings.openid
    }
  }

  private savedTarget(profileId: string): PushTargetInput {
    return this.targetInput(profileId, this.settings(profileId))
  }

  private serviceOf(profileId: string): PushService {
    this.app(profileId)
    let service = this.services.get(profileId)
    if (service === undefined) {
      service = new PushService({
        dispatcher: this.agent,
        clock: this.clock,
        random: this.random,
        attemptTimeoutMs: this.timeoutMs
      })
      service.subscribe((event) => this.emit({ ...event, profileId }))
      this.services.set(profileId, service)
    }
    return service
  }

  private emit(activity: PushActivity): void {
    this.listeners.emit(activity)
  }
}
