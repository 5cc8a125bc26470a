import { z } from 'zod'
import { withoutKey } from '../../shared/records'
import { DeskFailure, text, type DeskError } from '../../shared/result'
import type { AutoRefreshState, ProbeResult, TokenAttempt, TokenMode, TokenView } from '../../shared/contract'
import type { CallLog } from '../call-log'
import type { SecretCipher, PowerPort } from '../ports'
import type { AppCredentials } from '../profiles'
import type { DeskStore } from '../storage'
import type { RemoteResult, RemoteTokenSource } from './sources'
import type { Clock } from '../time/clock'
import {
  failureToDeskError,
  isRetryable,
  type UpstreamCall,
  type UpstreamResult,
  type WeChatClient,
  type TokenGrant
} from '../wechat'
import { nextRefreshAt, retryDelay } from './refresh-policy'
import { FORCE_DAILY_LIMIT, FORCE_SPACING_MS, UsageCounter } from './usage-counter'

/** A token this desk holds for one app. */
export interface HeldToken {
  value: string
  mode: TokenMode
  obtainedAt: number
  expiresAt: number
  grantedSeconds: number
}

const persistedTokenSchema = z.object({
  value: z.string().min(1),
  mode: z.enum(['stable', 'classic', 'remote']),
  obtainedAt: z.number(),
  expiresAt: z.number(),
  grantedSeconds: z.number(),
  appId: z.string(),
  apiBase: z.string()
})

/** A held token is handed out only while it has at least this long to live. */
export const MIN_SERVE_REMAINING_MS = 60_000

type Trigger = TokenAttempt['trigger']
type Action = 'fetch' | 'refresh' | 'force'

export interface TokenKeeperDeps {
  credentials: (profileId: string) => AppCredentials
  client: WeChatClient
  /** Reads tokens of remote-mode profiles from another 中控. */
  remote: RemoteTokenSource
  store: DeskStore
  cipher: SecretCipher
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

interface Line {
  held: HeldToken | null
  inflight: Promise<HeldToken> | null
  inflightForce: boolean
  cancelTimer: (() => void) | null
  nextRefreshAt: number | null
  retry: { attempt: number; nextAt: number } | null
  stopped: boolean
  lastAttempt: TokenAttempt | null
  /** Bumped when the profile's credentials change, so late answers for the old ones are dropped. */
  generation: number
}

/**
 * Keeps one token per app: reuses it across restarts while valid, refreshes it on a timer ahead of
 * expiry, shares one upstream call among any number of concurrent refresh requests, keeps serving a
 * valid token while a refresh fails (with bounded, jittered backoff), and stops retrying on errors that
 * retrying cannot fix.
 */
export class TokenKeeper {
  private readonly lines = new Map<string, Line>()
  private readonly listeners = new Set<(view: TokenView) => void>()
  private readonly usage: UsageCounter
  private readonly random: () => number
  private unsubscribePower: (() => void) | null = null

  constructor(private readonly deps: TokenKeeperDeps) {
    this.usage = new UsageCounter(deps.store, () => deps.clock.now())
    this.random = deps.random ?? Math.random
  }

  /** Loads persisted tokens (no upstream call while they are valid) and arms their timers. */
  start(profileIds: string[]): void {
    const persisted = this.deps.store.read('tokens')
    for (const id of profileIds) {
      const encoded = persisted[id]
      if (encoded === undefined) continue
      const held = this.decodePersisted(id, encoded)
      if (held) {
        this.line(id).held = held
        this.schedule(id)
      } else {
        this.dropPersisted(id)
      }
    }
    this.unsubscribePower = this.deps.power?.onResume(() => this.onResume()) ?? null
  }

  stop(): void {
    this.unsubscribePower?.()
    for (const line of this.lines.values()) line.cancelTimer?.()
    this.lines.clear()
  }

