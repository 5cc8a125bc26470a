import { DeskFailure, text, type DeskError } from '../../../shared/result'
import type { CallLog } from '../../call-log'
import type { AppCredentials } from '../../profiles'
import type { Clock } from '../../time/clock'
import { failureToDeskError, type TicketType, type WeChatClient } from '../../wechat'
import { MIN_SERVE_REMAINING_MS, type HeldToken } from '../held-token'
import { MIN_TOKEN_AGE_MS, TOKEN_REJECTED_ERRCODES } from '../refresh-governor'
import { SingleFlight } from '../single-flight'
import type { TokenOwner, TokenStore } from '../store'
import type { TokenKeeper } from '../token-keeper'
import { TICKET_TYPES, ticketFromGrant, type HeldTicket } from './held-ticket'

/**
 * Tickets are refreshed this long before the expiry the desk knows (WeChat hands the same ticket out until it
 * expires, so an earlier call brings nothing new), and a refresh that brought the held ticket again is not
 * repeated sooner than `RECHECK_MS`.
 */
export const TICKET_REFRESH_MARGIN_MS = 600_000
export const RECHECK_MS = 60_000
/** How many replaced tickets of an app and type are remembered, to recognise a signature made with one. */
const HISTORY = 5

export interface TicketKeeperDeps {
  tokens: Pick<TokenKeeper, 'current' | 'ensure' | 'tokenRejected'>
  client: Pick<WeChatClient, 'getTicket'>
  credentials: (profileId: string) => AppCredentials
  /** Where held tickets outlive a restart (`encryptedTicketStore`). */
  store: TokenStore<HeldTicket>
  clock: Clock
  callLog: CallLog
}

interface Line {
  held: HeldTicket | null
  /** Tickets held before `held` in this run, newest first. */
  previous: string[]
  /** When WeChat was last asked, and what it said when it refused. */
  askedAt: number | null
  failure: { error: DeskError; at: number } | null
  cancelTimer: (() => void) | null
}

/**
 * One JS-SDK ticket per app and type (jsapi, wx_card), shared like the access_token: tickets are global
 * credentials with the same sharing problem. Served while it has a minute to live, fetched in one flight
 * however many callers ask, refreshed ahead of its expiry, kept encrypted across restarts. Asking WeChat is
 * governed like tokens: at most once per 30 s per ticket whatever callers do, and a refusal is answered from
 * memory for those 30 s. A token WeChat rejects on the way is reported to the token keeper, which replaces it,
 * and the ticket is asked for once more.
 */
export class TicketKeeper {
  private readonly lines = new Map<string, Line>()
  private readonly flights = new SingleFlight<HeldTicket, 'fetch'>()
  private stopped = false

  constructor(private readonly deps: TicketKeeperDeps) {}

  /** Loads the persisted tickets of these apps (served while valid) and arms their refreshes. */
  start(profileIds: string[]): void {
    for (const id of profileIds) {
      for (const type of TICKET_TYPES) {
        const held = this.load(id, type)
        if (held) this.landed(id, type, this.line(id, type), held)
      }
    }
  }

  /** The held ticket if it has at least a minute to live, else null. Never calls WeChat. */
  current(profileId: string, type: TicketType, now = this.deps.clock.now()): HeldTicket | null {
    const held = this.lines.get(keyOf(profileId, type))?.held ?? null
    return held && held.expiresAt - now >= MIN_SERVE_REMAINING_MS ? held : null
  }

  /** The held ticket, or one fetched now (shared by every concurrent caller). */
  async get(profileId: string, type: TicketType): Promise<HeldTicket> {
    return this.current(profileId, type) ?? this.fetch(profileId, type)
  }

  /**
   * A caller says `stale` does not work: WeChat is asked again unless it was asked in the last 30 s or the
   * held ticket is another one already. `refreshed` says whether the answer differs from `stale`.
   */
  async passiveRefresh(
    profileId: string,
    type: TicketType,
    stale: string
  ): Promise<{ ticket: HeldTicket; refreshed: boolean }> {
    const held = this.current(profileId, type)
    const ticket = held && held.value !== stale ? held : await this.fetch(profileId, type)
    return { ticket, refreshed: ticket.value !== stale }
  }

  /** The tickets held before the current one in this run, newest first (at most five). Never calls WeChat. */
  history(profileId: string, type: TicketType): string[] {
    return [...(this.lines.get(keyOf(profileId, type))?.previous ?? [])]
  }

  /** The profile changed or went away: its tickets are dropped. */
  forget(profileId: string): void {
    for (const type of TICKET_TYPES) {
      const key = keyOf(profileId, type)
      this.lines.get(key)?.cancelTimer?.()
      this.lines.delete(key)
      this.flights.drop(key)
      this.deps.store.drop(key)
    }
  }

