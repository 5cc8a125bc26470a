import { vi } from 'vitest'
import {
  channelOf,
  type CallInput,
  type CallName,
  type CallOutput,
  type DeskApi,
  type EventName,
  type EventPayload
} from '../../../src/shared/contract'
import { buildDeskApi } from '../../../src/shared/contract/bridge'
import {
  LOCAL_API_SNIPPET_IDS,
  type LocalApiSnippet,
  type LocalApiSnippetId,
  type LocalApiStatus
} from '../../../src/shared/contract/local-api'
import { fail, ok, text, type Result } from '../../../src/shared/result'
import type {
  AppView,
  ConsoleResponse,
  ConsoleState,
  EmulatorStatus,
  Preferences,
  SystemInfo,
  TokenView
} from '../../../src/shared/contract'

export const NOW = Date.UTC(2026, 10, 22, 6, 0, 0)

export function appView(overrides: Partial<AppView> = {}): AppView {
  return {
    id: 'sandbox',
    name: 'Sandbox (offline emulator)',
    appId: 'wx0123456789abcdef',
    kind: 'test-account',
    env: 'dev',
    mode: 'stable',
    apiBase: 'http://127.0.0.1:4010',
    isSandbox: true,
    hasSecret: true,
    secretMask: '••••••••f9e0',
    secretPersistence: 'built-in',
    remoteUrl: null,
    hasRemoteKey: false,
    createdAt: NOW - 86_400_000,
    ...overrides
  }
}

export function tokenView(overrides: Partial<TokenView> = {}): TokenView {
  const now = overrides.now ?? Date.now()
  return {
    profileId: 'sandbox',
    held: true,
    masked: '84_vWP_BM••••••••1a2b',
    mode: 'stable',
    obtainedAt: now - 600_000,
    expiresAt: now + 6_600_000,
    grantedSeconds: 7200,
    valid: true,
    refreshing: false,
    autoRefresh: 'scheduled',
    nextRefreshAt: now + 6_000_000,
    retry: null,
    lastAttempt: { at: now - 600_000, ok: true, trigger: 'fetch', reused: false },
    rejected: false,
    remembered: null,
    stomping: null,
    quota: { used: 1, limit: 200, forceUsed: 0, forceLimit: 20, forceAvailableAt: null },
    now,
    ...overrides
  }
}

/** The local API key main holds in these tests (the renderer must only see it after Reveal). */
export const LOCAL_API_KEY = 'Zk4rQ8wLmN2pX7vB0cTyH5sJ1gA9eD3fK6uW_-iOqRz'
/** The key after a rotation. */
export const ROTATED_LOCAL_API_KEY = 'Pq0sT2vX4zB6dF8hJ1lN3rU5wY7aC9eG-_kMoIiQyEt'
/** The port the fake "system" hands out for port 0. */
export const FREE_PORT = 45678

const keyMask = (key: string): string => `${'•'.repeat(8)}${key.slice(-4)}`

export function localApiStatus(overrides: Partial<LocalApiStatus> = {}): LocalApiStatus {
  return {
    enabled: false,
    running: false,
    host: '127.0.0.1',
    port: 17180,
    boundPort: null,
    url: null,
    allowNonLoopback: false,
    warning: null,
    hasKey: false,
    keyMask: null,
    keyPersistence: 'none',
    lastError: null,
    requestCount: 0,
    recentRequests: [],
    ...overrides
  }
}

/** A status of a running API with a key, as after turning it on. */
export function runningLocalApi(overrides: Partial<LocalApiStatus> = {}): LocalApiStatus {
  return localApiStatus({
    enabled: true,
    running: true,
    boundPort: 17180,
    url: 'http://127.0.0.1:17180',
    hasKey: true,
    keyMask: keyMask(LOCAL_API_KEY),
    keyPersistence: 'encrypted',
    ...overrides
  })
}

const SNIPPET_TITLES: Record<LocalApiSnippetId, string> = {
  curl: 'curl',
  'node-fetch': 'Node.js (fetch / undici)',
  'java-wxjava': 'Java · WxJava',
  'php-easywechat': 'PHP · EasyWeChat 6',
  'python-wechatpy': 'Python · wechatpy',
  'go-silenceper': 'Go · silenceper/wechat',
  'node-co-wechat-api': 'Node.js · co-wechat-api',
  'postman-environment': 'Postman environment'
}