  onChange(listener: (view: TokenView) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The held token if it is still worth handing out, else null. Never calls WeChat. */
  current(profileId: string, now = this.deps.clock.now()): HeldToken | null {
    const held = this.lines.get(profileId)?.held ?? null
    return held && this.servable(held, now) ? held : null
  }

  view(profileId: string): TokenView {
    const creds = this.deps.credentials(profileId)
    const line = this.line(profileId)
    const now = this.deps.clock.now()
    const held = line.held
    return {
      profileId,
      held: held !== null,
      masked: held ? maskToken(held.value) : null,
      mode: held?.mode ?? null,
      obtainedAt: held?.obtainedAt ?? null,
      expiresAt: held?.expiresAt ?? null,
      grantedSeconds: held?.grantedSeconds ?? null,
      valid: held !== null && held.expiresAt > now,
      refreshing: line.inflight !== null,
      autoRefresh: this.autoRefreshState(creds, line),
      nextRefreshAt: line.cancelTimer ? line.nextRefreshAt : null,
      retry: line.retry,
      lastAttempt: line.lastAttempt,
      quota: this.usage.quota(profileId, creds.kind, creds.mode),
      now
    }
  }

  /** "Fetch": the held token while it is valid (no WeChat call), otherwise a new one. */
  async ensure(profileId: string, options: { confirmed?: boolean } = {}): Promise<HeldToken> {
    const held = this.current(profileId)
    if (held) {
      this.line(profileId).lastAttempt = {
        at: this.deps.clock.now(),
        ok: true,
        trigger: 'fetch',
        reused: true
      }
      this.emit(profileId)
      return held
    }
    return this.refresh(profileId, 'fetch', options)
  }

  /**
   * Calls WeChat now (stable: normal mode; classic: mints a new token). Concurrent calls share one
   * upstream request.
   */
  async refresh(
    profileId: string,
    trigger: Trigger = 'refresh',
    options: { confirmed?: boolean } = {}
  ): Promise<HeldToken> {
    const line = this.line(profileId)
    if (line.inflight && !line.inflightForce) return line.inflight
    const creds = this.deps.credentials(profileId)
    this.guardConfirmation(creds, trigger === 'fetch' ? 'fetch' : 'refresh', options.confirmed === true)
    if (line.inflight) await line.inflight.catch(() => undefined)
    return this.line(profileId).inflight ?? this.startUpstream(profileId, creds, false, trigger)
  }

  /** stable_token with force_refresh, guarded: ≥30 s apart, ≤20 a day, confirmed on prod apps. */
  async forceRefresh(profileId: string, options: { confirmed?: boolean } = {}): Promise<HeldToken> {
    const line = this.line(profileId)
    if (line.inflight && line.inflightForce) return line.inflight
    const creds = this.deps.credentials(profileId)
    if (creds.mode !== 'stable') {
      throw new DeskFailure({
        code: 'guard',
        message:
          creds.mode === 'remote'
            ? text(
                'In remote mode the token server owns the token; force-refresh it there.',
                '远程模式下令牌由令牌服务器管理，请在该服务器上强制刷新。'
              )
            : text(
                'Force refresh is a stable_token feature. In classic mode every Refresh already mints a new token.',
                '强制刷新是 stable_token 的功能。普通（classic）模式下每次“刷新”都会生成新令牌。'
              )
      })
    }
    this.guardForce(profileId)
    this.guardConfirmation(creds, 'force', options.confirmed === true)
    if (line.inflight) await line.inflight.catch(() => undefined)
    return this.startUpstream(profileId, creds, true, 'force')
  }

  /**
   * Passive refresh (被动刷新): a caller says `staleToken` was refused. If it is no longer our current
   * token, the current one is returned and WeChat is not called; otherwise one refresh is made (shared
   * with every concurrent caller). In remote mode the other 中控 makes the same comparison.
   */
  async passiveRefresh(
    profileId: string,
    staleToken: string
  ): Promise<{ token: HeldToken; refreshed: boolean }> {
    const line = this.line(profileId)
    if (line.inflight) return { token: await line.inflight, refreshed: true }
    const held = line.held
    if (held && held.value !== staleToken && this.servable(held)) return { token: held, refreshed: false }
    const creds = this.deps.credentials(profileId)
    const token = await this.startUpstream(profileId, creds, false, 'passive', staleToken)
    return { token, refreshed: token.value !== staleToken }
  }

  /** Calls getcallbackip with the held token: a cheap "is it alive?" check. */
  async probe(profileId: string): Promise<ProbeResult> {
    const held = this.line(profileId).held
    const now = this.deps.clock.now()
    if (!held || held.expiresAt <= now) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'No valid token is held for this app. Fetch one first.',
          '此应用当前没有有效令牌，请先获取。'
        )
      })
    }
    const creds = this.deps.credentials(profileId)
    const result = await this.deps.client.getCallbackIp({ apiBase: creds.apiBase, accessToken: held.value })
    this.log(profileId, result.call)
    if (!result.ok) throw new DeskFailure(failureToDeskError(result.failure, 'token-use'))
    return { ok: true, ipCount: result.value.ipList.length, durationMs: result.call.durationMs }
  }

  /** The profile changed or went away: drop its token, timers and (when deleted) its counters. */
  forget(profileId: string, options: { deleted: boolean }): void {
    const line = this.lines.get(profileId)
    if (line) {
      line.cancelTimer?.()
      this.lines.set(profileId, { ...emptyLine(), generation: line.generation + 1 })
    }
    this.dropPersisted(profileId)
    if (options.deleted) {
      this.usage.forget(profileId)
      this.lines.delete(profileId)
    } else {
      this.emit(profileId)
    }
  }

  /** Resolves when no upstream call is in flight (tests and shutdown). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const pending = [...this.lines.values()].map((l) => l.inflight).filter((p) => p !== null)
      if (pending.length === 0) return
      await Promise.allSettled(pending)
    }
  }

  private startUpstream(
    profileId: string,
    creds: AppCredentials,
    force: boolean,
    trigger: Trigger,
    staleToken?: string
  ): Promise<HeldToken> {
    const line = this.line(profileId)
    const generation = line.generation
    const promise = this.callUpstream(profileId, creds, force, trigger, generation, staleToken).finally(
      () => {
        const current = this.lines.get(profileId)
        if (current && current.inflight === promise) {
          current.inflight = null
          current.inflightForce = false
          this.emit(profileId)
        }
      }
    )
    line.inflight = promise
    line.inflightForce = force
    this.emit(profileId)
    return promise
  }

  private async callUpstream(
    profileId: string,
    creds: AppCredentials,
    force: boolean,
    trigger: Trigger,
    generation: number,
    staleToken?: string
  ): Promise<HeldToken> {
    if (this.credentialMissing(creds)) {
      const error: DeskError = {
        code: 'no-secret',
        message:
          creds.mode === 'remote'
            ? text(
                'This app has no key for its token server in this session. Enter it in Edit.',
                '此应用在本次会话中没有令牌服务器密钥，请在“编辑”中填写。'
              )
            : text(
                'This app has no AppSecret for this session. Enter it in Edit.',
                '此应用在本次会话中没有 AppSecret，请在“编辑”中填写。'
              )
      }
      this.recordAttempt(profileId, trigger, error)
      throw new DeskFailure(error)
    }
    const startedAt = this.deps.clock.now()
    const outcome = await this.obtain(profileId, creds, force, staleToken)

    const line = this.lines.get(profileId)
    if (!line || line.generation !== generation) {
      throw new DeskFailure({
        code: 'guard',
        message: text('The app changed while its token was being fetched.', '获取令牌期间应用配置已变更。')
      })
    }
    if (!outcome.ok) {
      const { error, retryable } = outcome
      this.recordAttempt(profileId, trigger, error)
      if (!retryable) {
        // Retrying cannot fix a wrong secret, a missing whitelist entry or a spent quota: stop and say why.
        line.stopped = true
        line.retry = null
        this.cancelTimer(line)
      } else if (trigger === 'timer' || trigger === 'retry' || trigger === 'wake') {
        this.scheduleRetry(profileId)
      }
      this.emit(profileId)
      throw new DeskFailure(error)
    }

    const held: HeldToken = {
      value: outcome.grant.accessToken,
      mode: creds.mode,
      // Counted from when we asked: WeChat's clock started no earlier, so we never overestimate the life.
      obtainedAt: startedAt,
      expiresAt: startedAt + outcome.grant.expiresIn * 1000,
      grantedSeconds: outcome.grant.expiresIn
    }
    line.held = held
    line.stopped = false
    line.retry = null
    line.lastAttempt = { at: this.deps.clock.now(), ok: true, trigger, reused: false }
    this.persist(profileId, creds, held)
    this.schedule(profileId)
    return held
  }

  /** One upstream request: WeChat itself, or (remote mode) the other 中控. Logged either way. */
  private async obtain(
    profileId: string,
    creds: AppCredentials,
    force: boolean,
    staleToken: string | undefined
  ): Promise<{ ok: true; grant: TokenGrant } | { ok: false; error: DeskError; retryable: boolean }> {
    if (creds.mode === 'remote') {
      const target = { url: creds.remote?.url ?? '', key: creds.remote?.key ?? '', appId: creds.appId }
      const result: RemoteResult =
        staleToken === undefined
          ? await this.deps.remote.read(target)
          : await this.deps.remote.passiveRefresh(target, staleToken)
      this.log(profileId, result.call)
      return result.ok
        ? { ok: true, grant: result.value }
        : { ok: false, error: result.error, retryable: result.error.retryable === true }
    }
    this.usage.count(profileId, force)
    const params = { apiBase: creds.apiBase, appid: creds.appId, secret: creds.secret ?? '' }
    const result: UpstreamResult<TokenGrant> =
      creds.mode === 'stable'
        ? await this.deps.client.getStableToken({ ...params, forceRefresh: force })
        : await this.deps.client.getToken(params)
    this.log(profileId, result.call)
    return result.ok
      ? { ok: true, grant: result.value }
      : {
          ok: false,
          error: failureToDeskError(result.failure, 'token-fetch'),
          retryable: isRetryable(result.failure)
        }
  }

  /** Timed refreshes of this app wait for a person (prod + classic, unless unattended). */
  private awaitsConfirmation(creds: AppCredentials): boolean {
    return this.deps.unattended !== true && requiresConfirmation(creds, 'refresh')
  }

  private credentialMissing(creds: AppCredentials): boolean {
    return creds.mode === 'remote' ? !creds.remote?.key : creds.secret === null
  }

  private schedule(profileId: string): void {
    const line = this.line(profileId)
    this.cancelTimer(line)
    const held = line.held
    if (!held || line.stopped) return
    const now = this.deps.clock.now()
    const at = nextRefreshAt(held.mode, held.obtainedAt, held.expiresAt, now, this.random)
    this.arm(profileId, at, 'timer')
  }

  private scheduleRetry(profileId: string): void {
    const line = this.line(profileId)
    const attempt = (line.retry?.attempt ?? 0) + 1
    const delay = retryDelay(attempt, this.random)
    if (delay === null) {
      line.retry = null
      line.stopped = true
      this.cancelTimer(line)
      return
    }
    const at = this.deps.clock.now() + delay
    this.arm(profileId, at, 'retry')
    line.retry = { attempt, nextAt: at }
  }

  private arm(profileId: string, at: number, trigger: 'timer' | 'retry'): void {
    const line = this.line(profileId)
    this.cancelTimer(line)
    line.nextRefreshAt = at
    line.cancelTimer = this.deps.clock.setTimer(() => {
      line.cancelTimer = null
      this.runScheduled(profileId, trigger)
    }, at - this.deps.clock.now())
  }

  private runScheduled(profileId: string, trigger: Trigger): void {
    let creds: AppCredentials
    try {
      creds = this.deps.credentials(profileId)
    } catch {
      return // the profile is gone
    }
    if (this.awaitsConfirmation(creds) || this.credentialMissing(creds)) {
      this.emit(profileId) // shows 'needs-confirmation' / 'no-secret'; a person has to act
      return
    }
    const line = this.line(profileId)
    const run = line.inflight ?? this.startUpstream(profileId, creds, false, trigger)
    run.catch(() => undefined) // failures are recorded on the line and scheduled for retry
  }

  private onResume(): void {
    // Timers may have slept with the machine: refresh what is due, re-arm the rest.
    const now = this.deps.clock.now()
    for (const [profileId, line] of this.lines) {
      if (!line.held || line.stopped || line.inflight) continue
      if (line.nextRefreshAt !== null && line.nextRefreshAt <= now) {
        this.cancelTimer(line)
        this.runScheduled(profileId, 'wake')
      } else if (line.cancelTimer)
        this.arm(profileId, line.nextRefreshAt ?? now, line.retry ? 'retry' : 'timer')
    }
  }

  private guardConfirmation(creds: AppCredentials, action: Action, confirmed: boolean): void {
    if (confirmed || !requiresConfirmation(creds, action)) return
    throw new DeskFailure({
      code: 'confirmation-required',
      message:
        action === 'force'
          ? text(
              `"${creds.name}" is a production app. A force refresh invalidates the token every production service is using, and counts against the 20 a day.`,
              `“${creds.name}”是生产环境应用。强制刷新会使所有生产服务正在使用的令牌失效，并计入每日 20 次限额。`
            )
          : text(
              `"${creds.name}" is a production app in classic mode. Fetching mints a new token, and the one your production servers use dies within 5 minutes.`,
              `“${creds.name}”是普通（classic）模式的生产环境应用。获取会生成新令牌，生产服务器正在使用的令牌将在 5 分钟内失效。`
            )
    })
  }

  private guardForce(profileId: string): void {
    const now = this.deps.clock.now()
    const record = this.usage.get(profileId)
    if (record.lastForceAt !== null && now - record.lastForceAt < FORCE_SPACING_MS) {
      const wait = Math.ceil((record.lastForceAt + FORCE_SPACING_MS - now) / 1000)
      throw new DeskFailure({
        code: 'guard',
        message: text(
          `Force refreshes must be at least 30 s apart; WeChat ignores the next one for another ${wait} s.`,
          `两次强制刷新须间隔至少 30 秒；还需等待 ${wait} 秒。`
        ),
        retryable: true
      })
    }
    if (record.forceCalls >= FORCE_DAILY_LIMIT) {
      throw new DeskFailure({
        code: 'guard',
        message: text(
          `All ${FORCE_DAILY_LIMIT} force refreshes for today are used (WeChat would answer 45009). Normal refreshes still work; the count resets at 00:00 Beijing time.`,
          `今日 ${FORCE_DAILY_LIMIT} 次强制刷新已用完（微信会返回 45009）。普通刷新仍可使用；次数在北京时间 0 点重置。`
        )
      })
    }
  }

  private autoRefreshState(creds: AppCredentials, line: Line): AutoRefreshState {
    if (this.credentialMissing(creds)) return 'no-secret'
    if (line.stopped) return 'stopped'
    if (line.held && this.awaitsConfirmation(creds)) return 'needs-confirmation'
    return line.cancelTimer ? 'scheduled' : 'idle'
  }

  private recordAttempt(profileId: string, trigger: Trigger, error: DeskError): void {
    this.line(profileId).lastAttempt = { at: this.deps.clock.now(), ok: false, trigger, reused: false, error }
  }

  private servable(held: HeldToken, now = this.deps.clock.now()): boolean {
    return held.expiresAt - now >= MIN_SERVE_REMAINING_MS
  }

  private log(profileId: string, call: UpstreamCall | RemoteResult['call']): void {
    this.deps.callLog.record({ ...call, profileId })
  }

  private persist(profileId: string, creds: AppCredentials, held: HeldToken): void {
    // Without a working cipher the token lives in memory only: nothing is written in plaintext.
    if (!this.deps.cipher.available) return
    const encoded = this.deps.cipher.encrypt(
      JSON.stringify({ ...held, appId: creds.appId, apiBase: sourceOf(creds) })
    )
    this.deps.store.write('tokens', { ...this.deps.store.read('tokens'), [profileId]: encoded })
  }

  private dropPersisted(profileId: string): void {
    const tokens = this.deps.store.read('tokens')
    if (!(profileId in tokens)) return
    this.deps.store.write('tokens', withoutKey(tokens, profileId))
  }

  private decodePersisted(profileId: string, encoded: string): HeldToken | null {
    let creds: AppCredentials
    try {
      creds = this.deps.credentials(profileId)
    } catch {
      return null
    }
    try {
      const parsed = persistedTokenSchema.parse(JSON.parse(this.deps.cipher.decrypt(encoded)))
      // A token for other credentials (or another emulator run) is useless: drop it.
      if (parsed.appId !== creds.appId || parsed.apiBase !== sourceOf(creds) || parsed.mode !== creds.mode)
        return null
      const held: HeldToken = {
        value: parsed.value,
        mode: parsed.mode,
        obtainedAt: parsed.obtainedAt,
        expiresAt: parsed.expiresAt,
        grantedSeconds: parsed.grantedSeconds
      }
      return this.servable(held) ? held : null
    } catch {
      return null
    }
  }

  private cancelTimer(line: Line): void {
    line.cancelTimer?.()
    line.cancelTimer = null
    line.nextRefreshAt = null
  }

  private line(profileId: string): Line {
    let line = this.lines.get(profileId)
    if (!line) {
      line = emptyLine()
      this.lines.set(profileId, line)
    }
    return line
  }

  private emit(profileId: string): void {
    if (this.listeners.size === 0) return
    let view: TokenView
    try {
      view = this.view(profileId)
    } catch {
      return
    }
    for (const listener of this.listeners) listener(view)
  }
}

function emptyLine(): Line {
  return {
    held: null,
    inflight: null,
    inflightForce: false,
    cancelTimer: null,
    nextRefreshAt: null,
    retry: null,
    stopped: false,
    lastAttempt: null,
    generation: 0
  }
}

/** Where a profile's tokens come from: WeChat's API base, or the other 中控 in remote mode. */
function sourceOf(creds: AppCredentials): string {
  return creds.mode === 'remote' ? `remote:${creds.remote?.url ?? ''}` : creds.apiBase
}

/** Prod apps: classic fetches invalidate the production token; force refreshes always do. */
export function requiresConfirmation(creds: Pick<AppCredentials, 'env' | 'mode'>, action: Action): boolean {
  if (creds.env !== 'prod') return false
  return action === 'force' || creds.mode === 'classic'
}

export function maskToken(token: string): string {
  if (token.length <= 16) return '•'.repeat(token.length)
  return `${token.slice(0, 8)}••••••${token.slice(-4)}`
}
