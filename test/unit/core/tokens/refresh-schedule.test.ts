import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../../src/core/time/clock'
import { RETRY_MAX_ATTEMPTS, type HeldToken } from '../../../../src/core/tokens'
import { RefreshSchedule, type ScheduledTrigger } from '../../../../src/core/tokens/refresh-schedule'
import { ManualPower } from '../../../support/memory-ports'

const MIN = 60_000

/** A schedule on a manual clock that records what it asks to run. */
function scheduleWorld(options: { busy?: boolean } = {}) {
  const clock = new ManualClock()
  const power = new ManualPower()
  const runs: { key: string; trigger: ScheduledTrigger; at: number }[] = []
  const schedule = new RefreshSchedule({
    clock,
    power,
    random: () => 0,
    run: (key, trigger) => runs.push({ key, trigger, at: clock.now() }),
    busy: () => options.busy === true
  })
  schedule.start()
  const classic = (): HeldToken => ({
    value: 'token',
    mode: 'classic',
    obtainedAt: clock.now(),
    expiresAt: clock.now() + 7200_000,
    grantedSeconds: 7200
  })
  return { clock, power, runs, schedule, classic }
}

let stopSchedule: (() => void) | null = null
afterEach(() => {
  stopSchedule?.()
  stopSchedule = null
})
const setup = (...args: Parameters<typeof scheduleWorld>) => {
  const world = scheduleWorld(...args)
  stopSchedule = () => world.schedule.stop()
  return world
}

describe('refresh schedule', () => {
  it('times a held token’s refresh by the refresh policy and runs it when due', async () => {
    const { clock, runs, schedule, classic } = setup()
    const held = classic()
    schedule.plan('app', held)
    expect(schedule.state('app')).toEqual({
      nextRefreshAt: held.expiresAt - 10 * MIN,
      retry: null,
      stopped: false
    })
    await clock.advance(110 * MIN - 1)
    expect(runs).toEqual([])
    await clock.advance(1)
    expect(runs).toEqual([{ key: 'app', trigger: 'timer', at: held.expiresAt - 10 * MIN }])
    expect(schedule.state('app').nextRefreshAt).toBeNull() // nothing armed until the refresh reports back
  })

  it('climbs the retry ladder after failed timed refreshes, then stops', async () => {
    const { clock, runs, schedule } = setup()
    const delays: number[] = []
    for (let attempt = 1; attempt <= RETRY_MAX_ATTEMPTS; attempt++) {
      schedule.failed('app', attempt === 1 ? 'timer' : 'retry', true)
      const { retry, nextRefreshAt } = schedule.state('app')
      expect(retry?.attempt).toBe(attempt)
      expect(nextRefreshAt).toBe(retry?.nextAt)
      delays.push(retry!.nextAt - clock.now())
      await clock.advance(retry!.nextAt - clock.now())
      expect(runs.at(-1)).toMatchObject({ trigger: 'retry' })
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!)
    schedule.failed('app', 'retry', true)
    expect(schedule.state('app')).toEqual({ nextRefreshAt: null, retry: null, stopped: true })
    expect(clock.pending).toBe(0)
  })

  it('stops at once on an error retrying cannot fix, and a success starts it again', () => {
    const { schedule, classic } = setup()
    schedule.plan('app', classic())
    schedule.failed('app', 'timer', false)
    expect(schedule.state('app')).toEqual({ nextRefreshAt: null, retry: null, stopped: true })
    schedule.plan('app', classic())
    expect(schedule.state('app').nextRefreshAt).toBeNull() // a stopped schedule stays stopped
    schedule.succeeded('app', classic())
    expect(schedule.state('app')).toMatchObject({ retry: null, stopped: false })
    expect(schedule.state('app').nextRefreshAt).not.toBeNull()
  })

  it('leaves a failed refresh a person asked for to that person: no retry', () => {
    const { schedule, classic } = setup()
    const held = classic()
    schedule.plan('app', held)
    schedule.failed('app', 'refresh', true)
    expect(schedule.state('app')).toEqual({
      nextRefreshAt: held.expiresAt - 10 * MIN,
      retry: null,
      stopped: false
    })
  })

  it('on wake, runs what came due while the machine slept and re-arms the rest', () => {
    const { clock, power, runs, schedule, classic } = setup()
    schedule.plan('due', classic())
    clock.sleep(30 * MIN)
    schedule.plan('later', classic())
    clock.sleep(85 * MIN)
    power.wake()
    expect(runs).toEqual([{ key: 'due', trigger: 'wake', at: clock.now() }])
    expect(schedule.state('later').nextRefreshAt).toBe(clock.now() - 85 * MIN + 110 * MIN)
  })

  it('on wake, leaves an app alone while its refresh is in flight', () => {
    const { clock, power, runs, schedule, classic } = setup({ busy: true })
    schedule.plan('app', classic())
    clock.sleep(3 * 60 * MIN)
    power.wake()
    expect(runs).toEqual([])
  })

  it('forgets an app’s timer and ladder, and stops listening when stopped', async () => {
    const { clock, power, runs, schedule, classic } = setup()
    schedule.plan('app', classic())
    schedule.failed('other', 'timer', true)
    schedule.forget('app')
    expect(schedule.state('app')).toEqual({ nextRefreshAt: null, retry: null, stopped: false })
    schedule.stop()
    expect(clock.pending).toBe(0)
    clock.sleep(3 * 60 * MIN)
    power.wake()
    await clock.advance(MIN)
    expect(runs).toEqual([])
  })
})
