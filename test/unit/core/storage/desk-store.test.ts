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

  const deeply = (depth: number): string => {
    let json = '1'
    for (let i = 0; i < depth; i++) json = `{"a":${json}}`
    return json
  }
  const profile = {
    id: 'p1',
    name: 'Mine',
    appId: 'wx0123456789abcdef',
    kind: 'official-account',
    env: 'dev',
    mode: 'stable',
    apiBase: 'https://api.weixin.qq.com',
    isSandbox: false,
    createdAt: 1,
    secretEnc: null
  }

  it('repairs a file with a deeply nested unknown key: the junk goes, the profiles stay', () => {
    const dir = fresh()
    writeFileSync(
      join(dir, 'desk.json'),
      `{"schemaVersion":1,"profiles":[${JSON.stringify(profile)}],"junk":${deeply(6000)}}`
    )
    const opened = openDeskStore(confStoreFactory, dir)
    expect(opened.notice).toBeNull()
    expect(opened.store.read('profiles').map((p) => p.name)).toEqual(['Mine'])
    expect(readFileSync(join(dir, 'desk.json'), 'utf8')).not.toContain('junk')
    // The repaired file is written whole, so the next write cannot trip over the junk either.
    opened.store.write('usage', {})
    expect(openDeskStore(confStoreFactory, dir).store.read('profiles')).toHaveLength(1)
  })

  it('moves aside a file whose known section holds junk too deep to keep', () => {
    const dir = fresh()
    writeFileSync(join(dir, 'desk.json'), `{"schemaVersion":1,"tokens":{"p1":${deeply(6000)}}}`)
    const opened = openDeskStore(confStoreFactory, dir)
    expect(opened.notice?.message.en).toContain('tokens')
    expect(readdirSync(dir).some((f) => f.startsWith('desk.corrupt-'))).toBe(true)
    expect(opened.store.read('tokens')).toEqual({})
  })

  it.each([
    ['a JSON array', '[{"schemaVersion":1}]'],
    ['null', 'null'],
    ['a JSON number', '42']
  ])('moves aside a file holding %s instead of reshaping it', (what, content) => {
    const dir = fresh()
    writeFileSync(join(dir, 'desk.json'), content)
    const opened = openDeskStore(confStoreFactory, dir)
    expect(opened.notice?.message.en).toContain(what)
    const aside = readdirSync(dir).find((f) => f.startsWith('desk.corrupt-'))
    expect(readFileSync(join(dir, aside as string), 'utf8')).toBe(content)
    expect(opened.store.read('profiles')).toEqual([])
  })

  it('removes the temp files of writes that were killed before their rename', () => {
    const dir = fresh()
    openDeskStore(confStoreFactory, dir).store.write('usage', {})
    for (const suffix of ['1764600000a1b2c3', '1764600001d4e5f6'])
      writeFileSync(join(dir, `desk.json.tmp-${suffix}`), '{"schemaVersion":1,"profiles":[]}')
    writeFileSync(join(dir, 'notes.txt'), 'mine')
    openDeskStore(confStoreFactory, dir)
    expect(readdirSync(dir).sort()).toEqual(['desk.json', 'notes.txt'])
  })
})