/** Snippets as main builds them without the key: they read it from `$DESK_API_KEY`. */
function fakeSnippets(app: AppView, status: LocalApiStatus): LocalApiSnippet[] {
  const port = status.boundPort ?? status.port
  const url = `http://127.0.0.1:${port === 0 ? 'PORT' : port}/v1/apps/${app.appId}/access-token`
  return LOCAL_API_SNIPPET_IDS.map((id) => ({
    id,
    title: SNIPPET_TITLES[id],
    language: id === 'curl' ? 'bash' : id === 'postman-environment' ? 'json' : 'javascript',
    code:
      id === 'curl'
        ? `curl -sS -H "Authorization: Bearer $DESK_API_KEY" '${url}'`
        : `// ${SNIPPET_TITLES[id]}: ${url} with process.env.DESK_API_KEY`,
    keyIncluded: false
  }))
}

const isLoopback = (host: string): boolean =>
  host.startsWith('127.') || host === 'localhost' || host === '::1'

export interface FakeDeskState {
  apps?: AppView[]
  preferences?: Partial<Preferences>
  system?: Partial<SystemInfo>
  /** Token views by profile id, answered by getToken. */
  tokens?: Record<string, TokenView>
  /** The local API as main reports it at start (off, no key, by default). */
  localApi?: LocalApiStatus
}

/** A contract call as main's handler sees it (after the bridge). */
type Handler<K extends CallName> = (input: CallInput<K>) => Promise<Result<CallOutput<K>>>

