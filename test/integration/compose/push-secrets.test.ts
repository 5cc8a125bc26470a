import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAesCipher, unavailableCipher } from '../../../src/core/storage/aes-cipher'
import { callNames, type CallName, type PushConfigDraft } from '../../../src/shared/contract'
import { tempDir } from '../../support/memory-ports'
import { startPushDesk, type PushDesk } from '../../support/push-desk'
import { startWebotReceiver, type Receiver } from '../../support/push-receivers'

// Custody of the push simulator's Token and EncodingAESKey: kept in main like the AppSecret — encrypted at
// rest, for the session only without a keychain — and never handed to the renderer, only masks.

const TOKEN = 'PushToken7x9Q2mZ4'
const KEY = 'Qw3rTy7uI9oP1aS5dF8gH2jK4lZ6xC0vB3nM5qW7eR9'
const SANDBOX_APPID = 'wx5e1d0c7a3b9f2468'
const id = 'sandbox'

const draft = (url: string, over: Partial<PushConfigDraft> = {}): PushConfigDraft => ({
  url,
  token: TOKEN,
  encodingAesKey: KEY,
  mode: 'safe',
  format: 'xml',
  accountId: '',
  openid: '',
  ...over
})

const storedFile = (dataDir: string): string => readFileSync(join(dataDir, 'desk.json'), 'utf8')
const storedPush = (dataDir: string): Record<string, unknown> | undefined => {
  const doc = JSON.parse(storedFile(dataDir)) as {
    profiles: { id: string; push?: Record<string, unknown> }[]
  }
  return doc.profiles.find((p) => p.id === id)?.push
}

