import { afterEach, beforeEach } from 'vitest'
import { createEmulator, type Emulator, type EmulatorAppConfig } from '../../src/emulator'
import { ManualClock } from '../../src/core/time/clock'

// A tiny WeChat client for the emulator tests: real HTTP through Node's fetch, answers kept raw.

export const NORMAL_APP: EmulatorAppConfig = {
  appid: 'wx0123456789abcdef',
  secret: '00112233445566778899aabbccddeeff',
  accountType: 'normal'
}

export const TEST_APP: EmulatorAppConfig = {
  appid: 'wxfedcba9876543210',
  secret: 'ffeeddccbbaa99887766554433221100',
  accountType: 'test'
}

export interface Answer {
  status: number
  contentType: string | null
  headers: Headers
  text: string
  /** The body parsed as JSON (an empty object when it is not JSON). */
  json: Record<string, unknown>
}

export interface EmulatorContext {
  emulator: Emulator
  clock: ManualClock
}

/** A fresh emulator on 127.0.0.1 with a manual clock for each test, closed after it. */
export function useEmulator(apps: EmulatorAppConfig[] = [NORMAL_APP, TEST_APP]): EmulatorContext {
  const context: EmulatorContext = { emulator: createEmulator({ apps: [] }), clock: new ManualClock() }
  beforeEach(async () => {
    context.clock = new ManualClock()
    context.emulator = createEmulator({ clock: context.clock, apps })
    await context.emulator.start()
  })
  afterEach(async () => {
    await context.emulator.close()
  })
  return context
}

export async function call(emulator: Emulator, path: string, init?: RequestInit): Promise<Answer> {
  const response = await fetch(`${emulator.url}${path}`, init)
  const text = await response.text()
  let json: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed === 'object' && parsed !== null) json = parsed as Record<string, unknown>
  } catch {
    // not JSON: tests that care look at `text`
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    headers: response.headers,
    text,
    json
  }
}

export function getToken(emulator: Emulator, params: Record<string, string>): Promise<Answer> {
  return call(emulator, `/cgi-bin/token?${new URLSearchParams(params).toString()}`)
}

/** A well-formed classic call for `app`. */
export function classicFor(emulator: Emulator, app: EmulatorAppConfig): Promise<Answer> {
  return getToken(emulator, { grant_type: 'client_credential', appid: app.appid, secret: app.secret })
}

export function postJson(emulator: Emulator, path: string, body: unknown): Promise<Answer> {
  return call(emulator, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

/** A well-formed stable_token call for `app`. */
export function stableFor(
  emulator: Emulator,
  app: EmulatorAppConfig,
  forceRefresh?: boolean
): Promise<Answer> {
  const body = { grant_type: 'client_credential', appid: app.appid, secret: app.secret }
  return postJson(
    emulator,
    '/cgi-bin/stable_token',
    forceRefresh === undefined ? body : { ...body, force_refresh: forceRefresh }
  )
}

export function probe(emulator: Emulator, token: string): Promise<Answer> {
  return call(emulator, `/cgi-bin/getcallbackip?access_token=${encodeURIComponent(token)}`)
}

export function clearQuota(
  emulator: Emulator,
  app: EmulatorAppConfig,
  appsecret = app.secret
): Promise<Answer> {
  return postJson(emulator, '/cgi-bin/clear_quota/v2', { appid: app.appid, appsecret })
}

export function tokenOf(answer: Answer): string {
  const token = answer.json['access_token']
  if (typeof token !== 'string') throw new Error(`No access_token in ${answer.text}`)
  return token
}

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
