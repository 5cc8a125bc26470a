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
import { buildDeskApi } from '../../../src/shared/desk-api'
import { fail, ok, text, type Result } from '../../../src/shared/result'
import type { AppView, EmulatorStatus, Preferences, SystemInfo, TokenView } from '../../../src/shared/types'

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
    quota: { used: 1, limit: 200, forceUsed: 0, forceLimit: 20, forceAvailableAt: null },
    now,
    ...overrides
  }
}

export interface FakeDeskState {
  apps?: AppView[]
  preferences?: Partial<Preferences>
  system?: Partial<SystemInfo>
  /** Token views by profile id, answered by getToken. */
  tokens?: Record<string, TokenView>
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
    testToken: vi.fn<Handler<'testToken'>>(async () => ok({ ok: true, ipCount: 3, durationMs: 12 })),
    revealToken: vi.fn<Handler<'revealToken'>>(async () => ok({ token: '84_full-token-value' })),
    copyToken: vi.fn<Handler<'copyToken'>>(async () => ok({ copied: true })),
    exportPostman: vi.fn<Handler<'exportPostman'>>(async () =>
      ok({ saved: true, path: '/tmp/sandbox.postman_environment.json' })
    ),
    listCallLog: vi.fn<Handler<'listCallLog'>>(async () => ok([])),
    clearCallLog: vi.fn<Handler<'clearCallLog'>>(async () => ok({ cleared: true })),
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
    dismissNotice: vi.fn<Handler<'dismissNotice'>>(async () => ok({ dismissed: true }))
  } satisfies { [K in CallName]?: Handler<K> }
}

export interface FakeDesk {
  /** `window.desk`, built by the same `buildDeskApi` the preload uses. */
  api: DeskApi
  /** The fake handlers behind it, as spies: assert on inputs, or change answers per test. */
  calls: ReturnType<typeof fakeHandlers>
  /** Pushes an event, as main does. */
  emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void
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
  return { api, calls, emit }
}

/** A localized text for fake errors. */
export const say = (en: string, zh = `（中文）${en}`) => text(en, zh)
