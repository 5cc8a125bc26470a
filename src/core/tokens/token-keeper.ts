import { DeskFailure, type DeskError } from '../../shared/result'
import { Listeners } from '../../shared/listeners'
import type { ProbeResult, TokenAttempt, TokenView } from '../../shared/contract'
import type { CallLog } from '../call-log'
import type { PowerPort } from '../ports'
import type { AppCredentials } from '../profiles'
import type { Clock } from '../time/clock'
import type { WeChatClient } from '../wechat'
import { heldFromGrant, isServable, type HeldToken } from './held-token'
import { RefreshSchedule, type ScheduledTrigger } from './refresh-schedule'
import { SingleFlight } from './single-flight'
import type { TokenSource, TokenSources } from './sources'
import type { TokenOwner, TokenStore } from './store'
import { appChangedWhileFetching, cancelledByUser, TokenGuards } from './token-guards'
import { buildTokenView } from './token-view'
import { RefreshGovernor, type StompEvent, type StompingReport } from './refresh-governor'
import { Holdings } from './holdings'
import { TokenVerifier } from './token-verifier'
import type { UsageCounter } from './usage-counter'

type Trigger = TokenAttempt['trigger']

export interface TokenKeeperDeps {
  credentials: (profileId: string) => AppCredentials
  /** Where each mode's tokens come from: WeChat, or (remote mode) another 中控. */
  sources: TokenSources
  /** Where held tokens outlive a restart (the desk's encrypted file: `encryptedTokenStore`). */
  tokenStore: TokenStore
  /** Upstream calls per app and day (quotas, force-refresh limits). */
  usage: UsageCounter
  /** Probes held tokens (getcallbackip). */
  client: WeChatClient
  clock: Clock
  callLog: CallLog
  power?: PowerPort
  random?: () => number
  /**
   * No person is there to confirm (headless serve): configuring a prod classic app for the server is
   * the confirmation, so its timer refreshes it like any other. The desktop app leaves this off.
   */
  unattended?: boolean
}

/** How a refresh was asked for. */
interface RefreshOptions {
  confirmed?: boolean
  /** A person asked to try again after an error the desk remembers ("Retry now"). */
  retryNow?: boolean
}

/**
 * Keeps one token per app: reuses it across restarts while valid, refreshes it on a timer ahead of
 * expiry, shares one upstream call among any number of concurrent refresh requests, keeps serving a
 * valid token while a refresh fails (with bounded, jittered backoff), and stops retrying on errors that
 * retrying cannot fix. It coordinates small parts: a single flight per app, the refresh schedule, the
 * guards, the token sources, the token store and the view builder.
 */
export class TokenKeeper {
  private readonly holdings = new Holdings()
  private readonly listeners = new Listeners<TokenView>()
  private readonly flights = new SingleFlight<HeldToken, 'normal' | 'force'>((id) => this.emit(id))
  private readonly schedule: RefreshSchedule
  private readonly guards: TokenGuards
  private readonly governor = new RefreshGovernor()
  private readonly verifier: TokenVerifier
  private readonly stompListeners = new Listeners<StompEvent>()

  constructor(private readonly deps: TokenKeeperDeps) {
    this.schedule = new RefreshSchedule({
      clock: deps.clock,
      random: deps.random ?? Math.random,
      power: deps.power,
      run: (id, trigger) => this.runScheduled(id, trigger),
      busy: (id) => this.flights.get(id) !== null
    })
    this.verifier = new TokenVerifier({
      deps,
      governor: this.governor,
      holdings: this.holdings,
      inFlight: (id) => this.flights.get(id)?.promise ?? null,
      current: (id, now) => this.current(id, now),
      ensure: (id, options) => this.ensure(id, options),
      governed: (id, creds, trigger, staleToken) => this.governed(id, creds, trigger, staleToken),
      recordCoalesced: (id, trigger) => this.recordCoalesced(id, trigger),
      reportStomp: (id, held, report) => this.reportStomp(id, held, report),
      emit: (id) => this.emit(id)
    })
    this.guards = new TokenGuards({
      usage: deps.usage,
      clock: deps.clock,
      unattended: deps.unattended === true
    })
  }

