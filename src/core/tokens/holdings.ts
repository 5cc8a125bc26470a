import type { TokenAttempt } from '../../shared/contract'
import type { HeldToken } from './held-token'

type Trigger = TokenAttempt['trigger']

/** What the keeper remembers of one app; timers, flights, quotas and the governor live in their own parts. */
export interface Holding {
  held: HeldToken | null
  /** WeChat was seen rejecting `held`: it is not handed out any more, and is replaced as soon as allowed. */
  rejected: boolean
  lastAttempt: TokenAttempt | null
  /** Bumped when the profile's credentials change, so late answers for the old ones are dropped. */
  generation: number
}

const emptyHolding = (generation = 0): Holding => ({
  held: null,
  rejected: false,
  lastAttempt: null,
  generation
})

/** An attempt as the keeper records it: when, why, and how it ended. */
export type AttemptOutcome = Omit<TokenAttempt, 'at' | 'trigger'>

/** The keeper's per-app memory, with the one way each attempt is written down. */
export class Holdings {
  private readonly byId = new Map<string, Holding>()

  /** The app's holding, created empty on first use. */
  of(profileId: string): Holding {
    let holding = this.byId.get(profileId)
    if (!holding) {
      holding = emptyHolding()
      this.byId.set(profileId, holding)
    }
    return holding
  }

  peek(profileId: string): Holding | undefined {
    return this.byId.get(profileId)
  }

  /** What a view shows for an app the keeper has never touched. */
  peekOrEmpty(profileId: string): Holding {
    return this.byId.get(profileId) ?? emptyHolding()
  }

  record(profileId: string, at: number, trigger: Trigger, outcome: AttemptOutcome): void {
    this.of(profileId).lastAttempt = { at, trigger, ...outcome }
  }

  /** The app's credentials changed: start empty, and make answers for the old ones recognisably late. */
  reset(profileId: string): boolean {
    const holding = this.byId.get(profileId)
    if (!holding) return false
    this.byId.set(profileId, emptyHolding(holding.generation + 1))
    return true
  }

  delete(profileId: string): void {
    this.byId.delete(profileId)
  }

  clear(): void {
    this.byId.clear()
  }
}
