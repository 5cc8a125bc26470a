import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../support/memory-ports'
import { failureOf } from '../../../support/desk-failure'
import { oauthWorlds, type OAuthWorld } from '../../../support/oauth-world'

const open = oauthWorlds()
const dirs: { remove: () => void }[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove()
})
const sharedDir = (): string => {
  const dir = tempDir()
  dirs.push(dir)
  return dir.path
}
const storeText = (dataDir: string): string => readFileSync(join(dataDir, 'desk.json'), 'utf8')

async function authorize(w: OAuthWorld): Promise<{ id: string; token: string }> {
  const { id } = await w.authorize()
  w.oauth.copyField(id, 'accessToken')
  return { id, token: w.desk.clipboard.text ?? '' }
}

describe('the authorization history', () => {
  it('keeps the last authorizations with their user tokens encrypted at rest', async () => {
    const dataDir = sharedDir()
    const w = await open({ dataDir })
    const { id, token } = await authorize(w)
    const saved = storeText(dataDir)
    expect(saved).toContain(id)
    expect(saved).not.toContain(token)
    expect(JSON.parse(saved).oauth.history[0]).toMatchObject({ id, tokensEnc: expect.any(String) })

    await w.close()
    const after = await open({ dataDir })
    const [entry] = after.oauth.state().history
    expect(entry).toMatchObject({ id, tokensAvailable: true, source: 'paste' })
    // A new run of the desk is a new emulator: those tokens mean nothing there, and the desk says so.
    const error = await failureOf(after.oauth.refresh(id))
    expect(error).toMatchObject({ code: 'guard' })
    expect(error.fix?.en).toContain('emulator starts afresh')
  })

  it('keeps tokens in memory only when encryption is unavailable', async () => {
    const dataDir = sharedDir()
    const w = await open({ dataDir, encryption: false })
    const { id, token } = await authorize(w)
    expect(w.oauth.state()).toMatchObject({
      tokenPersistence: 'session-only',
      history: [{ tokensAvailable: true }]
    })
    expect(await w.oauth.check(id)).toMatchObject({ lastCheck: { valid: true } })
    const saved = storeText(dataDir)
    expect(saved).not.toContain(token)
    expect(JSON.parse(saved).oauth.history[0]).toMatchObject({ id, tokensEnc: null })

    await w.close()
    const after = await open({ dataDir, encryption: false })
    expect(after.oauth.state().history[0]).toMatchObject({
      id,
      tokensAvailable: false,
      accessTokenMasked: null
    })
    expect(await failureOf(after.oauth.refresh(id))).toMatchObject({ code: 'not-found' })
  })

  it('keeps the last 20, newest first, and clears on request', async () => {
    const w = await open()
    const ids: string[] = []
    for (let i = 0; i < 22; i++) ids.push((await authorize(w)).id)
    const history = w.oauth.state().history
    expect(history).toHaveLength(20)
    expect(history[0]?.id).toBe(ids[21])
    expect(history.map((a) => a.id)).not.toContain(ids[0])
    expect(w.oauth.clearHistory().history).toEqual([])
    expect(JSON.parse(storeText(w.desk.dataDir)).oauth.history).toEqual([])
  })

  it('pushes every change to subscribers', async () => {
    const w = await open()
    const seen: number[] = []
    const off = w.oauth.onChange((state) => seen.push(state.history.length))
    await authorize(w)
    w.oauth.clearHistory()
    off()
    expect(seen).toContain(1)
    expect(seen.at(-1)).toBe(0)
  })
})