  /** Loads persisted tokens (no upstream call while they are valid) and arms their timers. */
  start(profileIds: string[]): void {
    for (const id of profileIds) {
      const held = this.loadPersisted(id)
      if (!held) continue
      this.holdings.of(id).held = held
      this.schedule.plan(id, held)
    }
    this.schedule.start()
  }

  stop(): void {
    this.schedule.stop()
    this.flights.clear()
    this.holdings.clear()
  }

  onChange(listener: (view: TokenView) => void): () => void {
    return this.listeners.add(listener)
  }

  /** The held token if it is still worth handing out, else null. Never calls WeChat. */
  current(profileId: string, now = this.deps.clock.now()): HeldToken | null {
    const holding = this.holdings.peek(profileId)
    const held = holding?.held ?? null
    return held && !holding?.rejected && isServable(held, now) ? held : null
  }

  /** Another system is fetching tokens for an app: called with each detection (see RefreshGovernor). */
  onStomp(listener: (event: StompEvent) => void): () => void {
    return this.stompListeners.add(listener)
  }

  view(profileId: string): TokenView {
    const creds = this.deps.credentials(profileId)
    const holding = this.holdings.peekOrEmpty(profileId)
    return buildTokenView({
      profileId,
      held: holding.held,
      refreshing: this.flights.get(profileId) !== null,
      schedule: this.schedule.state(profileId),
      lastAttempt: holding.lastAttempt,
      quota: this.deps.usage.quota(profileId, creds.kind, creds.mode),
      missingCredential: this.sourceOf(creds).missingCredential(creds) !== null,
      awaitsConfirmation: !this.guards.refreshesUnasked(creds),
      rejected: holding.rejected,
      appId: creds.appId,
      remembered: this.governor.remembered(profileId),
      stomping: this.governor.stomping(profileId, this.deps.clock.now()),
      now: this.deps.clock.now()
    })
  }

  /** "Fetch": the held token while it is valid (no WeChat call), otherwise a new one. */
  async ensure(profileId: string, options: { confirmed?: boolean } = {}): Promise<HeldToken> {
    const held = this.current(profileId)
    if (held) {
      this.holdings.record(profileId, this.deps.clock.now(), 'fetch', { ok: true, reused: true })
      this.emit(profileId)
      return held
    }
    return this.refresh(profileId, 'fetch', options)
  }

  /**
   * Calls WeChat now (stable: normal mode; classic: mints a new token), as the refresh governor allows:
   * a token younger than 30 s is handed out again, an error retrying cannot fix is answered from memory.
   * Concurrent calls share one upstream request.
   */
  async refresh(
    profileId: string,
    trigger: Trigger = 'refresh',
    options: RefreshOptions = {}
  ): Promise<HeldToken> {
    const flight = this.flights.get(profileId)
    if (flight?.kind === 'normal') return flight.promise
    const creds = this.deps.credentials(profileId)
    this.guards.confirm(creds, trigger === 'fetch' ? 'fetch' : 'refresh', options.confirmed === true)
    if (options.retryNow) this.governor.release(profileId)
    if (flight) await flight.promise.catch(() => undefined)
    return this.flights.get(profileId)?.promise ?? this.governed(profileId, creds, trigger)
  }

  /** stable_token with force_refresh, guarded: ≥30 s apart, ≤20 a day, confirmed on prod apps. */
  async forceRefresh(profileId: string, options: { confirmed?: boolean } = {}): Promise<HeldToken> {
    const flight = this.flights.get(profileId)
    if (flight?.kind === 'force') return flight.promise
    const creds = this.deps.credentials(profileId)
    const refusal = this.sourceOf(creds).refusesForce(creds)
    if (refusal) throw new DeskFailure(refusal)
    this.guards.forceAllowed(profileId)
    this.guards.confirm(creds, 'force', options.confirmed === true)
    if (flight) await flight.promise.catch(() => undefined)
    return this.startUpstream(profileId, creds, true, 'force')
  }

