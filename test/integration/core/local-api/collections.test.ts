import { readFile } from 'node:fs/promises'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../../src/compose/desk-handlers'
import { invokeHandler, type HandlerTable } from '../../../../src/core/handler-table'
import type { BrunoCollection, PostmanCollection } from '../../../../src/core/local-api/collections'
import type { SavedCollection } from '../../../../src/shared/contract'
import type { Result } from '../../../../src/shared/result'
import { startTestDesk, type TestDesk } from '../../../support/desk'

// The live collections, run as Postman and Bruno would run them: their scripts read the token from a real
// Local API (the sandbox's), and after WeChat refuses a token they get the desk's current one.

let desk: TestDesk | null = null
afterEach(async () => {
  await desk?.close()
  desk = null
})

async function invoke<T>(table: HandlerTable, name: string, input?: unknown): Promise<T> {
  const result = (await invokeHandler(table, name, input)) as Result<T>
  if (!result.ok) throw new Error(`${name} failed: ${result.error.message.en}`)
  return result.value
}

async function exported<T>(
  format: 'postman' | 'bruno',
  language?: 'en' | 'zh-CN'
): Promise<{ file: T; saved: SavedCollection; d: TestDesk }> {
  const d = (desk = await startTestDesk())
  const table = createHandlerTable(d.services)
  await invoke(table, 'setLocalApi', { enabled: true, port: 0 })
  const saved = await invoke<SavedCollection>(table, 'exportCollection', { id: 'sandbox', format, language })
  const file = JSON.parse(await readFile(saved.path ?? '', 'utf8')) as T
  return { file, saved, d }
}

interface Answer {
  status: number
  text: string
}

async function send(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string }
): Promise<Answer> {
  const res = await fetch(url, init)
  return { status: res.status, text: await res.text() }
}

/** Runs a Postman script with the `pm` calls it uses; resolves once its sendRequest callbacks ran. */
async function runPostman(script: string[], vars: Map<string, string>, response?: unknown): Promise<void> {
  const pending: Promise<void>[] = []
  const pm = {
    variables: {
      get: (key: string) => vars.get(key),
      replaceIn: (text: string) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars.get(key) ?? '')
    },
    collectionVariables: {
      get: (key: string) => vars.get(key),
      set: (key: string, value: string) => void vars.set(key, value)
    },
    response: { json: () => response },
    sendRequest: (
      request: { url: string; method: string; header: Record<string, string>; body?: { raw: string } },
      callback: (error: Error | null, res?: { code: number; json: () => unknown }) => void
    ) => {
      pending.push(
        send(request.url, { method: request.method, headers: request.header, body: request.body?.raw }).then(
          (answer) => callback(null, { code: answer.status, json: () => JSON.parse(answer.text) }),
          (error: Error) => callback(error)
        )
      )
    }
  }
  runInNewContext(script.join('\n'), { pm })
  await Promise.all(pending)
}

/** A stand-in for the axios Bruno bundles: what the scripts call of it. */
const axios = {
  get: async (url: string, options: { headers: Record<string, string> }) => {
    const answer = await send(url, { method: 'GET', headers: options.headers })
    return { status: answer.status, data: JSON.parse(answer.text) as unknown }
  },
  post: async (url: string, body: unknown, options: { headers: Record<string, string> }) => {
    const headers = { ...options.headers, 'content-type': 'application/json' }
    const answer = await send(url, { method: 'POST', headers, body: JSON.stringify(body) })
    return { status: answer.status, data: JSON.parse(answer.text) as unknown }
  }
}

/** Runs a Bruno script (they may `await` at top level) with the `bru`, `res` and `require` it uses. */
async function runBruno(
  script: string,
  env: Map<string, string>,
  vars: Map<string, string>,
  body?: unknown
): Promise<void> {
  const bru = {
    getEnvVar: (key: string) => env.get(key),
    getVar: (key: string) => vars.get(key),
    setVar: (key: string, value: string) => void vars.set(key, value)
  }
  const res = { getBody: () => body }
  const require = (name: string): unknown => {
    if (name !== 'axios') throw new Error(`the script may not require ${name}`)
    return axios
  }
  await (runInNewContext(`(async () => {\n${script}\n})()`, { bru, res, require }) as Promise<void>)
}

