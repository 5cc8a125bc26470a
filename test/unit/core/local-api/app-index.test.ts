import { describe, expect, it } from 'vitest'
import { AppIndex, type AppCatalog, type CatalogApp } from '../../../../src/core/local-api/app-index'

const app = (profileId: string, appId: string, apiBase = 'https://api.weixin.qq.com'): CatalogApp => ({
  profileId,
  appId,
  name: profileId,
  kind: 'official-account',
  env: 'dev',
  mode: 'stable',
  apiBase
})

function catalog(initial: CatalogApp[]) {
  let apps = initial
  let reads = 0
  const listeners = new Set<() => void>()
  const source: AppCatalog = {
    list: () => {
      reads++
      return apps
    },
    secretOf: (profileId) => (profileId === 'a' ? 'secret-of-a' : null),
    onChange: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return {
    source,
    reads: () => reads,
    replace(next: CatalogApp[]) {
      apps = next
      for (const listener of listeners) listener()
    }
  }
}

const A = 'wx00000000000000aa'
const B = 'wx00000000000000bb'

describe('the app index', () => {
  it('finds apps by AppID, and says when none or two match', () => {
    const c = catalog([app('a', A), app('b1', B), app('b2', B, 'http://127.0.0.1:9')])
    const index = new AppIndex(c.source)
    expect(index.lookup(A)).toEqual({ kind: 'found', app: app('a', A) })
    expect(index.lookup('wx0000000000000000')).toEqual({ kind: 'unknown' })
    const ambiguous = index.lookup(B)
    expect(ambiguous.kind === 'ambiguous' && ambiguous.apps.map((x) => x.profileId)).toEqual(['b1', 'b2'])
    expect(index.byProfile('b2')?.apiBase).toBe('http://127.0.0.1:9')
  })

  it('reads the catalogue once, and again only after it changes; repeated lookups follow the change', () => {
    const c = catalog([app('a', A)])
    const index = new AppIndex(c.source)
    for (let i = 0; i < 5; i++) expect(index.lookup(A).kind).toBe('found')
    expect(c.reads()).toBe(1)
    c.replace([app('b', B)])
    expect(index.lookup(A).kind).toBe('unknown')
    expect(index.lookup(B).kind).toBe('found')
    expect(c.reads()).toBe(2)
    index.dispose()
  })

  it('checks AppSecrets, and knows when none is available this session', () => {
    const index = new AppIndex(catalog([app('a', A), app('b', B)]).source)
    expect(index.checkSecret('a', 'secret-of-a')).toBe('match')
    expect(index.checkSecret('a', 'secret-of-b')).toBe('mismatch')
    expect(index.checkSecret('b', 'anything')).toBe('no-secret')
  })
})
