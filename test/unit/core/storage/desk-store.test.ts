import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { confStoreFactory, openDeskStore } from '../../../../src/core/storage'
import { tempDir } from '../../../support/memory-ports'

describe('settings store', () => {
  const dirs: (() => void)[] = []
  afterEach(() => dirs.splice(0).forEach((remove) => remove()))
  const fresh = () => {
    const dir = tempDir()
    dirs.push(dir.remove)
    return dir.path
  }

  it('persists across openings, in a file only the user can read', () => {
    const dir = fresh()
    const first = openDeskStore(confStoreFactory, dir)
    first.store.write('preferences', { language: 'zh-CN', theme: 'dark', selectedAppId: null })
    const second = openDeskStore(confStoreFactory, dir)
    expect(second.notice).toBeNull()
    expect(second.store.read('preferences').language).toBe('zh-CN')
    expect(statSync(second.store.path).mode & 0o777).toBe(0o600)
  })

  it('moves a corrupt file aside, says where, and starts fresh', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'desk.json'), '{"profiles": [ truncated')
    const opened = openDeskStore(confStoreFactory, dir, () => Date.UTC(2026, 0, 2, 3, 4, 5))
    expect(opened.notice?.level).toBe('warning')
    const aside = readdirSync(dir).find((f) => f.startsWith('desk.corrupt-'))
    expect(aside).toBeDefined()
    expect(opened.notice?.message.en).toContain(aside)
    expect(readFileSync(join(dir, aside as string), 'utf8')).toBe('{"profiles": [ truncated')
    expect(opened.store.read('profiles')).toEqual([])
  })

  it('treats valid JSON of the wrong shape as corrupt too', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'desk.json'), JSON.stringify({ schemaVersion: 1, profiles: 'nope' }))
    const opened = openDeskStore(confStoreFactory, dir)
    expect(opened.notice?.message.en).toContain('profiles')
    expect(opened.store.read('profiles')).toEqual([])
  })
})