  stop(): void {
    this.stopped = true
    for (const line of this.lines.values()) line.cancelTimer?.()
    this.lines.clear()
    this.flights.clear()
  }

  /** Resolves when no fetch is in flight. */
  whenIdle(): Promise<void> {
    return this.flights.whenIdle()
  }

  private fetch(profileId: string, type: TicketType): Promise<HeldTicket> {
    const key = keyOf(profileId, type)
    const flight = this.flights.get(key)
    if (flight) return flight.promise
    const line = this.line(profileId, type)
    const now = this.deps.clock.now()
    if (line.askedAt !== null && now - line.askedAt < MIN_TOKEN_AGE_MS) {
      if (line.failure) return Promise.reject(new DeskFailure(line.failure.error))
      if (line.held && line.held.expiresAt > now) return Promise.resolve(line.held)
    }
    return this.flights.start(key, 'fetch', () => this.ask(profileId, type, line))
  }

  private async ask(profileId: string, type: TicketType, line: Line): Promise<HeldTicket> {
    const creds = this.deps.credentials(profileId)
    line.askedAt = this.deps.clock.now()
    try {
      // The caller asked through the Local API (or a timer runs for a ticket callers use): as explicit as
      // a token request with the AppSecret, so a prod classic app's token may be obtained for it.
      let token: HeldToken | null = await this.deps.tokens.ensure(profileId, { confirmed: true })
      for (let attempt = 0; token !== null; attempt++) {
        const askedAt = this.deps.clock.now()
        const result = await this.deps.client.getTicket({
          apiBase: creds.apiBase,
          accessToken: token.value,
          type
        })
        this.deps.callLog.record({ ...result.call, profileId })
        if (result.ok) {
          const held = ticketFromGrant(result.value, type, line.held, askedAt)
          this.landed(profileId, type, line, held)
          this.deps.store.persist(keyOf(profileId, type), ownerOf(creds), held)
          return held
        }
        const { failure } = result
        const rejected = failure.kind === 'wechat' && TOKEN_REJECTED_ERRCODES.has(failure.errcode)
        if (!rejected || attempt > 0) throw new DeskFailure(failureToDeskError(failure, 'token-use'))
        token = await this.deps.tokens.tokenRejected(profileId, token.value)
      }
      throw new DeskFailure(noToken())
    } catch (error) {
      if (error instanceof DeskFailure) line.failure = { error: error.error, at: this.deps.clock.now() }
      throw error
    }
  }

  private landed(profileId: string, type: TicketType, line: Line, held: HeldTicket): void {
    if (line.held && line.held.value !== held.value) {
      line.previous = [line.held.value, ...line.previous.filter((v) => v !== held.value)].slice(0, HISTORY)
    }
    line.held = held
    line.failure = null
    line.cancelTimer?.()
    if (this.stopped) return
    const now = this.deps.clock.now()
    const due = Math.max(held.expiresAt - TICKET_REFRESH_MARGIN_MS, (line.askedAt ?? now) + RECHECK_MS)
    line.cancelTimer = this.deps.clock.setTimer(() => {
      line.cancelTimer = null
      // Only while someone has a token to fetch it with: a ticket never makes the desk mint a token unasked.
      if (this.deps.tokens.current(profileId) === null) return
      this.fetch(profileId, type).catch(() => undefined)
    }, due - now)
  }

  private load(profileId: string, type: TicketType): HeldTicket | null {
    const key = keyOf(profileId, type)
    let held: HeldTicket | null = null
    try {
      held = this.deps.store.load(key, ownerOf(this.deps.credentials(profileId)))
    } catch {
      // the profile is gone
    }
    if (held && held.type === type && held.expiresAt - this.deps.clock.now() >= MIN_SERVE_REMAINING_MS)
      return held
    this.deps.store.drop(key)
    return null
  }

  private line(profileId: string, type: TicketType): Line {
    const key = keyOf(profileId, type)
    let line = this.lines.get(key)
    if (!line) {
      line = { held: null, previous: [], askedAt: null, failure: null, cancelTimer: null }
      this.lines.set(key, line)
    }
    return line
  }
}

const keyOf = (profileId: string, type: TicketType): string => `${profileId}:${type}`

/** A ticket is only good for the account and WeChat it was fetched from. */
const ownerOf = (creds: AppCredentials): TokenOwner => ({
  appId: creds.appId,
  origin: creds.apiBase,
  mode: creds.mode
})

const noToken = (): DeskError => ({
  code: 'wechat',
  message: text(
    'WeChat rejected the access_token twice while fetching the ticket; the desk is replacing it.',
    '获取 ticket 时微信两次拒绝了 access_token，本工具正在更换令牌。'
  ),
  retryable: true
})
