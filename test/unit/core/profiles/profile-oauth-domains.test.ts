import { afterEach, describe, expect, it } from 'vitest'
import { createAesCipher } from '../../../../src/core/storage/aes-cipher'
import { ProfileService } from '../../../../src/core/profiles'
import {
  confStoreFactory,
  deskDocumentSchema,
  openDeskStore,
  type StoredProfile
} from '../../../../src/core/storage'
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

function service(): { profiles: ProfileService; store: ReturnType<typeof openDeskStore>['store'] } {
  const dir = tempDir()
  dirs.push(dir)
  const store = openDeskStore(confStoreFactory, dir.path).store
  return {
    profiles: new ProfileService({
      store,
      cipher: createAesCipher('oauth-domains-test-key-0123'),
      now: () => 1,
      sandbox: null
    }),
    store
  }
}

const issuesOf = (run: () => unknown): FieldIssue[] => thrownFailure(run).issues ?? []

describe('an app’s 网页授权 domains', () => {
  it('are stored normalised and shown on the app', () => {
    const { profiles } = service()
    const app = profiles.create({ ...DRAFT, oauthDomains: [' WWW.Example.com', '192.168.1.20:8080'] })
    expect(app.oauthDomains).toEqual(['www.example.com', '192.168.1.20:8080'])
  })

  it('are validated: bare host or host:port, no scheme, at most two', () => {
    const { profiles } = service()
    expect(issuesOf(() => profiles.create({ ...DRAFT, oauthDomains: ['https://www.example.com'] }))).toEqual([
      {
        path: 'oauthDomains',
        message: expect.objectContaining({ en: expect.stringContaining('without a scheme') })
      }
    ])
    expect(
      issuesOf(() => profiles.create({ ...DRAFT, oauthDomains: ['a.com', 'b.com', 'c.com'] }))[0]?.message.en
    ).toContain('at most 2')
  })

  it('are kept when an update leaves them out, and replaced when it names them', () => {
    const { profiles } = service()
    const app = profiles.create({ ...DRAFT, oauthDomains: ['www.example.com'] })
    expect(profiles.update(app.id, { ...DRAFT, secret: undefined, name: 'Renamed' }).oauthDomains).toEqual([
      'www.example.com'
    ])
    expect(profiles.update(app.id, { ...DRAFT, secret: undefined, oauthDomains: [] }).oauthDomains).toEqual(
      []
    )
  })

  it('default to none for profiles saved before they existed', () => {
    const { profiles, store } = service()
    const legacy: StoredProfile = {
      id: 'app_legacy',
      name: 'Old',
      appId: 'wxfedcba9876543210',
      kind: 'official-account',
      env: 'dev',
      mode: 'stable',
      apiBase: 'https://api.weixin.qq.com',
      isSandbox: false,
      createdAt: 1,
      secretEnc: null
    }
    store.write('profiles', [legacy])
    expect(profiles.list()[0]?.oauthDomains).toEqual([])
  })

  it('and the OAuth history section are optional in older settings files', () => {
    const { store } = service()
    const older = {
      schemaVersion: 1,
      profiles: [],
      tokens: {},
      usage: {},
      preferences: { language: 'system', theme: 'system', selectedAppId: null }
    }
    const parsed = deskDocumentSchema.safeParse(older)
    expect(parsed.success).toBe(true)
    expect(parsed.data?.oauth).toEqual({ history: [] })
    expect(store.read('oauth')).toEqual({ history: [] })
  })
})
