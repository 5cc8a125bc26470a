import { DeskFailure } from '../../shared/result'
import type { ProbeResult, TokenAttempt } from '../../shared/contract'
import type { CallLog } from '../call-log'
import type { AppCredentials } from '../profiles'
import type { Clock } from '../time/clock'
import { failureToDeskError, type WeChatClient } from '../wechat'
import type { HeldToken } from './held-token'
import type { Holdings } from './holdings'
import { MIN_TOKEN_AGE_MS, type RefreshGovernor, type StompingReport } from './refresh-governor'
import { SingleFlight } from './single-flight'
import { noValidToken } from './token-guards'
import { probeToken } from './token-probe'

type Trigger = TokenAttempt['trigger']

/** What the verifier uses of the keeper: its memory, its flights and its one governed way to refresh. */
export interface VerifierHost {
  deps: {
    credentials: (profileId: string) => AppCredentials
    clock: Clock
    client: WeChatClient
    callLog: CallLog
  }
  governor: RefreshGovernor
  holdings: Holdings
  /** The app's upstream call in flight, if any. */
  inFlight: (profileId: string) => Promise<HeldToken> | null
  current: (profileId: string, now: number) => HeldToken | null
  ensure: (profileId: string, options: { confirmed?: boolean }) => Promise<HeldToken>
  governed: (
    profileId: string,
    creds: AppCredentials,
    trigger: Trigger,
    staleToken?: string
  ) => Promise<HeldToken>
  recordCoalesced: (profileId: string, trigger: Trigger) => void
  reportStomp: (profileId: string, held: HeldToken, report: StompingReport) => void
  emit: (profileId: string) => void
}

/**
 * Whether a token is really dead, and what to do about it: a caller's passive refresh is a claim (a young
 * token is probed before it is replaced), WeChat rejecting the token in front of the desk is evidence (it is
 * replaced at once), and an SDK asking again right after it was answered gets its token verified first.
 * Every refresh it starts goes through the keeper's governor.
 */
export class TokenVerifier {
  /** A probe of a young token that a caller claims is dead, shared by everyone who claims it meanwhile. */
  private readonly verifications = new SingleFlight<HeldToken, 'verify'>()

  constructor(private readonly host: VerifierHost) {}

  /**
   * Passive refresh (被动刷新): a caller says `staleToken` was refused. If it is no longer our current
   * token, the current one is returned and WeChat is not called. A claim against a token younger than 30 s
   * is checked with a probe first (at most one per 30 s); otherwise one refresh is made, shared with every
   * concurrent caller. In remote mode the other 中控 makes the same comparison.
   */
  async passiveRefresh(
    profileId: string,
    staleToken: string
  ): Promise<{ token: HeldToken; refreshed: boolean }> {
    const flight = this.host.inFlight(profileId)
    if (flight) return { token: await flight, refreshed: true }
    const now = this.host.deps.clock.now()
    const current = this.host.current(profileId, now)
    if (current && current.value !== staleToken) return { token: current, refreshed: false }
    const creds = this.host.deps.credentials(profileId)
    if (current && creds.mode !== 'remote' && now - current.obtainedAt < MIN_TOKEN_AGE_MS) {
      // A young token: the caller's word is a claim, not evidence. Everyone who claims it while a probe runs
      // waits for that probe (and the refresh it may start).
      const pending = this.verifications.get(profileId)?.promise ?? this.verify(profileId, current, now)
      const token = pending ? await pending : current
      if (token === current) this.host.recordCoalesced(profileId, 'passive')
      return { token, refreshed: token.value !== staleToken }
    }
    const token = await this.host.governed(profileId, creds, 'passive', staleToken)
    return { token, refreshed: token.value !== staleToken }
  }

  /**
   * The desk saw WeChat reject `value` (a relayed call, a probe): if it is the held token it is replaced at
   * once, however young (at most two tokens per 30 s even so), and a token that died well before its expiry
   * without the desk replacing it is reported as stomped. Resolves to the token to use now, or null.
   */
  async tokenRejected(profileId: string, value: string): Promise<HeldToken | null> {
    const holding = this.host.holdings.peek(profileId)
    const held = holding?.held ?? null
    const now = this.host.deps.clock.now()
    const { current, stomped } = this.host.governor.rejected(profileId, value, held, now)
    if (!current || !holding || !held) return this.host.current(profileId, now)
    holding.rejected = true
    if (stomped) this.host.reportStomp(profileId, held, stomped)
    this.host.emit(profileId)
    const creds = this.host.deps.credentials(profileId)
    try {
      const next = await (this.host.inFlight(profileId) ?? this.host.governed(profileId, creds, 'evidence'))
      return next.value === value ? null : next
    } catch {
      return null
    }
  }

  /**
   * A WeChat-compatible caller (an SDK) asks for the app's token. When the same app was answered less than a
   * minute ago, the held token is verified first (a probe, at most every 30 s): a classic SDK whose token was
   * refused elsewhere asks again at once, and must get a working token, not the same dead one.
   */
  async handOut(profileId: string, options: { confirmed?: boolean } = {}): Promise<HeldToken> {
    const now = this.host.deps.clock.now()
    const again = this.host.governor.handedOut(profileId, now)
    const held = this.host.current(profileId, now)
    if (!held) return this.host.ensure(profileId, options)
    if (!again || held.mode === 'remote') return held
    const pending = this.verifications.get(profileId)?.promise ?? this.verify(profileId, held, now)
    return pending ? pending : held
  }

  /**
   * Probes `held` if the app's probe slot is free (one per 30 s): resolves to `held` when it is alive (or the
   * probe could not tell), else to the token that replaced it. Null when no probe may run now.
   */
  private verify(profileId: string, held: HeldToken, now: number): Promise<HeldToken> | null {
    if (!this.host.governor.takeProbe(profileId, now)) return null
    return this.verifications.start(profileId, 'verify', async () => {
      const { verdict } = await probeToken(
        this.host.deps,
        profileId,
        this.host.deps.credentials(profileId),
        held
      )
      if (verdict !== 'rejected') return held
      return (await this.tokenRejected(profileId, held.value)) ?? held
    })
  }

  /** Calls getcallbackip with the held token: a cheap "is it alive?" check. */
  async probe(profileId: string): Promise<ProbeResult> {
    const held = this.host.holdings.peek(profileId)?.held
    if (!held || held.expiresAt <= this.host.deps.clock.now()) throw noValidToken()
    const { verdict, result } = await probeToken(
      this.host.deps,
      profileId,
      this.host.deps.credentials(profileId),
      held
    )
    if (!result.ok) {
      if (verdict === 'rejected') void this.tokenRejected(profileId, held.value)
      throw new DeskFailure(failureToDeskError(result.failure, 'token-use'))
    }
    return { ok: true, ipCount: result.value.ipList.length, durationMs: result.call.durationMs }
  }
}
