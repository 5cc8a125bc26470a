import {
  LOCAL_API_DEFAULT_HOST,
  type LocalApiKeyPersistence,
  type LocalApiRequestBatch,
  type LocalApiSnippet,
  type LocalApiSnippetId,
  type LocalApiStatus
} from '../../shared/contract/local-api'
import { DeskFailure, text, type DeskError } from '../../shared/result'
import type { DisplayLanguage, Notice } from '../../shared/contract'
import { isUnspecifiedHost } from '../http/host-header'
import { hostForUrl, listenFailure } from '../http/listen'
import type { ClipboardPort, SecretCipher } from '../ports'
import type { DeskStore, LocalApiSettings } from '../storage'
import type { Clock } from '../time/clock'
import type { AppCatalog } from './app-index'
import { checkListenHost, isLoopbackHost, nonLoopbackWarning } from './host-check'
import { generateApiKey, maskApiKey } from './key'
import { RequestLog } from './request-log'
import type { Gateway, GatewayOptions } from './gateway/gateway'
import { createLocalApiServer, type LocalApiServer, type LocalApiServerTimeouts } from './server'
import { buildSnippets } from './snippets'
import type { TokenAccess } from './token-access'

export interface LocalApiServiceDeps {
  store: DeskStore
  cipher: SecretCipher
  catalog: AppCatalog
  tokens: TokenAccess
  clock: Clock
  clipboard: ClipboardPort
  /**
   * The WeChat host: the desk's one gateway (shared with the API console, so it works while the API is off),
   * or the call log and ticket keeper (and, in tests, the upstream dispatcher) of one per server.
   */
  gateway?: Gateway | Partial<GatewayOptions>
  timeouts?: Partial<LocalApiServerTimeouts>
  logError?: (error: unknown) => void
}

export interface LocalApiPatch {
  enabled?: boolean
  host?: string
  port?: number
  allowNonLoopback?: boolean
}

/** The request events are batched: a busy backend must not flood the renderer with one IPC message per call. */
const REQUEST_EVENT_INTERVAL_MS = 250

/**
 * The desktop app's local HTTP API: on/off, address and port, the API key (generated when first enabled,
 * encrypted at rest with the SecretCipher or kept for this session only), the request counter and log, and
 * the snippets. The server itself is `createLocalApiServer`.
 */
export class LocalApiService {
  readonly requestLog = new RequestLog()
  /** Start-up messages for the notice board (an API key that could not be decrypted). */
  readonly notices: Notice[] = []
  private settings: LocalApiSettings
  private key: string | null = null
  private keyPersistence: LocalApiKeyPersistence = 'none'
  private server: LocalApiServer | null = null
  private lastError: DeskError | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private readonly changeListeners = new Set<(status: LocalApiStatus) => void>()
  private readonly batchListeners = new Set<(batch: LocalApiRequestBatch) => void>()
  /** The id of the last request the renderer was told about. */
  private flushedId = 0
  private cancelFlush: (() => void) | null = null
  private lastFlushAt = Number.NEGATIVE_INFINITY

  constructor(private readonly deps: LocalApiServiceDeps) {
    this.settings = deps.store.read('localApi')
    this.loadKey()
    this.requestLog.onRecord(() => this.scheduleFlush())
  }

  /** Starts the server if the user left it enabled; returns why it could not start, if it could not. */
  start(): Promise<DeskError | null> {
    return this.serialize(async () => {
      if (!this.settings.enabled) return null
      this.ensureKey()
      await this.startServer()
      this.emitChange()
      return this.lastError
    })
  }

  status(): LocalApiStatus {
    const { enabled, host, port, allowNonLoopback } = this.settings
    const address = this.server?.address ?? null
    return {
      enabled,
      running: address !== null,
      host,
      port,
      boundPort: address?.port ?? null,
      url: address?.url ?? null,
      allowNonLoopback,
      warning: isLoopbackHost(host) ? null : nonLoopbackWarning(host),
      hasKey: this.key !== null,
      keyMask: this.key === null ? null : maskApiKey(this.key),
      keyPersistence: this.keyPersistence,
      lastError: this.lastError,
      requestCount: this.requestLog.total,
      recentRequests: this.requestLog.recent()
    }
  }

