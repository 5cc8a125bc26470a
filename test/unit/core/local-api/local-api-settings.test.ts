import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  confStoreFactory,
  defaultLocalApiSettings,
  deskDocumentSchema,
  emptyDocument,
  openDeskStore
} from '../../../../src/core/storage'
import { tempDir } from '../../../support/memory-ports'

let dir: { path: string; remove: () => void } | null = null
afterEach(() => {
  dir?.remove()
  dir = null
})

describe('the localApi section of the settings file', () => {
  it('is optional: a file written before it existed still opens, with the defaults', () => {
    dir = tempDir()
    const { localApi: _dropped, ...older } = emptyDocument()
    writeFileSync(join(dir.path, 'desk.json'), JSON.stringify(older))
    expect(deskDocumentSchema.safeParse(older).success).toBe(true)
    const opened = openDeskStore(confStoreFactory, dir.path)
    expect(opened.notice).toBeNull()
    expect(opened.store.read('localApi')).toEqual(defaultLocalApiSettings())
  })

  it('defaults to off, on 127.0.0.1:17180, without a key', () => {
    expect(defaultLocalApiSettings()).toEqual({
      enabled: false,
      host: '127.0.0.1',
      port: 17180,
      allowNonLoopback: false,
      keyEnc: null
    })
  })
})