/** What getcallbackip answers for `token` (the emulator's WeChat). */
async function probe(apiBase: string, token: string): Promise<Record<string, unknown>> {
  const answer = await send(`${apiBase}/cgi-bin/getcallbackip?access_token=${encodeURIComponent(token)}`, {
    method: 'GET',
    headers: {}
  })
  return JSON.parse(answer.text) as Record<string, unknown>
}

describe('the live Postman collection', () => {
  it('reads the shared token before a request, and the desk’s current one after WeChat refuses it', async () => {
    const { file, saved, d } = await exported<PostmanCollection>('postman')
    expect(saved).toMatchObject({ saved: true, keyIncluded: true, localApiRunning: true })
    expect(file.info.schema).toBe('https://schema.getpostman.com/json/collection/v2.1.0/collection.json')
    const vars = new Map(file.variable.map((v) => [v.key, v.value]))
    expect(vars.get('desk_api_key')).toBe(d.services.localApi.revealKey())
    const [pre, post] = file.event

    await runPostman(pre?.script.exec ?? [], vars)
    const held = d.services.tokens.current('sandbox')
    expect(vars.get('access_token')).toBe(held?.value)
    expect(await probe(vars.get('wechat_api_base') ?? '', vars.get('access_token') ?? '')).toHaveProperty(
      'ip_list'
    )

    // A later send reuses it: no second read while it has more than a minute to live.
    vars.set('desk_api_key', 'a key the desk would refuse')
    await runPostman(pre?.script.exec ?? [], vars)
    expect(vars.get('access_token')).toBe(held?.value)

    // Killed elsewhere: WeChat answers 40001, the post-response script asks for a passive refresh.
    vars.set('desk_api_key', d.services.localApi.revealKey())
    vars.set('access_token', 'a-token-wechat-refuses')
    const refusal = await probe(vars.get('wechat_api_base') ?? '', 'a-token-wechat-refuses')
    expect([40001, 40014, 42001]).toContain(refusal['errcode'])
    await runPostman(post?.script.exec ?? [], vars, refusal)
    expect(vars.get('access_token')).toBe(d.services.tokens.current('sandbox')?.value)
  })

  it('names the sandbox in the reader’s language', async () => {
    const { file } = await exported<PostmanCollection>('postman', 'zh-CN')
    expect(file.info.name).toBe('WeChat Token Desk · 沙箱（离线模拟器）')
  })
})

describe('the live Bruno collection', () => {
  it('reads the shared token into a runtime variable, from its own environment', async () => {
    const { file, d } = await exported<BrunoCollection>('bruno')
    expect(file).toMatchObject({ version: '1', brunoConfig: { type: 'collection' } })
    for (const uid of [file.uid, ...file.items.map((i) => i.uid)]) expect(uid).toMatch(/^[A-Za-z0-9]{21}$/)
    const environment = file.environments[0]
    const env = new Map((environment?.variables ?? []).map((v) => [v.name, v.value]))
    expect(environment?.variables.find((v) => v.name === 'desk_api_key')?.secret).toBe(true)
    const vars = new Map<string, string>()

    await runBruno(file.root.request.script.req, env, vars)
    expect(vars.get('access_token')).toBe(d.services.tokens.current('sandbox')?.value)
    expect(file.items[0]?.request.url).toBe(
      '{{wechat_api_base}}/cgi-bin/getcallbackip?access_token={{access_token}}'
    )

    vars.set('access_token', 'a-token-wechat-refuses')
    const refusal = await probe(env.get('wechat_api_base') ?? '', 'a-token-wechat-refuses')
    await runBruno(file.root.request.script.res, env, vars, refusal)
    expect(vars.get('access_token')).toBe(d.services.tokens.current('sandbox')?.value)
  })
})

describe('copy as JSON', () => {
  it('puts the Local API’s token fields and the AppID on the clipboard', async () => {
    const d = (desk = await startTestDesk())
    const table = createHandlerTable(d.services)
    await invoke(table, 'fetchToken', { id: 'sandbox' })
    await invoke(table, 'copyToken', { id: 'sandbox', format: 'json' })
    const copied = JSON.parse(d.clipboard.text ?? '') as Record<string, unknown>
    const held = d.services.tokens.current('sandbox')
    expect(copied).toMatchObject({
      appid: d.services.profiles.credentials('sandbox').appId,
      access_token: held?.value,
      mode: 'stable',
      expires_at: new Date(held?.expiresAt ?? 0).toISOString()
    })
    expect(copied['expires_in']).toEqual(expect.any(Number))
  })
})
