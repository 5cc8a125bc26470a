import { afterEach, describe, expect, it } from 'vitest'
import { createAesCipher, unavailableCipher } from '../../../../src/core/storage/aes-cipher'
import { ProfileService } from '../../../../src/core/profiles'
import { confStoreFactory, openDeskStore } from '../../../../src/core/storage'
import { thrownFailure } from '../../../support/desk-failure'
import { tempDir } from '../../../support/memory-ports'
import type { AppDraft } from '../../../../src/shared/contract'

const SECRET = '0123456789abcdef0123456789abcdef'
const draft = (over: Partial<AppDraft> = {}): AppDraft => ({
  name: 'Shop OA',
  appId: 'wx1234567890abcdef',
  secret: SECRET,
  kind: 'official-account',
  env: 'dev',
  mode: 'stable',
  apiBase: '',
  ...over
})

describe('app profiles', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))
  const setup = (cipher = createAesCipher('unit-test-key-0123456789')) => {
    const dir = tempDir()
    cleanups.push(dir.remove)
    const open = () =>
      new ProfileService({
        store: openDeskStore(confStoreFactory, dir.path).store,
        cipher,
        now: () => 1,
        sandbox: { appId: 'wx00000000000000aa', secret: 'f'.repeat(32), apiBase: () => 'http://127.0.0.1:1' }
      })
    return { dir: dir.path, open }
  }

  it('seeds the sandbox profile on first run, bound to the emulator', () => {
    const [sandbox] = setup().open().list()
    expect(sandbox).toMatchObject({
      id: 'sandbox',
      isSandbox: true,
      apiBase: 'http://127.0.0.1:1',
      hasSecret: true
    })
  })

  it('never returns the secret, only a mask, and keeps it encrypted at rest', async () => {
    const { dir, open } = setup()
    const view = open().create(draft())
    expect(JSON.stringify(view)).not.toContain(SECRET)
    expect(view).toMatchObject({
      hasSecret: true,
      secretPersistence: 'encrypted',
      secretMask: '••••••••cdef'
    })
    const { readFileSync } = await import('node:fs')
    expect(readFileSync(`${dir}/desk.json`, 'utf8')).not.toContain(SECRET)
    expect(open().credentials(view.id).secret).toBe(SECRET)
  })

  it('keeps the secret for this session only when encryption is unavailable', () => {
    const { dir, open } = setup(unavailableCipher('no keyring'))
    const service = open()
    const view = service.create(draft())
    expect(view.secretPersistence).toBe('session-only')
    expect(service.credentials(view.id).secret).toBe(SECRET)
    const afterRestart = open()
    expect(afterRestart.list().find((p) => p.id === view.id)).toMatchObject({
      hasSecret: false,
      secretPersistence: 'missing'
    })
    expect(dir).toBeTruthy()
  })

  it('reports every bad field with a specific message', () => {
    const error = thrownFailure(() =>
      setup()
        .open()
        .create(draft({ appId: 'wx12', secret: 'xyz', apiBase: 'http://10.0.0.1' }))
    )
    expect(error.code).toBe('invalid-input')
    expect(error.issues?.map((i) => i.path)).toEqual(['appId', 'secret', 'apiBase'])
    expect(error.issues?.[0]?.message.en).toContain('this one has 4')
  })

  it('refuses a second profile for the same AppID, since their tokens would invalidate each other', () => {
    const service = setup().open()
    service.create(draft())
    const error = thrownFailure(() => service.create(draft({ name: 'Again' })))
    expect(error.issues?.[0]?.message.en).toContain('already uses this AppID')
  })

  it('keeps the stored secret when an edit leaves it empty', () => {
    const service = setup().open()
    const view = service.create(draft())
    service.update(view.id, draft({ name: 'Renamed', secret: '' }))
    expect(service.credentials(view.id)).toMatchObject({ name: 'Renamed', secret: SECRET })
  })

  it('refuses to delete the sandbox', () => {
    expect(thrownFailure(() => setup().open().delete('sandbox')).code).toBe('guard')
  })
})
