import type { TokenAttempt } from '../../shared/contract'
import type { PowerPort } from '../ports'
import type { Clock } from '../time/clock'
import type { HeldToken } from './held-token'
import { nextRefreshAt, retryDelay } from './refresh-policy'

/** What makes a refresh happen without anyone asking. */
export type ScheduledTrigger = 'timer' | 'retry' | 'wake'

export interface RefreshScheduleDeps {
  clock: Clock
  random: () => number
  power?: PowerPort
  /** A timer came due (or the machine woke past it): refresh the app now, if it may be refreshed unasked. */
  run: (key: string, trigger: ScheduledTrigger) => void
  /** Whether the app already has an upstream call in flight (a wake-up then has nothing to add). */
  busy: (key: string) => boolean
}

/** One app's schedule as the view shows it. */
export interface ScheduleState {
  /** When the armed timer fires; null while none is armed. */
  nextRefreshAt: number | null
  retry: { attempt: number; nextAt: number } | null
  /** Gave up: an error retrying cannot fix, or the retry ladder ran out. A success starts it again. */
  stopped: boolean
}

interface Plan {
  cancel: (() => void) | null
  /** The last time aimed at; kept after its timer fires so a wake-up can tell a refresh that never ran. */
  at: number | null
  retry: { attempt: number; nextAt: number } | null
  stopped: boolean
}

/**
 * Per app: one timer ahead of expiry (refresh-policy.ts says when), the retry ladder after a failed timed
 * refresh, and a re-check when the machine wakes, since timers may have slept with it.
 */
export class RefreshSchedule {
  private readonly plans = new Map<string, Plan>()
  private unsubscribePower: (() => void) | null = null

  constructor(private readonly deps: RefreshScheduleDeps) {}

  /** Listens for wake-ups. */
  start(): void {
    this.unsubscribePower = this.deps.power?.onResume(() => this.onResume()) ?? null
  }

  /** Cancels every timer and forgets every plan. */
  stop(): void {
    this.unsubscribePower?.()
    this.unsubscribePower = null
    for (const plan of this.plans.values()) plan.cancel?.()
    this.plans.clear()
  }

  state(key: string): ScheduleState {
    const plan = this.plans.get(key)
    return {
      nextRefreshAt: plan?.cancel ? plan.at : null,
      retry: plan?.retry ?? null,
      stopped: plan?.stopped ?? false
    }
  }

  /** A token is held (fetched, or loaded at start): time its refresh, unless the schedule has stopped. */
  plan(key: string, held: HeldToken): void {
    const plan = this.planOf(key)
    this.disarm(plan)
    if (plan.stopped) return
    const now = this.deps.clock.now()
    this.arm(key, nextRefreshAt(held.mode, held.obtainedAt, held.expiresAt, now, this.deps.random), 'timer')
  }

  /** A refresh brought a new token: the ladder is cleared and the next refresh timed. */
  succeeded(key: string, held: HeldToken): void {
    const plan = this.planOf(key)
    plan.stopped = false
    plan.retry = null
    this.plan(key, held)
  }

  /**
   * A refresh failed. Retrying cannot fix a wrong secret, a missing whitelist entry or a spent quota: stop
   * and let the error say why. Other failures of refreshes nobody asked for climb the retry ladder; a
   * person who asked sees the error and decides.
   */
  failed(key: string, trigger: TokenAttempt['trigger'], retryable: boolean): void {
    if (!retryable) this.halt(key)
    else if (trigger === 'timer' || trigger === 'retry' || trigger === 'wake') this.retryLater(key)
  }

  /**
   * An error retrying cannot fix, remembered by the governor: the schedule stops (the error says why) but
   * tries once more by itself at `at`, when the governor's pause ends.
   */
  pauseUntil(key: string, at: number, attempt: number): void {
    const plan = this.planOf(key)
    plan.stopped = true
    this.arm(key, at, 'retry')
    plan.retry = { attempt, nextAt: at }
  }

  /** A refresh the governor put off (a rejected token, with the evidence budget spent): try again at `at`. */
  retryAt(key: string, at: number): void {
    const plan = this.planOf(key)
    if (plan.cancel && plan.at !== null && plan.at <= at) return
    this.arm(key, at, 'retry')
  }

  /** The app changed or went away: its timers and ladder go with it. */
  forget(key: string): void {
    const plan = this.plans.get(key)
    if (plan) this.disarm(plan)
    this.plans.delete(key)
  }

  private retryLater(key: string): void {
    const plan = this.planOf(key)
    const attempt = (plan.retry?.attempt ?? 0) + 1
    const delay = retryDelay(attempt, this.deps.random)
    if (delay === null) {
      this.halt(key)
      return
    }
    const at = this.deps.clock.now() + delay
    this.arm(key, at, 'retry')
    plan.retry = { attempt, nextAt: at }
  }

  private halt(key: string): void {
    const plan = this.planOf(key)
    plan.stopped = true
    plan.retry = null
    this.disarm(plan)
  }

  private arm(key: string, at: number, trigger: 'timer' | 'retry'): void {
    const plan = this.planOf(key)
    this.disarm(plan)
    plan.at = at
    plan.cancel = this.deps.clock.setTimer(() => {
      plan.cancel = null
      this.deps.run(key, trigger)
    }, at - this.deps.clock.now())
  }

  private disarm(plan: Plan): void {
    plan.cancel?.()
    plan.cancel = null
    plan.at = null
  }

  private onResume(): void {
    // Timers may have slept with the machine: refresh what is due, re-arm the rest.
    const now = this.deps.clock.now()
    for (const [key, plan] of this.plans) {
      if (plan.stopped || this.deps.busy(key)) continue
      if (plan.at !== null && plan.at <= now) {
        this.disarm(plan)
        this.deps.run(key, 'wake')
      } else if (plan.cancel) this.arm(key, plan.at ?? now, plan.retry ? 'retry' : 'timer')
    }
  }

  private planOf(key: string): Plan {
    let plan = this.plans.get(key)
    if (!plan) {
      plan = { cancel: null, at: null, retry: null, stopped: false }
      this.plans.set(key, plan)
    }
    return plan
  }
}
