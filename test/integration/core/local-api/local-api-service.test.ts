import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { SANDBOX_APPID } from '../../../../src/emulator'
import { createHandlerTable } from '../../../../src/compose/desk-handlers'
import { createAesCipher } from '../../../../src/core/storage/aes-cipher'
import { invokeHandler, type HandlerTable } from '../../../../src/core/handler-table'
import type { LocalApiRequestBatch, LocalApiStatus } from '../../../../src/shared/contract/local-api'
import type { Result } from '../../../../src/shared/result'
import { startTestDesk, type TestDesk } from '../../../support/desk'
import { tempDir } from '../../../support/memory-ports'
import { httpCall } from '../../../support/local-api-world'

const run = promisify(execFile)

let desks: TestDesk[] = []
let dirs: { remove: () => void }[] = []
afterEach(async () => {
  for (const desk of desks) await desk.close()
  for (const dir of dirs) dir.remove()
  desks = []
  dirs = []
})

async function desk(
  options: Parameters<typeof startTestDesk>[0] = {}
): Promise<{ d: TestDesk; table: HandlerTable }> {
  const d = await startTestDesk(options)
  desks.push(d)
  return { d, table: createHandlerTable(d.services) }
}

async function invoke<T>(table: HandlerTable, name: string, input?: unknown): Promise<T> {
  const result = (await invokeHandler(table, name, input)) as Result<T>
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message.en}`)
  return result.value
}

const tokenPath = `/v1/apps/${SANDBOX_APPID}/access-token`

/** A desk in a fresh data folder that enabled the API and quit: the folder, and the key it had. */
async function enabledThenQuit(): Promise<{ dir: { path: string }; key: string }> {
  const dir = tempDir()
  dirs.push(dir)
  const first = await desk({ dataDir: dir.path })
  await invoke(first.table, 'setLocalApi', { enabled: true, port: 0 })
  const { key } = await invoke<{ key: string }>(first.table, 'revealLocalApiKey')
  await first.d.services.dispose()
  desks = desks.filter((x) => x !== first.d)
  return { dir, key }
}

describe('the Local API service behind the panel', () => {
  it('is off by default; enabling it generates a key, listens on 127.0.0.1 and serves the sandbox token', async () => {
    const { d, table } = await desk()
    const off = await invoke<LocalApiStatus>(table, 'getLocalApi')
    expect(off).toMatchObject({
      enabled: false,
      running: false,
      host: '127.0.0.1',
      port: 17180,
      hasKey: false
    })
    expect(off.keyPersistence).toBe('none')

    const on = await invoke<LocalApiStatus>(table, 'setLocalApi', { enabled: true, port: 0 })
    expect(on).toMatchObject({ enabled: true, running: true, hasKey: true, keyPersistence: 'encrypted' })
    expect(on.url).toBe(`http://127.0.0.1:${on.boundPort}`)
    const { key } = await invoke<{ key: string }>(table, 'revealLocalApiKey')
    expect(key).toMatch(/^[A-Za-z0-9_-]{43,}$/)
    expect(on.keyMask?.endsWith(key.slice(-4))).toBe(true)

    const res = await httpCall(on.url ?? '', { path: tokenPath, headers: { authorization: `Bearer ${key}` } })
    expect(res.status).toBe(200)
    expect(res.json()).toMatchObject({ access_token: d.services.tokens.current('sandbox')?.value })

    // The key is stored encrypted: not in the settings file in clear.
    const stored = d.services.store.read('localApi')
    expect(stored.keyEnc).not.toBeNull()
    expect(JSON.stringify(stored)).not.toContain(key)
  })

  it('starts again after a restart with the same key, when it was left enabled', async () => {
    const { dir, key } = await enabledThenQuit()
    const second = await desk({ dataDir: dir.path })
    const status = await invoke<LocalApiStatus>(second.table, 'getLocalApi')
    expect(status.running).toBe(true)
    expect((await invoke<{ key: string }>(second.table, 'revealLocalApiKey')).key).toBe(key)
  })

  it('says so, and makes a new key, when the stored key cannot be decrypted any more', async () => {
    const { dir, key } = await enabledThenQuit()
    const second = await desk({ dataDir: dir.path, cipher: createAesCipher('a-different-keychain-0123') })
    expect(second.d.services.notices.list().map((n) => n.id)).toContain('local-api-key-unreadable')
    const status = await invoke<LocalApiStatus>(second.table, 'getLocalApi')
    expect(status.running).toBe(true)
    expect((await invoke<{ key: string }>(second.table, 'revealLocalApiKey')).key).not.toBe(key)
  })

  it('keeps the key for this session only when encryption is unavailable', async () => {
    const { d, table } = await desk({ encryption: false })
    const status = await invoke<LocalApiStatus>(table, 'setLocalApi', { enabled: true, port: 0 })
    expect(status.keyPersistence).toBe('session-only')
    expect(d.services.store.read('localApi').keyEnc).toBeNull()
  })

  it('rotates the key: the old one gets 401 at once', async () => {
    const { table } = await desk()
    const status = await invoke<LocalApiStatus>(table, 'setLocalApi', { enabled: true, port: 0 })
    const { key: old } = await invoke<{ key: string }>(table, 'revealLocalApiKey')
    await invoke(table, 'rotateLocalApiKey')
    const { key: next } = await invoke<{ key: string }>(table, 'revealLocalApiKey')
    expect(next).not.toBe(old)
    const url = status.url ?? ''
    expect(
      (await httpCall(url, { path: '/v1/apps', headers: { authorization: `Bearer ${old}` } })).status
    ).toBe(401)
    expect(
      (await httpCall(url, { path: '/v1/apps', headers: { authorization: `Bearer ${next}` } })).status
    ).toBe(200)
  })

  it('copies the key to the clipboard', async () => {
    const { d, table } = await desk()
    await invoke(table, 'setLocalApi', { enabled: true, port: 0 })
    await invoke(table, 'copyLocalApiKey')
    expect(d.clipboard.text).toBe((await invoke<{ key: string }>(table, 'revealLocalApiKey')).key)
  })

  it('counts requests and lists the last ones (route, status, caller port), pushing them in batches', async () => {
    const { d, table } = await desk()
    const batches: LocalApiRequestBatch[] = []
    const statuses: LocalApiStatus[] = []
    const unsubscribe = d.services.subscribe((name, payload) => {
      if (name === 'localApiRequest') batches.push(payload as LocalApiRequestBatch)
      if (name === 'localApiChanged') statuses.push(payload as LocalApiStatus)
    })
    const status = await invoke<LocalApiStatus>(table, 'setLocalApi', { enabled: true, port: 0 })
    expect(statuses.at(-1)?.running).toBe(true)
    const { key } = await invoke<{ key: string }>(table, 'revealLocalApiKey')
    const url = status.url ?? ''
    await httpCall(url, { path: `${tokenPath}?secret=hunter2`, headers: { authorization: `Bearer ${key}` } })
    for (let i = 0; i < 5; i++) await httpCall(url, { path: '/healthz' })
    await httpCall(url, { path: '/v1/apps' })

    const after = await invoke<LocalApiStatus>(table, 'getLocalApi')
    expect(after.requestCount).toBe(7)
    expect(after.recentRequests[0]).toMatchObject({ method: 'GET', route: '/v1/apps', status: 401 })
    expect(after.recentRequests[6]).toMatchObject({ route: tokenPath, status: 200 })
    expect(after.recentRequests[0]?.callerPort).toBeGreaterThan(0)
    expect(JSON.stringify(after.recentRequests)).not.toContain('hunter2')

    await new Promise((resolve) => setTimeout(resolve, 400))
    unsubscribe()
    expect(batches.length).toBeGreaterThanOrEqual(1)
    expect(batches.length).toBeLessThan(7)
    expect(batches.at(-1)?.total).toBe(7)
    expect(batches.flatMap((b) => b.entries)).toHaveLength(7)
  })

  it('reports a port that is already taken instead of failing silently', async () => {
    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const { table } = await desk()
      const result = await invokeHandler(table, 'setLocalApi', { enabled: true, port })
      expect(result).toMatchObject({ ok: false, error: { code: 'guard' } })
      const status = await invoke<LocalApiStatus>(table, 'getLocalApi')
      expect(status).toMatchObject({ enabled: true, running: false })
      expect(status.lastError?.message.en).toContain(String(port))
      // Moving to a free port recovers.
      expect(await invoke<LocalApiStatus>(table, 'setLocalApi', { port: 0 })).toMatchObject({
        running: true,
        lastError: null
      })
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('refuses a non-loopback address unless explicitly allowed, then warns', async () => {
    const { table } = await desk()
    const refused = await invokeHandler(table, 'setLocalApi', { host: '192.168.1.20' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'host' }] } })
    const bad = await invokeHandler(table, 'setLocalApi', { host: 'example.com', allowNonLoopback: true })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const allowed = await invoke<LocalApiStatus>(table, 'setLocalApi', {
      host: '192.168.1.20',
      allowNonLoopback: true
    })
    expect(allowed.warning?.en).toContain('192.168.1.20')
    const back = await invoke<LocalApiStatus>(table, 'setLocalApi', { allowNonLoopback: false })
    expect(back).toMatchObject({ host: '127.0.0.1', warning: null })
  })

  it('validates setLocalApi input at the boundary', async () => {
    const { table } = await desk()
    for (const input of [{ port: 70000 }, { port: -1 }, { port: 1.5 }, { enabled: 'yes' }, { extra: true }]) {
      expect(await invokeHandler(table, 'setLocalApi', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' }
      })
    }
  })

  it('gives snippets filled with the real port and AppID, with a placeholder or the real key', async () => {
    const { table } = await desk()
    const status = await invoke<LocalApiStatus>(table, 'setLocalApi', { enabled: true, port: 0 })
    const { key } = await invoke<{ key: string }>(table, 'revealLocalApiKey')
    const plain = await invoke<{ id: string; code: string; keyIncluded: boolean }[]>(
      table,
      'getLocalApiSnippets',
      {
        id: 'sandbox'
      }
    )
    expect(plain.map((s) => s.id)).toEqual([
      'curl',
      'node-fetch',
      'java-wxjava',
      'php-easywechat',
      'python-wechatpy',
      'go-silenceper',
      'node-co-wechat-api',
      'postman-environment'
    ])
    for (const s of plain) {
      expect(s.code, s.id).toContain(String(status.boundPort))
      expect(s.code, s.id).toContain(SANDBOX_APPID)
      expect(s.code, s.id).not.toContain(key)
      expect(s.keyIncluded).toBe(false)
    }
    const withKey = await invoke<{ id: string; code: string; keyIncluded: boolean }[]>(
      table,
      'getLocalApiSnippets',
      { id: 'sandbox', includeKey: true }
    )
    // The /v1 API's callers carry the key; the SDKs use the WeChat host, which needs none.
    const keyed = ['curl', 'node-fetch', 'postman-environment']
    for (const s of withKey) {
      expect(s.code.includes(key), s.id).toBe(keyed.includes(s.id))
      expect(s.keyIncluded, s.id).toBe(keyed.includes(s.id))
    }
    expect(await invokeHandler(table, 'getLocalApiSnippets', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
  })

  it('copies a curl snippet that runs as pasted and returns the sandbox token', async () => {
    const { d, table } = await desk()
    await invoke(table, 'setLocalApi', { enabled: true, port: 0 })
    await invoke(table, 'copyLocalApiSnippet', { id: 'sandbox', snippet: 'curl' })
    const script = d.clipboard.text ?? ''
    let stdout: string
    try {
      ;({ stdout } = await run('sh', ['-c', script], { timeout: 10_000 }))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return // no sh/curl on this machine
      throw error
    }
    const body = JSON.parse(stdout) as { access_token: string }
    expect(body.access_token).toBe(d.services.tokens.current('sandbox')?.value)
    const status = await invoke<LocalApiStatus>(table, 'getLocalApi')
    expect(status.recentRequests[0]).toMatchObject({ route: tokenPath, status: 200 })
  })

  it('closes the server when the desk shuts down', async () => {
    const { d, table } = await desk()
    const status = await invoke<LocalApiStatus>(table, 'setLocalApi', { enabled: true, port: 0 })
    await d.services.dispose()
    desks = desks.filter((x) => x !== d)
    await expect(httpCall(status.url ?? '', { path: '/healthz' })).rejects.toThrow()
  })
})