function fakeHandlers(state: FakeDeskState) {
  const apps = state.apps ?? [appView()]
  let preferences: Preferences = {
    language: 'en',
    theme: 'system',
    selectedAppId: null,
    ...state.preferences
  }
  const system: SystemInfo = {
    systemLanguage: 'en-US',
    encryptionAvailable: true,
    encryptionUnavailableReason: null,
    notices: [],
    version: '0.0.0-test',
    ...state.system
  }
  const emulator: EmulatorStatus = { running: true, url: 'http://127.0.0.1:4010', pendingFaults: [] }
  let localApi = state.localApi ?? localApiStatus()
  let apiKey = localApi.hasKey ? LOCAL_API_KEY : null
  const tokenFor = (id: string): TokenView =>
    state.tokens?.[id] ?? tokenView({ profileId: id, held: false, masked: null, autoRefresh: 'idle' })

  // `satisfies` checks every fake against the contract, so a changed signature fails to compile here.
  return {
    listApps: vi.fn<Handler<'listApps'>>(async () => ok(apps)),
    createApp: vi.fn<Handler<'createApp'>>(async ({ name, appId, kind, env, mode }) =>
      ok(appView({ id: 'created', name, appId, kind, env, mode, isSandbox: false }))
    ),
    updateApp: vi.fn<Handler<'updateApp'>>(async ({ id, draft: { name, appId, kind, env, mode } }) =>
      ok(appView({ id, name, appId, kind, env, mode }))
    ),
    deleteApp: vi.fn<Handler<'deleteApp'>>(async () => ok({ deleted: true })),
    getToken: vi.fn<Handler<'getToken'>>(async ({ id }) => ok(tokenFor(id))),
    fetchToken: vi.fn<Handler<'fetchToken'>>(async ({ id }) => ok(tokenFor(id))),
    refreshToken: vi.fn<Handler<'refreshToken'>>(async ({ id }) => ok(tokenFor(id))),
    forceRefreshToken: vi.fn<Handler<'forceRefreshToken'>>(async ({ id }) => ok(tokenFor(id))),
    cancelTokenRefresh: vi.fn<Handler<'cancelTokenRefresh'>>(async ({ id }) => ok(tokenFor(id))),
    testToken: vi.fn<Handler<'testToken'>>(async () => ok({ ok: true, ipCount: 3, durationMs: 12 })),
    revealToken: vi.fn<Handler<'revealToken'>>(async () => ok({ token: '84_full-token-value' })),
    copyToken: vi.fn<Handler<'copyToken'>>(async () => ok({ copied: true })),
    exportPostman: vi.fn<Handler<'exportPostman'>>(async () =>
      ok({ saved: true, path: '/tmp/sandbox.postman_environment.json' })
    ),
    exportCollection: vi.fn<Handler<'exportCollection'>>(async ({ format }) =>
      ok({
        saved: true,
        path: `/tmp/sandbox.${format}_collection.json`,
        keyIncluded: localApi.hasKey,
        localApiRunning: localApi.running
      })
    ),
    listCallLog: vi.fn<Handler<'listCallLog'>>(async () => ok([])),
    clearCallLog: vi.fn<Handler<'clearCallLog'>>(async () => ok({ cleared: true })),
    getCallDetail: vi.fn<Handler<'getCallDetail'>>(async () =>
      fail({ code: 'not-found', message: say('Not kept.') })
    ),
    copyCallAsCurl: vi.fn<Handler<'copyCallAsCurl'>>(async () => ok({ copied: true })),
    getEmulatorStatus: vi.fn<Handler<'getEmulatorStatus'>>(async () => ok(emulator)),
    injectEmulatorFault: vi.fn<Handler<'injectEmulatorFault'>>(async ({ fault, count }) =>
      ok({ ...emulator, pendingFaults: Array.from({ length: count }, () => fault) })
    ),
    clearEmulatorFaults: vi.fn<Handler<'clearEmulatorFaults'>>(async () => ok(emulator)),
    getPreferences: vi.fn<Handler<'getPreferences'>>(async () => ok(preferences)),
    updatePreferences: vi.fn<Handler<'updatePreferences'>>(async (patch) => {
      preferences = { ...preferences, ...patch }
      return ok(preferences)
    }),
    getSystemInfo: vi.fn<Handler<'getSystemInfo'>>(async () => ok(system)),
    dismissNotice: vi.fn<Handler<'dismissNotice'>>(async () => ok({ dismissed: true })),
    getLocalApi: vi.fn<Handler<'getLocalApi'>>(async () => ok(localApi)),
    setLocalApi: vi.fn<Handler<'setLocalApi'>>(async (patch) => {
      const next = { ...localApi, ...patch }
      if (!isLoopback(next.host) && !next.allowNonLoopback) {
        const message = text(
          `Listening on ${next.host} makes the API reachable from other machines.`,
          `监听 ${next.host} 会让其他机器也能访问此 API。`
        )
        return fail({ code: 'invalid-input', message, issues: [{ path: 'host', message }] })
      }
      if (next.enabled) apiKey ??= LOCAL_API_KEY
      const boundPort = next.port === 0 ? FREE_PORT : next.port
      localApi = {
        ...next,
        running: next.enabled,
        boundPort: next.enabled ? boundPort : null,
        url: next.enabled ? `http://${next.host}:${boundPort}` : null,
        warning: isLoopback(next.host)
          ? null
          : text(
              `The local API listens on ${next.host}: over plain HTTP.`,
              `本地 API 正在监听 ${next.host}。`
            ),
        hasKey: apiKey !== null,
        keyMask: apiKey === null ? null : keyMask(apiKey),
        keyPersistence: apiKey === null ? 'none' : 'encrypted',
        lastError: null
      }
      return ok(localApi)
    }),
    revealLocalApiKey: vi.fn<Handler<'revealLocalApiKey'>>(async () =>
      apiKey === null
        ? fail({ code: 'not-found', message: text('There is no API key yet', '还没有 API 密钥') })
        : ok({ key: apiKey })
    ),
    copyLocalApiKey: vi.fn<Handler<'copyLocalApiKey'>>(async () => ok({ copied: true })),
    rotateLocalApiKey: vi.fn<Handler<'rotateLocalApiKey'>>(async () => {
      apiKey = ROTATED_LOCAL_API_KEY
      localApi = { ...localApi, hasKey: true, keyMask: keyMask(apiKey), keyPersistence: 'encrypted' }
      return ok(localApi)
    }),
    getLocalApiSnippets: vi.fn<Handler<'getLocalApiSnippets'>>(async ({ id }) => {
      const app = apps.find((candidate) => candidate.id === id)
      return app
        ? ok(fakeSnippets(app, localApi))
        : fail({ code: 'not-found', message: text(`No app with id "${id}"`, `找不到应用 ${id}`) })
    }),
    copyLocalApiSnippet: vi.fn<Handler<'copyLocalApiSnippet'>>(async () =>
      ok({ copied: true, keyIncluded: localApi.hasKey })
    ),
    ...fakeConsole()
  } satisfies { [K in CallName]?: Handler<K> }
}

