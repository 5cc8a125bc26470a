import { describe, expect, it } from 'vitest'
import { BoundedMap } from '../../../src/shared/bounded-map'

describe('BoundedMap', () => {
  it('forgets the oldest entry when a new key would exceed its capacity', () => {
    const map = new BoundedMap<string, number>(3)
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, i)
    expect([...map.keys()]).toEqual(['b', 'c', 'd'])
  })

  it('keeps the place of a key whose value is replaced, and forgets nothing for it', () => {
    const map = new BoundedMap<string, number>(2)
    map.set('a', 1).set('b', 2).set('a', 3)
    expect([...map]).toEqual([
      ['a', 3],
      ['b', 2]
    ])
    map.set('c', 4)
    expect([...map.keys()]).toEqual(['b', 'c'])
  })

  it('tells onEvict what it forgot, but not what was deleted', () => {
    const forgotten: [string, number][] = []
    const map = new BoundedMap<string, number>(1, (key, value) => forgotten.push([key, value]))
    map.set('a', 1)
    map.delete('a')
    map.set('b', 2).set('c', 3)
    expect(forgotten).toEqual([['b', 2]])
    expect(map.get('c')).toBe(3)
  })
})