  /** Passive refresh (被动刷新): a caller says `staleToken` was refused (see TokenVerifier). */
  passiveRefresh(profileId: string, staleToken: string): Promise<{ token: HeldToken; refreshed: boolean }> {
    return this.verifier.passiveRefresh(profileId, staleToken)
  }

  /** The desk saw WeChat reject `value` (see TokenVerifier): the token to use now, or null. */
  tokenRejected(profileId: string, value: string): Promise<HeldToken | null> {
    return this.verifier.tokenRejected(profileId, value)
  }

  /** A WeChat-compatible caller (an SDK) asks for the app's token (see TokenVerifier). */
  handOut(profileId: string, options: { confirmed?: boolean } = {}): Promise<HeldToken> {
    return this.verifier.handOut(profileId, options)
  }

  /** Calls getcallbackip with the held token: a cheap "is it alive?" check. */
  probe(profileId: string): Promise<ProbeResult> {
    return this.verifier.probe(profileId)
  }

  /** The profile changed or went away: drop its token, timers and (when deleted) its counters. */
  forget(profileId: string, options: { deleted: boolean }): void {
    if (this.holdings.reset(profileId)) {
      this.schedule.forget(profileId)
      this.flights.drop(profileId)
      this.governor.forget(profileId)
    }
    this.deps.tokenStore.drop(profileId)
    if (options.deleted) {
      this.deps.usage.forget(profileId)
      this.holdings.delete(profileId)
    } else {
      this.emit(profileId)
    }
  }

  /**
   * A person stops waiting for the app's upstream call (it hangs): the request is abandoned, nothing is
   * obtained, the held token stays. Resolves once the call has settled; false when none was in flight.
   */
  async cancel(profileId: string): Promise<boolean> {
    const flight = this.flights.get(profileId)
    if (!flight || !this.flights.abort(profileId)) return false
    await flight.promise.catch(() => undefined)
    return true
  }

  /** Resolves when no upstream call is in flight (tests and shutdown). */
  whenIdle(): Promise<void> {
    return this.flights.whenIdle()
  }

  /** A refresh as the governor allows it: upstream, the held token again, or the remembered error. */
  private governed(
    profileId: string,
    creds: AppCredentials,
    trigger: Trigger,
    staleToken?: string
  ): Promise<HeldToken> {
    const holding = this.holdings.of(profileId)
    const now = this.deps.clock.now()
    const held = holding.held && isServable(holding.held, now) ? holding.held : null
    const decision = this.governor.decide(profileId, held, now)
    if (decision.kind === 'remembered') {
      const error = decision.remembered.error
      this.holdings.record(profileId, now, trigger, { ok: false, reused: true, fromMemory: true, error })
      this.emit(profileId)
      return Promise.reject(new DeskFailure(decision.remembered.error))
    }
    if (decision.kind === 'coalesce') {
      this.recordCoalesced(profileId, trigger)
      if (holding.rejected) this.schedule.retryAt(profileId, decision.until)
      return Promise.resolve(decision.token)
    }
    return this.startUpstream(profileId, creds, false, trigger, staleToken)
  }

  private startUpstream(
    profileId: string,
    creds: AppCredentials,
    force: boolean,
    trigger: Trigger,
    staleToken?: string
  ): Promise<HeldToken> {
    const generation = this.holdings.of(profileId).generation
    const promise = this.flights.start(profileId, force ? 'force' : 'normal', (signal) =>
      this.callUpstream(profileId, creds, { force, trigger, generation, staleToken, signal })
    )
    this.emit(profileId)
    return promise
  }