/** The API console as main answers it: an empty history, and a probe's answer to every send. */
function fakeConsole() {
  let state: ConsoleState = { profileId: 'sandbox', history: [], saved: [] }
  return {
    getConsoleState: vi.fn<Handler<'getConsoleState'>>(async ({ id }) => ok({ ...state, profileId: id })),
    sendConsoleRequest: vi.fn<Handler<'sendConsoleRequest'>>(async ({ id, requestId, request }) => {
      const response = consoleResponse({
        requestId,
        profileId: id,
        method: request.method,
        path: request.path
      })
      state = {
        ...state,
        history: [
          {
            id: requestId,
            at: NOW,
            request,
            outcome: 'answered',
            status: 200,
            errcode: null,
            durationMs: 12,
            callLogId: 1
          },
          ...state.history
        ]
      }
      return ok({ response, state })
    }),
    cancelConsoleRequest: vi.fn<Handler<'cancelConsoleRequest'>>(async () => ok({ cancelled: true })),
    copyConsoleCurl: vi.fn<Handler<'copyConsoleCurl'>>(async () => ok({ copied: true })),
    saveConsoleRequest: vi.fn<Handler<'saveConsoleRequest'>>(async ({ name, request }) => {
      state = { ...state, saved: [{ id: name, name, at: NOW, request }, ...state.saved] }
      return ok(state)
    }),
    pickConsoleFile: vi.fn<Handler<'pickConsoleFile'>>(async () =>
      ok({ file: { fileId: 'file-1', fileName: 'cat.png', bytes: 1234, contentType: 'image/png' } })
    ),
    getConsoleQuota: vi.fn<Handler<'getConsoleQuota'>>(async ({ path }) =>
      ok({ cgiPath: path, quota: { dailyLimit: 10000, used: 3, remain: 9997 }, refusal: null, callLogId: 2 })
    )
  }
}

/** A console answer: getcallbackip's, unless told otherwise. */
export function consoleResponse(overrides: Partial<ConsoleResponse> = {}): ConsoleResponse {
  return {
    requestId: 'req-00000001',
    profileId: 'sandbox',
    outcome: 'answered',
    method: 'GET',
    path: '/cgi-bin/getcallbackip',
    url: 'http://127.0.0.1:4010/cgi-bin/getcallbackip?access_token=***',
    at: NOW,
    status: 200,
    durationMs: 12,
    bytes: 34,
    truncated: false,
    headers: [['content-type', 'application/json; charset=utf-8']],
    contentType: 'application/json; charset=utf-8',
    body: { kind: 'text', text: '{"ip_list":["101.226.62.77"]}', json: true },
    errcode: null,
    errmsg: null,
    rid: null,
    failure: null,
    callLogId: 1,
    ...overrides
  }
}

export interface FakeDesk {
  /** `window.desk`, built by the same `buildDeskApi` the preload uses. */
  api: DeskApi
  /** The fake handlers behind it, as spies: assert on inputs, or change answers per test. */
  calls: ReturnType<typeof fakeHandlers>
  /** Pushes an event, as main does. */
  emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void
  /** How many listeners the renderer holds on an event now. */
  listenerCount: (name: EventName) => number
}

/** Calls the renderer does not use answer like an unknown handler would. */
const notFaked = (name: string): Result<never> =>
  fail({ code: 'internal', message: text(`${name} is not faked`, `${name} 未模拟`) })

export function createFakeDesk(state: FakeDeskState = {}): FakeDesk {
  const calls = fakeHandlers(state)
  // The bridge is untyped by nature (channel strings, unknown payloads), exactly like Electron's IPC.
  const byChannel = new Map<string, (input: unknown) => Promise<unknown>>(
    Object.entries(calls).map(([name, handler]) => [
      channelOf(name as CallName),
      handler as (input: unknown) => Promise<unknown>
    ])
  )
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const api = buildDeskApi({
    invoke: (channel, input) => byChannel.get(channel)?.(input) ?? Promise.resolve(notFaked(channel)),
    subscribe: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    }
  })
  const emit = <K extends EventName>(name: K, payload: EventPayload<K>): void => {
    for (const listener of listeners.get(channelOf(name)) ?? []) listener(payload)
  }
  const listenerCount = (name: EventName): number => listeners.get(channelOf(name))?.size ?? 0
  return { api, calls, emit, listenerCount }
}

/** A localized text for fake errors. */
export const say = (en: string, zh = `（中文）${en}`) => text(en, zh)
