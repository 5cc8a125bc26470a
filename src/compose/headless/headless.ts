import {
  checkApiKey,
  checkListenHost,
  createLocalApiServer,
  generateApiKey,
  isLoopbackHost,
  RequestLog,
  tokenSignature
} from '../../core/local-api'
import { listenFailure } from '../../core/http/listen'
import { SANDBOX_APPID } from '../../emulator'
import { LOCAL_API_KEY_ENV } from '../../shared/contract/local-api'
import { startSandbox, type Sandbox } from '../sandbox'
import { mkdirSync } from 'node:fs'
import {
  checkDataKey,
  createAesCipher,
  dataFolderSalt,
  unavailableCipher
} from '../../core/storage/aes-cipher'
import type { SecretCipher } from '../../core/ports'
import { confStoreFactory, openDeskStore, type DeskStore } from '../../core/storage'
import { systemClock } from '../../core/time/clock'
import type { CallLog } from '../../core/call-log'
import { createTokenRuntime, stompingView, encryptedTokenStore, type TokenKeeper } from '../../core/tokens'
import { encryptedTicketStore, TicketKeeper } from '../../core/tokens/tickets'
import { explainErrcode } from '../../shared/errcodes'
import { ConfigError, secretsFromEnv, type ServeApp } from './config'
import { ConfigCatalog, type HeadlessApp } from './config-catalog'
import { memoryStoreFactory } from '../../core/storage/memory-store'

export type LogLevel = 'info' | 'warn' | 'error'
/** Where headless serve says what happens: one event with its fields (the CLI writes JSON lines). */
export type ServeLog = (level: LogLevel, event: string, fields?: Record<string, unknown>) => void

export interface HeadlessOptions {
  apps: ServeApp[]
  /** Where `WECHAT_SECRET_<appid>`, `DESK_API_KEY` and `DESK_DATA_KEY` come from. */
  env: Readonly<Record<string, string | undefined>>
  host: string
  port: number
  allowNonLoopback: boolean
  /** Tokens persist here (encrypted with `DESK_DATA_KEY`); null keeps everything in memory. */
  dataDir: string | null
  /** Start the built-in emulator and serve a sandbox app bound to it. */
  emulator: boolean
  log: ServeLog
  /** Values the log must never show (the API key, the secrets). */
  mask: (values: readonly string[]) => void
  /** Shows a generated API key once, outside the JSON log (stderr). */
  announceKey: (key: string) => void
}

export interface HeadlessDesk {
  url: string
  /** Stops listening, lets in-flight WeChat calls finish, closes everything; idempotent. */
  stop(reason?: string): Promise<void>
}

/** The listen failed (port taken …): not a configuration problem. */
export class StartError extends Error {
  override name = 'StartError'
}

export const DATA_KEY_ENV = 'DESK_DATA_KEY'
export const API_KEY_ENV = LOCAL_API_KEY_ENV

/**
 * Headless serve: the token keeper and the local HTTP API with no UI and no Electron. Apps come from the
 * config file, secrets from the environment; tokens persist encrypted in `--data-dir` when `DESK_DATA_KEY`
 * is set, else they live in memory.
 */
