import type { CallFlag } from '../../../shared/contract'
import { bodyView, type CallLog } from '../../call-log'
import type { Reply, SendReply } from '../../http/reply'
import type { Clock } from '../../time/clock'
import type { AppIndex } from '../app-index'
import type { TokenAccess } from '../token-access'
import { answerFacts, callerMessage, deskUrl, gatewayEntry, type AnswerFacts } from './call-record'
import type { IssuedTokens } from './issued-tokens'
import type { GatewayCaller } from './relay-request'

export interface AnswerLogDeps {
  callLog: CallLog
  index: AppIndex
  tokens: TokenAccess
  clock: Clock
  issued: IssuedTokens
  /** Values never to show (the desk's API key). */
  known: () => string[]
}

/**
 * The answers the desk gives in WeChat's place — its token and ticket endpoints, its refusals — in the call log
 * beside the calls it relays, with whether they came from memory.
 */
export class AnswerLog {
  constructor(private readonly deps: AnswerLogDeps) {}

  /**
   * Logs an answer the desk gave in WeChat's place (its token endpoints), with whether it came from memory,
   * and remembers the token it handed out as that app's.
   */
  async answered(
    caller: GatewayCaller,
    appid: string | null,
    body: string,
    answer: () => Reply | Promise<Reply>
  ): Promise<Reply> {
    const at = this.deps.clock.now()
    const startedMs = performance.now()
    const before = this.deps.callLog.newestId
    const given = await answer()
    if (given.kind !== 'send') return given
    const lookup = appid === null ? null : this.deps.index.lookup(appid)
    const profileId = lookup?.kind === 'found' ? lookup.app.profileId : null
    const facts = answerFacts(Buffer.from(given.body), given.contentType, null)
    const token = facts.json?.['access_token']
    const expiresIn = facts.json?.['expires_in']
    if (profileId !== null && typeof token === 'string' && typeof expiresIn === 'number')
      this.deps.issued.note(token, profileId, 'global', this.deps.clock.now() + expiresIn * 1000)
    this.record(
      caller,
      at,
      startedMs,
      profileId,
      deskUrl(caller),
      given,
      facts,
      this.flagsOf(profileId, before, at),
      body
    )
    return given
  }

  /** The flags of an answer the desk gave itself: from memory when it made no upstream call meanwhile. */
  flagsOf(profileId: string | null, before: number, at: number): CallFlag[] {
    if (profileId === null || this.deps.callLog.calledSince(before, profileId)) return []
    const attempt = this.deps.tokens.view(profileId).lastAttempt
    return attempt?.coalesced && attempt.at >= at ? ['coalesced', 'memory'] : ['memory']
  }

  /** Logs an answer the desk wrote itself (a refusal, the token or ticket endpoints); returns its entry id. */
  record(
    caller: GatewayCaller,
    at: number,
    startedMs: number,
    profileId: string | null,
    url: string,
    given: SendReply,
    facts: AnswerFacts,
    flags: CallFlag[],
    body: string | Buffer
  ): number {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body
    const answerBytes = Buffer.from(given.body)
    const entry = this.deps.callLog.record(
      gatewayEntry({
        caller,
        at,
        startedMs,
        profileId,
        url,
        httpStatus: given.status,
        facts,
        flags,
        exchange: {
          request: callerMessage(caller, bytes, bytes.length),
          response: {
            headers: [['content-type', given.contentType]],
            body: bodyView(answerBytes, answerBytes.length, given.contentType)
          }
        },
        known: this.deps.known()
      })
    )
    return entry.id
  }
}
