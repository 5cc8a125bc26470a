import { describe, expect, it } from 'vitest'
import { SingleFlight } from '../../../../src/core/tokens/single-flight'

/** A call the test finishes by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('single flight', () => {
  it('shares the call in flight with everyone who asks while it runs', async () => {
    const flights = new SingleFlight<string, 'normal'>()
    const call = deferred<string>()
    let started = 0
    const first = flights.start('app', 'normal', () => {
      started++
      return call.promise
    })
    const shared = Array.from({ length: 100 }, () => flights.get('app')!.promise)
    call.resolve('token-1')
    expect(await Promise.all([first, ...shared])).toEqual(Array(101).fill('token-1'))
    expect(started).toBe(1)
  })

  it('says what kind of call is in flight, and only for its own key', () => {
    const flights = new SingleFlight<string, 'normal' | 'force'>()
    void flights.start('a', 'force', () => deferred<string>().promise)
    expect(flights.get('a')?.kind).toBe('force')
    expect(flights.get('b')).toBeNull()
  })

  it('lands once the call settles, then the next request starts afresh', async () => {
    const landed: string[] = []
    const flights = new SingleFlight<string, 'normal'>((key) => landed.push(key))
    await flights.start('app', 'normal', async () => 'one')
    expect(landed).toEqual(['app'])
    expect(flights.get('app')).toBeNull()
    expect(await flights.start('app', 'normal', async () => 'two')).toBe('two')
  })

  it('shares a failure the same way and clears it', async () => {
    const landed: string[] = []
    const flights = new SingleFlight<string, 'normal'>((key) => landed.push(key))
    const call = deferred<string>()
    const first = flights.start('app', 'normal', () => call.promise)
    const second = flights.get('app')!.promise
    call.reject(new Error('upstream down'))
    await expect(first).rejects.toThrow('upstream down')
    await expect(second).rejects.toThrow('upstream down')
    expect(flights.get('app')).toBeNull()
    expect(landed).toEqual(['app'])
  })

  it('a dropped call runs to its end unshared and lands quietly', async () => {
    const landed: string[] = []
    const flights = new SingleFlight<string, 'normal'>((key) => landed.push(key))
    const old = deferred<string>()
    const dropped = flights.start('app', 'normal', () => old.promise)
    flights.drop('app')
    expect(flights.get('app')).toBeNull()
    const fresh = flights.start('app', 'normal', async () => 'new')
    old.resolve('old')
    expect(await dropped).toBe('old')
    expect(await fresh).toBe('new')
    expect(landed).toEqual(['app']) // only the fresh call
  })

  it('is idle only when no call is left, including calls started while waiting', async () => {
    const flights = new SingleFlight<string, 'normal'>()
    const first = deferred<string>()
    const second = deferred<string>()
    void flights.start('a', 'normal', () => first.promise)
    let idle = false
    const waiting = flights.whenIdle().then(() => (idle = true))
    void flights.start('b', 'normal', () => second.promise)
    first.resolve('1')
    await first.promise
    await new Promise((resolve) => setImmediate(resolve))
    expect(idle).toBe(false)
    second.resolve('2')
    await waiting
    expect(idle).toBe(true)
  })
})