  /**
   * Applies a settings change: validates the address, generates the key on first enable, and (re)starts or
   * stops the server. A server that cannot listen (port taken …) leaves `running: false` and `lastError`
   * set, and the call fails with that error.
   */
  update(patch: LocalApiPatch): Promise<LocalApiStatus> {
    return this.serialize(async () => {
      const next: LocalApiSettings = { ...this.settings }
      if (patch.allowNonLoopback !== undefined) {
        next.allowNonLoopback = patch.allowNonLoopback
        // Withdrawing the permission without naming a new address falls back to loopback.
        if (!patch.allowNonLoopback && patch.host === undefined && !isLoopbackHost(next.host)) {
          next.host = LOCAL_API_DEFAULT_HOST
        }
      }
      if (patch.host !== undefined) next.host = patch.host
      if (patch.port !== undefined) next.port = patch.port
      if (patch.enabled !== undefined) next.enabled = patch.enabled
      const host = checkListenHost(next.host, next.allowNonLoopback)
      if (!host.ok) {
        throw new DeskFailure({
          code: 'invalid-input',
          message: host.message,
          issues: [{ path: 'host', message: host.message }]
        })
      }
      next.host = host.host
      const moved = next.host !== this.settings.host || next.port !== this.settings.port
      this.settings = next
      this.saveSettings()
      if (this.server && (!next.enabled || moved)) await this.stopServer()
      if (next.enabled) {
        this.ensureKey()
        if (!this.server) await this.startServer()
      } else {
        this.lastError = null
      }
      this.emitChange()
      if (next.enabled && this.lastError) throw new DeskFailure(this.lastError)
      return this.status()
    })
  }

  /** The API key, for the gateway: it never sends the key upstream and masks it in the call log. */
  deskKey(): string | null {
    return this.key
  }