export async function startHeadless(options: HeadlessOptions): Promise<HeadlessDesk> {
  const { log, env } = options
  const secrets = secretsFromEnv(options.apps, env)
  const host = checkListenHost(options.host, options.allowNonLoopback)
  if (!host.ok) throw new ConfigError([`--host: ${host.message.en}`])
  const apiKey = readApiKey(env)
  const cipher = readCipher(env, options.dataDir)
  options.mask([...secrets.values(), ...(apiKey === null ? [] : [apiKey])])

  const store = openStore(options.dataDir, log)
  logStorage(log, options.dataDir, cipher)

  let sandbox: Sandbox | null = null
  const apps: HeadlessApp[] = options.apps.map((app) => ({ ...app, secret: secrets.get(app.appid) ?? '' }))
  if (options.emulator) {
    if (apps.some((app) => app.appid === SANDBOX_APPID)) {
      throw new ConfigError([`--emulator: the config already has the sandbox AppID ${SANDBOX_APPID}`])
    }
    sandbox = await startSandbox(systemClock)
    const { binding } = sandbox
    apps.push({
      appid: binding.appId,
      name: 'Sandbox (built-in emulator)',
      kind: 'test-account',
      env: 'dev',
      mode: 'stable',
      apiBase: binding.apiBase(),
      secret: binding.secret
    })
    options.mask([binding.secret])
    log('info', 'emulator', {
      url: binding.apiBase(),
      appid: binding.appId,
      note: 'tokens of the sandbox app work only against it'
    })
  }

  const key = apiKey ?? generateApiKey()
  if (apiKey === null) {
    options.mask([key])
    options.announceKey(key)
  }
  log('info', 'api-key', { source: apiKey === null ? 'generated (printed once on stderr)' : API_KEY_ENV })

  const clock = systemClock
  const catalog = new ConfigCatalog(apps)
  const runtime = createTokenRuntime({
    credentials: (id) => catalog.credentials(id),
    tokenStore: encryptedTokenStore(store, cipher),
    store,
    clock,
    unattended: true
  })
  const { keeper, callLog } = runtime
  keeper.start(catalog.ids)
  const tickets = new TicketKeeper({
    tokens: keeper,
    client: runtime.client,
    credentials: (id) => catalog.credentials(id),
    store: encryptedTicketStore(store, cipher),
    clock,
    callLog
  })
  tickets.start(catalog.ids)

  const requestLog = new RequestLog()
  const server = createLocalApiServer({
    host: host.host,
    port: options.port,
    catalog,
    tokens: keeper,
    clock,
    apiKey: key,
    requestLog,
    gateway: { callLog, tickets },
    logError: (error) =>
      log('error', 'internal-error', { message: error instanceof Error ? error.message : String(error) })
  })

  const stopLogging = logActivity(log, keeper, callLog, requestLog, catalog)
  const shutDown = async (): Promise<void> => {
    stopLogging()
    await server.close()
    await tickets.whenIdle()
    tickets.stop()
    await runtime.close()
    await sandbox?.close()
  }

  let address
  try {
    address = await server.listen()
  } catch (error) {
    await shutDown()
    const { message, fix } = listenFailure(error, host.host, options.port)
    throw new StartError(fix ? `${message.en}. ${fix.en}` : message.en)
  }
  log('info', 'listening', {
    url: address.url,
    host: address.host,
    port: address.port,
    apps: apps.map((app) => ({ appid: app.appid, name: app.name, mode: app.mode }))
  })
  if (!isLoopbackHost(host.host)) {
    log('warn', 'non-loopback', {
      message: `Reachable from other machines on ${host.host}: the API key is the only protection.`
    })
  }

  let stopping: Promise<void> | null = null
  return {
    url: address.url,
    stop(reason) {
      stopping ??= (async () => {
        log('info', 'stopping', { reason: reason ?? 'requested' })
        await shutDown()
        log('info', 'stopped')
      })()
      return stopping
    }
  }
}

function readApiKey(env: HeadlessOptions['env']): string | null {
  const key = env[API_KEY_ENV]
  if (key === undefined || key === '') return null
  const problem = checkApiKey(key)
  if (problem) throw new ConfigError([`${API_KEY_ENV}: ${problem.en}`])
  return key
}

function readCipher(env: HeadlessOptions['env'], dataDir: string | null): SecretCipher {
  const dataKey = env[DATA_KEY_ENV]
  if (dataKey === undefined || dataKey === '') return unavailableCipher(`${DATA_KEY_ENV} is not set`)
  const weak = checkDataKey(dataKey)
  if (weak !== null) throw new ConfigError([`${DATA_KEY_ENV}: ${weak}`])
  if (dataDir === null) return createAesCipher(dataKey)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  return createAesCipher(dataKey, dataFolderSalt(dataDir))
}