describe('the push Token and EncodingAESKey stay in main', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })
  const folder = (): string => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    return dir.path
  }
  const open = async (options: Parameters<typeof startPushDesk>[0]): Promise<PushDesk> => {
    const desk = await startPushDesk(options)
    // Tests restart the desk on the same folder: each desk closes once, by the test or at the end.
    let closed: Promise<void> | null = null
    const close = (): Promise<void> => (closed ??= desk.close())
    cleanups.push(close)
    return { ...desk, close }
  }
  const receiver = async (): Promise<Receiver> => {
    const started = await startWebotReceiver({
      token: TOKEN,
      aes: { encodingAESKey: KEY, appid: SANDBOX_APPID }
    })
    cleanups.push(() => started.close())
    return started
  }

  it('never reach the renderer: every reply and event holds masks only, whatever it calls', async () => {
    const desk = await open({})
    const server = await receiver()
    const config = await desk.value('savePushConfig', { id, draft: draft(server.url) })
    expect(config).toMatchObject({
      hasToken: true,
      tokenMask: `••••••••${TOKEN.slice(-4)}`,
      hasAesKey: true,
      aesKeyMask: `••••••••${KEY.slice(-4)}`
    })
    const composed = await desk.value('composePush', {
      id,
      template: 'text',
      values: {},
      format: 'xml',
      accountId: '',
      openid: ''
    })
    const sent = await desk.value('sendPush', { id, body: composed.body, template: 'text', retry: false })
    expect(sent.verdict.accepted).toBe(true)
    const verified = await desk.value('verifyPushUrl', { id })
    expect(verified.verdict.accepted).toBe(true)
    const inputs: Partial<Record<CallName, unknown[]>> = {
      getPushState: [{ id }],
      copyPushCurl: [
        { id, entryId: sent.id },
        { id, entryId: verified.id }
      ],
      sendPush: [{ id, body: '<xml>not a message</xml>', template: null, retry: false }]
    }
    // Every push call (the history is cleared last), with inputs that pass and inputs that fail.
    for (const name of callNames.filter((n) => /Push/.test(n) && n !== 'clearPushHistory')) {
      for (const input of inputs[name] ?? [{ id }]) await desk.call(name, input as never)
    }

    expect(desk.seen.length).toBeGreaterThan(10)
    for (const reply of desk.seen) {
      expect(reply).not.toContain(TOKEN)
      expect(reply).not.toContain(KEY)
    }
    // The curl copies carry only what WeChat itself sends.
    const curls = desk.clipboard.writes.filter((text) => text.startsWith('curl '))
    expect(curls).toHaveLength(2)
    for (const curl of curls) {
      expect(curl).not.toContain(TOKEN)
      expect(curl).not.toContain(KEY)
    }
  })

  it('are encrypted at rest and come back after a restart', async () => {
    const dataDir = folder()
    const first = await open({ dataDir })
    const server = await receiver()
    await first.value('savePushConfig', { id, draft: draft(server.url) })
    expect(storedFile(dataDir)).not.toContain(TOKEN)
    expect(storedFile(dataDir)).not.toContain(KEY)
    expect(storedPush(dataDir)).toMatchObject({
      url: server.url,
      mode: 'safe',
      tokenEnc: expect.any(String),
      aesKeyEnc: expect.any(String)
    })
    await first.close()

    const second = await open({ dataDir })
    expect((await second.value('getPushState', { id })).config).toMatchObject({
      url: server.url,
      mode: 'safe',
      hasToken: true,
      hasAesKey: true,
      persistence: 'encrypted'
    })
    expect((await second.value('verifyPushUrl', { id })).verdict.accepted).toBe(true)
    await second.value('copyPushSecret', { id, secret: 'encodingAesKey' })
    expect(second.clipboard.text).toBe(KEY)
  })

  it('are kept for this session only when there is no keychain, and nothing is written in plaintext', async () => {
    const dataDir = folder()
    const first = await open({ dataDir, encryption: false })
    const server = await receiver()
    const config = await first.value('savePushConfig', { id, draft: draft(server.url) })
    expect(config).toMatchObject({ hasToken: true, hasAesKey: true, persistence: 'session-only' })
    expect((await first.value('verifyPushUrl', { id })).verdict.accepted).toBe(true)
    expect(storedFile(dataDir)).not.toContain(TOKEN)
    expect(storedFile(dataDir)).not.toContain(KEY)
    expect(storedPush(dataDir)).toMatchObject({ url: server.url, tokenEnc: null, aesKeyEnc: null })
    await first.close()

    const second = await open({ dataDir, encryption: false })
    expect((await second.value('getPushState', { id })).config).toMatchObject({
      url: server.url,
      hasToken: false,
      hasAesKey: false,
      persistence: 'session-only'
    })
    expect((await second.error('verifyPushUrl', { id })).issues?.map((i) => i.path)).toContain('token')
  })

  it('a keychain that changed costs the push secrets only, and says so', async () => {
    const dataDir = folder()
    const first = await open({ dataDir })
    await first.value('savePushConfig', { id, draft: draft('http://127.0.0.1:9/wechat') })
    await first.close()

    const second = await open({ dataDir, cipher: createAesCipher('another-keychain-0123456789') })
    const ids = second.services.notices.list().map((notice) => notice.id)
    expect(ids).toContain('push-secrets-unreadable')
    expect(ids).not.toContain('secrets-unreadable')
    expect((await second.value('getPushState', { id })).config).toMatchObject({
      url: 'http://127.0.0.1:9/wechat',
      hasToken: false,
      hasAesKey: false
    })
  })

  it('a settings file from before the push simulator loads, with nothing configured', async () => {
    const dataDir = folder()
    const first = await open({ dataDir, cipher: unavailableCipher('test: no keychain') })
    await first.close()
    const doc = JSON.parse(storedFile(dataDir)) as { profiles: Record<string, unknown>[] }
    for (const profile of doc.profiles) delete profile['push']
    writeFileSync(join(dataDir, 'desk.json'), JSON.stringify(doc))

    const second = await open({ dataDir })
    expect(second.services.notices.list().map((n) => n.id)).not.toContain('store-corrupt')
    expect((await second.value('getPushState', { id })).config).toMatchObject({
      url: '',
      hasToken: false,
      mode: 'plain'
    })
  })
})
