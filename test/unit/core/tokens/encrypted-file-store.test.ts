import { afterEach, describe, expect, it } from 'vitest'
import { createAesCipher, unavailableCipher } from '../../../../src/core/storage/aes-cipher'
import { confStoreFactory, openDeskStore, type DeskStore } from '../../../../src/core/storage'
import { encryptedTokenStore, type HeldToken, type TokenOwner } from '../../../../src/core/tokens'
import { tempDir } from '../../../support/memory-ports'

const cipher = createAesCipher('store-test-key-0123456789')
const owner: TokenOwner = { appId: 'wx1234567890abcdef', origin: 'https://api.weixin.qq.com', mode: 'stable' }
const held: HeldToken = {
  value: '84_tokenvalue',
  mode: 'stable',
  obtainedAt: 1_000,
  expiresAt: 7_201_000,
  grantedSeconds: 7200
}

const removals: (() => void)[] = []
afterEach(() => removals.splice(0).forEach((remove) => remove()))
function deskStore(): { store: DeskStore; reopen: () => DeskStore } {
  const dir = tempDir()
  removals.push(dir.remove)
  return {
    store: openDeskStore(confStoreFactory, dir.path).store,
    reopen: () => openDeskStore(confStoreFactory, dir.path).store
  }
}

describe('encrypted token store', () => {
  it('keeps a token across reopening the file, encrypted', () => {
    const { store, reopen } = deskStore()
    encryptedTokenStore(store, cipher).persist('p1', owner, held)
    const again = reopen()
    expect(JSON.stringify(again.read('tokens'))).not.toContain(held.value)
    expect(encryptedTokenStore(again, cipher).load('p1', owner)).toEqual(held)
    expect(encryptedTokenStore(again, cipher).load('p2', owner)).toBeNull()
  })

  it.each([
    ['another AppID', { appId: 'wx0000000000000000' }],
    ['another API base or token server', { origin: 'http://127.0.0.1:1234' }],
    ['another mode', { mode: 'classic' }]
  ] as const)('does not hand a token to %s', (_case, change) => {
    const { store } = deskStore()
    const tokens = encryptedTokenStore(store, cipher)
    tokens.persist('p1', owner, held)
    expect(tokens.load('p1', { ...owner, ...change })).toBeNull()
  })

  it('rejects a tampered record, one sealed with another key, and one of the wrong shape', () => {
    const { store } = deskStore()
    const tokens = encryptedTokenStore(store, cipher)
    tokens.persist('p1', owner, held)
    const sealed = store.read('tokens')['p1']!
    const [version, iv, tag, body] = sealed.split(':')
    const bytes = Buffer.from(body!, 'base64')
    bytes[0]! ^= 1 // one bit of the ciphertext
    const flipped = [version, iv, tag, bytes.toString('base64')].join(':')
    const other = createAesCipher('some-other-key-0123456789')
    store.write('tokens', {
      tampered: flipped,
      foreignKey: other.encrypt(JSON.stringify({ ...held, appId: owner.appId, apiBase: owner.origin })),
      notJson: cipher.encrypt('{"value":'),
      emptyValue: cipher.encrypt(
        JSON.stringify({ ...held, value: '', appId: owner.appId, apiBase: owner.origin })
      )
    })
    for (const key of ['tampered', 'foreignKey', 'notJson', 'emptyValue'])
      expect(tokens.load(key, owner)).toBeNull()
  })

  it('still reads records written before the store had a name', () => {
    const { store } = deskStore()
    // The shape the keeper wrote itself: the held token plus appId and apiBase.
    store.write('tokens', {
      p1: cipher.encrypt(JSON.stringify({ ...held, appId: owner.appId, apiBase: owner.origin }))
    })
    expect(encryptedTokenStore(store, cipher).load('p1', owner)).toEqual(held)
  })

  it('writes nothing without a working cipher', () => {
    const { store } = deskStore()
    encryptedTokenStore(store, unavailableCipher('test: no keychain')).persist('p1', owner, held)
    expect(store.read('tokens')).toEqual({})
  })

  it('drops one app’s record and leaves the others', () => {
    const { store } = deskStore()
    const tokens = encryptedTokenStore(store, cipher)
    tokens.persist('p1', owner, held)
    tokens.persist('p2', owner, held)
    tokens.drop('p1')
    tokens.drop('never-stored')
    expect(Object.keys(store.read('tokens'))).toEqual(['p2'])
    expect(tokens.load('p1', owner)).toBeNull()
  })
})