  private async callUpstream(
    profileId: string,
    creds: AppCredentials,
    call: { force: boolean; trigger: Trigger; generation: number; staleToken?: string; signal: AbortSignal }
  ): Promise<HeldToken> {
    const { force, trigger, generation, staleToken, signal } = call
    const source = this.sourceOf(creds)
    const missing = source.missingCredential(creds)
    if (missing) {
      this.recordFailure(profileId, trigger, missing)
      throw new DeskFailure(missing)
    }
    const askedAt = this.deps.clock.now()
    const answer = await source.obtain({ profileId, creds, force, staleToken, signal })
    this.deps.callLog.record({ ...answer.call, profileId })

    const holding = this.holdings.peek(profileId)
    if (!holding || holding.generation !== generation) throw appChangedWhileFetching()
    if (!answer.ok && signal.aborted) {
      // Not WeChat's answer: the governor learns nothing; a timed refresh tries again later.
      const error = cancelledByUser(answer.call.durationMs)
      this.holdings.record(profileId, this.deps.clock.now(), trigger, {
        ok: false,
        reused: false,
        cancelled: true,
        error
      })
      this.schedule.failed(profileId, trigger, true)
      this.emit(profileId)
      throw new DeskFailure(error)
    }
    if (!answer.ok) {
      this.recordFailure(profileId, trigger, answer.error)
      const remembered = this.governor.failed(profileId, answer.error, this.deps.clock.now())
      if (remembered) this.schedule.pauseUntil(profileId, remembered.nextTryAt, remembered.attempt)
      else this.schedule.failed(profileId, trigger, answer.error.retryable === true)
      this.emit(profileId)
      throw new DeskFailure(answer.error)
    }

    const held = heldFromGrant(answer.value, creds.mode, askedAt)
    this.governor.obtained(profileId, held, this.deps.clock.now())
    if (holding.held?.value !== held.value) holding.rejected = false
    holding.held = held
    this.holdings.record(profileId, this.deps.clock.now(), trigger, { ok: true, reused: false })
    this.deps.tokenStore.persist(profileId, this.ownerOf(creds), held)
    this.schedule.succeeded(profileId, held)
    return held
  }

  /** A timer came due: refresh unless a person has to act first (confirm, or enter the secret). */
  private runScheduled(profileId: string, trigger: ScheduledTrigger): void {
    let creds: AppCredentials
    try {
      creds = this.deps.credentials(profileId)
    } catch {
      return // the profile is gone
    }
    if (!this.guards.refreshesUnasked(creds) || this.sourceOf(creds).missingCredential(creds)) {
      this.emit(profileId) // shows 'needs-confirmation' / 'no-secret'
      return
    }
    const run = this.flights.get(profileId)?.promise ?? this.governed(profileId, creds, trigger)
    run.catch(() => undefined) // failures are recorded on the holding and scheduled for retry
  }

  /** The persisted token of an app, if it is still its own and worth serving; anything else is dropped. */
  private loadPersisted(profileId: string): HeldToken | null {
    let held: HeldToken | null = null
    try {
      held = this.deps.tokenStore.load(profileId, this.ownerOf(this.deps.credentials(profileId)))
    } catch {
      // the profile is gone: its token goes with it
    }
    if (held && isServable(held, this.deps.clock.now())) return held
    this.deps.tokenStore.drop(profileId)
    return null
  }

  private sourceOf(creds: AppCredentials): TokenSource {
    return this.deps.sources[creds.mode]
  }

  private ownerOf(creds: AppCredentials): TokenOwner {
    return { appId: creds.appId, origin: this.sourceOf(creds).origin(creds), mode: creds.mode }
  }

  /** The governor handed out the held token again instead of calling upstream. */
  private recordCoalesced(profileId: string, trigger: Trigger): void {
    this.holdings.record(profileId, this.deps.clock.now(), trigger, {
      ok: true,
      reused: true,
      coalesced: true
    })
    this.emit(profileId)
  }

  private reportStomp(profileId: string, held: HeldToken, report: StompingReport): void {
    const event: StompEvent = {
      profileId,
      appId: this.deps.credentials(profileId).appId,
      mode: held.mode,
      ...report
    }
    this.stompListeners.emit(event)
  }

  private recordFailure(profileId: string, trigger: Trigger, error: DeskError): void {
    this.holdings.record(profileId, this.deps.clock.now(), trigger, { ok: false, reused: false, error })
  }

  private emit(profileId: string): void {
    if (this.listeners.size === 0) return
    let view: TokenView
    try {
      view = this.view(profileId)
    } catch {
      return
    }
    this.listeners.emit(view)
  }
}
