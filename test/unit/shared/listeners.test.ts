import { describe, expect, it } from 'vitest'
import { Listeners } from '../../../src/shared/listeners'

describe('Listeners', () => {
  it('tells every listener, even when one of them throws', () => {
    const listeners = new Listeners<number>()
    const heard: string[] = []
    listeners.add((n) => heard.push(`a${n}`))
    listeners.add(() => {
      throw new Error('a broken window')
    })
    listeners.add((n) => heard.push(`c${n}`))
    expect(() => listeners.emit(1)).not.toThrow()
    expect(heard).toEqual(['a1', 'c1'])
  })

  it('unsubscribes, also from inside a listener, without skipping the others', () => {
    const listeners = new Listeners()
    const heard: string[] = []
    const offA: () => void = listeners.add(() => {
      heard.push('a')
      offA()
    })
    listeners.add(() => heard.push('b'))
    listeners.emit()
    listeners.emit()
    expect(heard).toEqual(['a', 'b', 'b'])
    expect(listeners.size).toBe(1)
    listeners.clear()
    expect(listeners.size).toBe(0)
  })
})