function openStore(dataDir: string | null, log: ServeLog): DeskStore {
  const opened =
    dataDir === null
      ? openDeskStore(memoryStoreFactory, ':memory:')
      : openDeskStore(confStoreFactory, dataDir)
  if (opened.notice) log('warn', 'store-replaced', { message: opened.notice.message.en })
  return opened.store
}

function logStorage(log: ServeLog, dataDir: string | null, cipher: SecretCipher): void {
  if (dataDir !== null && cipher.available) {
    log('info', 'storage', {
      tokens: 'persisted',
      dataDir,
      message: `Tokens are kept across restarts in ${dataDir}, encrypted with ${DATA_KEY_ENV} (AES-256-GCM).`
    })
  } else if (dataDir !== null) {
    log('warn', 'storage', {
      tokens: 'memory',
      dataDir,
      message: `Tokens are kept in memory only: set ${DATA_KEY_ENV} to keep them across restarts (encrypted). Usage counters are kept in ${dataDir}.`
    })
  } else {
    log('info', 'storage', {
      tokens: 'memory',
      message: `Tokens are kept in memory only: pass --data-dir and set ${DATA_KEY_ENV} to keep them across restarts.`
    })
  }
}

/** Token changes, failed attempts, upstream calls and API requests, as log lines (no tokens, no secrets). */
function logActivity(
  log: ServeLog,
  keeper: TokenKeeper,
  callLog: CallLog,
  requestLog: RequestLog,
  catalog: ConfigCatalog
): () => void {
  const seen = new Map<string, string>()
  const failures = new Map<string, number>()
  const offs = [
    keeper.onStomp((event) =>
      log('warn', 'token-stomped', {
        appid: event.appId,
        count_today: event.countToday,
        lifetime_seconds: Math.round(event.lifetimeMs / 1000),
        message: stompingView(event.appId, event).message.en
      })
    ),
    keeper.onChange((view) => {
      const signature = tokenSignature(view)
      if (seen.get(view.profileId) !== signature) {
        seen.set(view.profileId, signature)
        if (view.held && view.expiresAt !== null) {
          log('info', 'token', {
            appid: view.profileId,
            mode: view.mode,
            expires_at: new Date(view.expiresAt).toISOString(),
            next_refresh_at: view.nextRefreshAt === null ? null : new Date(view.nextRefreshAt).toISOString()
          })
        }
      }
      const attempt = view.lastAttempt
      if (attempt && !attempt.ok && failures.get(view.profileId) !== attempt.at) {
        failures.set(view.profileId, attempt.at)
        log('warn', 'token-error', {
          appid: view.profileId,
          trigger: attempt.trigger,
          code: attempt.error?.code,
          errcode: attempt.error?.errcode,
          message: attempt.error?.message.en,
          fix: attempt.error?.fix?.en
        })
      }
    }),
    // The call log's facts (already masked); the governor's reports have their own line above.
    callLog.onEntry((entry) => {
      if (entry.source === 'governor') return
      log(entry.outcome === 'ok' ? 'info' : 'warn', entry.source === 'gateway' ? 'relayed' : 'upstream', {
        appid: entry.profileId === null ? null : catalog.credentials(entry.profileId).appId,
        source: entry.source,
        caller_port: entry.callerPort,
        method: entry.method,
        endpoint: entry.endpoint,
        http_status: entry.httpStatus,
        errcode: entry.errcode,
        meaning: entry.errcode === null ? null : explainErrcode(entry.errcode, '', 'other').title.en,
        rid: entry.rid,
        duration_ms: entry.durationMs,
        request_bytes: entry.requestBytes,
        response_bytes: entry.responseBytes,
        flags: entry.flags,
        detail: entry.detail
      })
    }),
    requestLog.onRecord(() => {
      for (const entry of requestLog.since(requestLog.total - 1)) {
        log('info', 'request', {
          method: entry.method,
          route: entry.route,
          status: entry.status,
          caller_port: entry.callerPort,
          duration_ms: entry.durationMs
        })
      }
    })
  ]
  return () => offs.forEach((off) => off())
}