  revealKey(): string {
    if (this.key === null) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'There is no API key yet: it is generated when the local API is first enabled.',
          '还没有 API 密钥：首次启用本地 API 时会生成。'
        )
      })
    }
    return this.key
  }

  copyKey(): void {
    this.deps.clipboard.writeText(this.revealKey())
  }

  /** A new key: callers using the old one get 401 from now on, and open event streams are closed. */
  rotateKey(): Promise<LocalApiStatus> {
    return this.serialize(async () => {
      this.setKey(generateApiKey())
      this.server?.setApiKey(this.key)
      this.emitChange()
      return this.status()
    })
  }

  /** The snippets for one app; with `includeKey` the real key is filled in (an error when there is none yet). */
  snippets(profileId: string, includeKey: boolean, language?: DisplayLanguage): LocalApiSnippet[] {
    const app = this.deps.catalog.list().find((a) => a.profileId === profileId)
    if (!app) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(`No app with id "${profileId}"`, `找不到 id 为 “${profileId}” 的应用`)
      })
    }
    return buildSnippets({
      deskUrl: this.deskUrl(),
      appId: app.appId,
      appName: app.name,
      isSandbox: app.isSandbox,
      kind: app.kind,
      apiBase: app.apiBase,
      key: includeKey ? this.revealKey() : null,
      language
    })
  }

  /** Copies one snippet; the real key goes in unless `includeKey` is false (or there is no key yet). */
  /** Copies a snippet; says whether the copy carries the key. */
  copySnippet(
    profileId: string,
    snippetId: LocalApiSnippetId,
    includeKey?: boolean,
    language?: DisplayLanguage
  ): { keyIncluded: boolean } {
    const all = this.snippets(profileId, includeKey ?? this.key !== null, language)
    const snippet = all.find((s) => s.id === snippetId)
    if (snippet) this.deps.clipboard.writeText(snippet.code)
    return { keyIncluded: snippet?.keyIncluded ?? false }
  }

  onChange(listener: (status: LocalApiStatus) => void): () => void {
    this.changeListeners.add(listener)
    return () => this.changeListeners.delete(listener)
  }

  onRequests(listener: (batch: LocalApiRequestBatch) => void): () => void {
    this.batchListeners.add(listener)
    return () => this.batchListeners.delete(listener)
  }

  /** Stops the server (the settings stay as they are, so it starts again next time). */
  close(): Promise<void> {
    return this.serialize(async () => {
      await this.stopServer()
      this.cancelFlush?.()
      this.cancelFlush = null
    })
  }

  private async startServer(): Promise<void> {
    const { host, port } = this.settings
    const server = createLocalApiServer({
      host,
      port,
      catalog: this.deps.catalog,
      tokens: this.deps.tokens,
      clock: this.deps.clock,
      apiKey: this.key,
      requestLog: this.requestLog,
      gateway: this.deps.gateway,
      timeouts: this.deps.timeouts,
      logError: this.deps.logError
    })
    try {
      await server.listen()
      this.server = server
      this.lastError = null
    } catch (error) {
      await server.close()
      this.lastError = listenFailure(error, host, port)
    }
  }

  private async stopServer(): Promise<void> {
    const server = this.server
    this.server = null
    await server?.close()
  }

  /** The URL the snippets point at: the running server's, else the configured one. */
  private deskUrl(): string {
    const host = isUnspecifiedHost(this.settings.host) ? '127.0.0.1' : this.settings.host
    const port = this.server?.address?.port ?? this.settings.port
    return `http://${hostForUrl(host)}:${port === 0 ? 'PORT' : port}`
  }

  private loadKey(): void {
    const { keyEnc } = this.settings
    if (keyEnc === null || !this.deps.cipher.available) return
    try {
      this.key = this.deps.cipher.decrypt(keyEnc)
      this.keyPersistence = 'encrypted'
    } catch {
      // Unreadable (the keychain changed): a new key is generated when the API starts; callers must re-read it.
      this.key = null
      this.notices.push({
        id: 'local-api-key-unreadable',
        level: 'warning',
        message: text(
          'The local API key could not be decrypted (the OS keychain changed). A new key is generated when the API starts; give it to your callers again.',
          '无法解密本地 API 密钥（系统钥匙串已变化）。API 启动时会生成新密钥，请把新密钥重新提供给调用方。'
        )
      })
    }
  }

  private ensureKey(): void {
    if (this.key === null) this.setKey(generateApiKey())
  }

  private setKey(key: string): void {
    this.key = key
    // Without a working cipher the key lives for this session only: nothing is written in plaintext.
    const available = this.deps.cipher.available
    this.keyPersistence = available ? 'encrypted' : 'session-only'
    this.settings = { ...this.settings, keyEnc: available ? this.deps.cipher.encrypt(key) : null }
    this.saveSettings()
  }

  private saveSettings(): void {
    this.deps.store.write('localApi', this.settings)
  }

  private emitChange(): void {
    if (this.changeListeners.size === 0) return
    const status = this.status()
    for (const listener of this.changeListeners) listener(status)
  }

  private scheduleFlush(): void {
    if (this.cancelFlush || this.batchListeners.size === 0) return
    const wait = Math.max(0, this.lastFlushAt + REQUEST_EVENT_INTERVAL_MS - this.deps.clock.now())
    this.cancelFlush = this.deps.clock.setTimer(() => this.flush(), wait)
  }

  private flush(): void {
    this.cancelFlush = null
    this.lastFlushAt = this.deps.clock.now()
    const batch: LocalApiRequestBatch = {
      total: this.requestLog.total,
      entries: this.requestLog.since(this.flushedId)
    }
    this.flushedId = batch.total
    for (const listener of this.batchListeners) listener(batch)
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }
}
