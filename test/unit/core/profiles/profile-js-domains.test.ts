import { afterEach, describe, expect, it } from 'vitest'
import { createAesCipher } from '../../../../src/core/storage/aes-cipher'
import { ProfileService, SANDBOX_PROFILE_ID } from '../../../../src/core/profiles'
import { confStoreFactory, openDeskStore } from '../../../../src/core/storage'
import type { AppDraft } from '../../../../src/shared/contract'
import type { FieldIssue } from '../../../../src/shared/result'
import { thrownFailure } from '../../../support/desk-failure'
import { tempDir } from '../../../support/memory-ports'

const DRAFT: AppDraft = {
  name: 'Demo OA',
  appId: 'wx0123456789abcdef',
  secret: '0123456789abcdef0123456789abcdef',
  kind: 'official-account',
  env: 'dev',
  mode: 'stable'
}

const dirs: { remove: () => void }[] = []
afterEach(() => dirs.splice(0).forEach((d) => d.remove()))

function service(withSandbox = false): ProfileService {
  const dir = tempDir()
  dirs.push(dir)
  const store = openDeskStore(confStoreFactory, dir.path).store
  return new ProfileService({
    store,
    cipher: createAesCipher('js-domains-test-key-0123'),
    now: () => 1,
    sandbox: withSandbox
      ? {
          appId: 'wx5e1d0c7a3b9f2468',
          secret: '0e7c5a9d3f1b4c8e6a2d0f9b7c5e3a18',
          apiBase: () => 'http://127.0.0.1:1'
        }
      : null
  })
}

const issuesOf = (run: () => unknown): FieldIssue[] => thrownFailure(run).issues ?? []

describe('an app’s JS接口安全域名', () => {
  it('are stored normalised, apart from the 网页授权 domains, and shown on the app', () => {
    const profiles = service()
    const app = profiles.create({
      ...DRAFT,
      jsDomains: [' WWW.Example.com'],
      oauthDomains: ['auth.example.com']
    })
    expect(app.jsDomains).toEqual(['www.example.com'])
    expect(app.oauthDomains).toEqual(['auth.example.com'])
    expect(profiles.list()[0]?.jsDomains).toEqual(['www.example.com'])
  })

  it('are refused beyond five, or when one is not a bare host, naming the field', () => {
    const profiles = service()
    const six = ['a.cn', 'b.cn', 'c.cn', 'd.cn', 'e.cn', 'f.cn']
    expect(issuesOf(() => profiles.create({ ...DRAFT, jsDomains: six }))).toEqual([
      { path: 'jsDomains', message: expect.objectContaining({ en: expect.stringContaining('at most 5') }) }
    ])
    expect(issuesOf(() => profiles.create({ ...DRAFT, jsDomains: ['https://x.cn/p'] }))[0]?.path).toBe(
      'jsDomains'
    )
  })

  it('are kept when an update leaves them out, and replaced when it names them', () => {
    const profiles = service()
    const app = profiles.create({ ...DRAFT, jsDomains: ['www.example.com'] })
    expect(profiles.update(app.id, { ...DRAFT, secret: undefined, name: 'Renamed' }).jsDomains).toEqual([
      'www.example.com'
    ])
    expect(profiles.update(app.id, { ...DRAFT, secret: undefined, jsDomains: [] }).jsDomains).toEqual([])
  })

  it('can be set on the sandbox too', () => {
    const profiles = service(true)
    const sandbox = profiles.get(SANDBOX_PROFILE_ID)
    const updated = profiles.update(SANDBOX_PROFILE_ID, {
      name: sandbox.name,
      appId: sandbox.appId,
      kind: sandbox.kind,
      env: sandbox.env,
      mode: sandbox.mode,
      jsDomains: ['127.0.0.1:8080']
    })
    expect(updated.jsDomains).toEqual(['127.0.0.1:8080'])
  })
})
