import { SANDBOX_APP, type Emulator, type EmulatorAppConfig } from '../../src/emulator'
import { openidFor } from '../../src/emulator/fake-users'
import { findAccountUser } from '../../src/emulator/sandbox-users'
import {
  call,
  NORMAL_APP,
  stableFor,
  TEST_APP,
  tokenOf,
  useEmulator,
  type Answer,
  type EmulatorContext
} from './emulator-client'

// Calls of the API console's catalogue against the emulator: real HTTP, tokens from stable_token (whose
// 500,000 a day no test exhausts), the answers kept raw.

/** An Official Account (the platform an account has when it says none). */
export const OFFICIAL_ACCOUNT: EmulatorAppConfig = NORMAL_APP
/** A 测试号 test account: an Official Account with the small daily caps. */
export const TEST_ACCOUNT: EmulatorAppConfig = TEST_APP
export const MINI_PROGRAM: EmulatorAppConfig = {
  appid: 'wx2468ace013579bdf',
  secret: '13579bdf2468ace013579bdf2468ace0',
  accountType: 'normal',
  platform: 'mini-program',
  unionBound: true
}
export const OTHER_MINI_PROGRAM: EmulatorAppConfig = {
  appid: 'wx97531fdb86420eca',
  secret: '97531fdb86420eca97531fdb86420eca',
  accountType: 'normal',
  platform: 'mini-program'
}
export const SANDBOX: EmulatorAppConfig = SANDBOX_APP

/** A fresh emulator per test with the four kinds of account above, and a manual clock. */
export function useCatalogue(): EmulatorContext {
  return useEmulator([OFFICIAL_ACCOUNT, TEST_ACCOUNT, MINI_PROGRAM, OTHER_MINI_PROGRAM, SANDBOX])
}

export async function tokenFor(emulator: Emulator, app: EmulatorAppConfig): Promise<string> {
  return tokenOf(await stableFor(emulator, app))
}

const withToken = (path: string, token: string, query: Record<string, string> = {}): string => {
  const params = new URLSearchParams({ access_token: token, ...query })
  return `${path}?${params.toString()}`
}

export function apiGet(
  emulator: Emulator,
  path: string,
  token: string,
  query?: Record<string, string>
): Promise<Answer> {
  return call(emulator, withToken(path, token, query))
}

/** POSTs `body` as JSON (a string is sent as it is). */
export function apiPost(emulator: Emulator, path: string, token: string, body: unknown): Promise<Answer> {
  return call(emulator, withToken(path, token), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
}

export interface BinaryAnswer {
  status: number
  contentType: string | null
  bytes: Buffer
}

export async function fetchBytes(
  emulator: Emulator,
  path: string,
  init?: RequestInit
): Promise<BinaryAnswer> {
  const response = await fetch(`${emulator.url}${path}`, init)
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer())
  }
}

export const errcodeOf = (answer: Answer): unknown => answer.json['errcode']

/** The rid at the end of an errmsg. */
export function ridOf(answer: Answer): string {
  const rid = / rid: ([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})$/.exec(String(answer.json['errmsg']))?.[1]
  if (!rid) throw new Error(`No rid in ${answer.text}`)
  return rid
}

/** A sandbox user's openid in `app`. */
export function openidOf(app: EmulatorAppConfig, userId: string): string {
  const user = findAccountUser(userId)
  if (!user) throw new Error(`No sandbox user ${userId}`)
  return openidFor(app.appid, user)
}

/** A PNG file's first bytes (enough for the upload's format check) followed by `size - 8` filler bytes. */
export function pngOfSize(size: number): Buffer {
  const file = Buffer.alloc(size, 0x20)
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(file)
  return file
}

export function jpegOfSize(size: number): Buffer {
  const file = Buffer.alloc(size, 0x20)
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(file)
  return file
}

/** media/upload with a FormData, as fetch sends it: the file under `field`, named `filename`. */
export function upload(
  emulator: Emulator,
  token: string,
  type: string,
  file: { field?: string; filename: string; bytes: Buffer; mime?: string }
): Promise<Answer> {
  const form = new FormData()
  form.append(
    file.field ?? 'media',
    new Blob([new Uint8Array(file.bytes)], { type: file.mime ?? 'application/octet-stream' }),
    file.filename
  )
  return call(emulator, withToken('/cgi-bin/media/upload', token, { type }), { method: 'POST', body: form })
}
