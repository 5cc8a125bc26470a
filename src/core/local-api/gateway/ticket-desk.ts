import { DeskFailure } from '../../../shared/result'
import type { CallLog } from '../../call-log'
import { checkPageUrl, pageConfig } from '../../jssdk'
import { parseJsonObject } from '../../http/read-body'
import { jsonReply, reply, type Reply, type SendReply } from '../../http/reply'
import type { Clock } from '../../time/clock'
import type { HeldTicket, TicketKeeper } from '../../tokens/tickets'
import type { TicketType } from '../../wechat'
import { WECHAT_JSON_TYPE } from '../../wechat-wire/content-types'
import { WX, type WeChatError } from '../../wechat-wire/errors'
import { apiError, tokenFailureReply } from '../api-error'
import type { AppIndex } from '../app-index'
import { wechatErrorReply } from '../wechat-reply'
import { answerFacts, deskUrl } from './call-record'
import type { AnswerLog } from './answer-log'
import type { GatewayCaller } from './relay-request'
import type { AppResolver } from './resolver'

/** What the Local API needs of the ticket keeper. */
export type TicketAccess = Pick<TicketKeeper, 'get' | 'current' | 'passiveRefresh'>

/** How the gateway logs an answer the desk gave itself (the gateway's AnswerLog). */
export type AnswerRecorder = Pick<AnswerLog, 'flagsOf' | 'record'>

interface TicketDeskDeps {
  index: AppIndex
  clock: Clock
  callLog: CallLog
  logError?: (error: unknown) => void
}

const isTicketType = (value: string): value is TicketType => value === 'jsapi' || value === 'wx_card'
const MAX_STALE_LENGTH = 2048

/**
 * The ticket endpoints: `GET /cgi-bin/ticket/getticket` in WeChat's shape for SDKs (the app is the one whose
 * token the caller holds), and the /v1 routes for everything else. Every caller gets the one shared ticket
 * of the app and type, with the life the desk knows it has left.
 */
export class TicketDesk {
  constructor(
    private readonly deps: TicketDeskDeps,
    private readonly resolver: AppResolver,
    private readonly tickets: TicketAccess | null,
    private readonly recorder: AnswerRecorder
  ) {}

  /** `GET /cgi-bin/ticket/getticket?access_token=…&type=jsapi|wx_card` */
  async getTicket(call: GatewayCaller): Promise<Reply> {
    const at = this.deps.clock.now()
    const startedMs = performance.now()
    const before = this.deps.callLog.newestId
    const { answer, profileId } = await this.answer(call, at)
    const flags = answer.body.includes('"ticket"') ? this.recorder.flagsOf(profileId, before, at) : []
    const facts = answerFacts(Buffer.from(answer.body), answer.contentType, null)
    this.recorder.record(call, at, startedMs, profileId, deskUrl(call), answer, facts, flags, '')
    return answer
  }

  /** `GET /v1/apps/{appid}/tickets/{type}` */
  async deskTicket(appid: string, type: string): Promise<Reply> {
    const found = this.appOf(appid, type)
    if ('kind' in found) return found
    try {
      const ticket = await found.tickets.get(found.profileId, found.type)
      return deskAnswer(ticket, this.deps.clock.now())
    } catch (error) {
      return tokenFailureReply(error, this.deps.logError ?? (() => undefined))
    }
  }

  /**
   * `GET /v1/apps/{appid}/jssdk-config?url=…`: what an H5 backend hands its page for wx.config, signed with the
   * shared jsapi_ticket. The URL is signed without its fragment, as WeChat does; the domain is WeChat's to check.
   */
  async jssdkConfig(appid: string, query: string): Promise<Reply> {
    const found = this.appOf(appid, 'jsapi')
    if ('kind' in found) return found
    const url = checkPageUrl(new URLSearchParams(query).get('url') ?? '', []).url
    if (url === null || !/^https?:\/\//i.test(url)) {
      return apiError(
        400,
        'invalid-input',
        'Send ?url=<the page URL, URL-encoded>: the full http(s) address the page is on, query included.'
      )
    }
    try {
      const ticket = await found.tickets.get(found.profileId, 'jsapi')
      return jsonReply(200, JSON.stringify(pageConfig(found.appId, ticket.value, url, this.deps.clock.now())))
    } catch (error) {
      return tokenFailureReply(error, this.deps.logError ?? (() => undefined))
    }
  }

  /** `POST /v1/apps/{appid}/tickets/{type}/refresh` with `{"stale_ticket":"…"}` */
  async refreshTicket(appid: string, type: string, body: string): Promise<Reply> {
    const found = this.appOf(appid, type)
    if ('kind' in found) return found
    const parsed = parseJsonObject(body)
    const stale = parsed.ok ? parsed.value['stale_ticket'] : undefined
    if (typeof stale !== 'string' || stale === '' || stale.length > MAX_STALE_LENGTH) {
      return apiError(
        400,
        'invalid-input',
        'Send {"stale_ticket":"…"}: the ticket that did not work, as a string.'
      )
    }
    try {
      const { ticket, refreshed } = await found.tickets.passiveRefresh(found.profileId, found.type, stale)
      return deskAnswer(ticket, this.deps.clock.now(), refreshed)
    } catch (error) {
      return tokenFailureReply(error, this.deps.logError ?? (() => undefined))
    }
  }

  private async answer(
    call: GatewayCaller,
    now: number
  ): Promise<{ answer: SendReply; profileId: string | null }> {
    if (call.method !== 'GET') return { answer: wechatReply(WX.requireGet), profileId: null }
    const params = new URLSearchParams(call.query)
    if (!params.get('access_token')) return { answer: wechatReply(WX.accessTokenMissing), profileId: null }
    const resolution = this.resolver.resolve('/cgi-bin/ticket/getticket', params, now)
    if (resolution.kind === 'refused') {
      return { answer: wechatReply(resolution.error), profileId: resolution.app?.profileId ?? null }
    }
    const { profileId } = resolution.app
    if (resolution.token?.issued?.kind !== 'global') {
      const error = {
        ...WX.invalidCredential,
        errmsg: `${WX.invalidCredential.errmsg} (wechat-token-desk: a user token cannot fetch tickets)`
      }
      return { answer: wechatReply(error), profileId }
    }
    const type = params.get('type') ?? ''
    if (!isTicketType(type)) return { answer: wechatReply(WX.invalidArgs), profileId }
    if (this.tickets === null) {
      const error = { errcode: -1, errmsg: 'system error (wechat-token-desk: tickets are not served here)' }
      return { answer: wechatReply(error), profileId }
    }
    try {
      const ticket = await this.tickets.get(profileId, type)
      const seconds = Math.max(0, Math.floor((ticket.expiresAt - this.deps.clock.now()) / 1000))
      const body = { errcode: 0, errmsg: 'ok', ticket: ticket.value, expires_in: seconds }
      return { answer: reply(200, WECHAT_JSON_TYPE, JSON.stringify(body)), profileId }
    } catch (error) {
      if (error instanceof DeskFailure && error.error.errcode !== undefined) {
        return {
          answer: wechatReply({ errcode: error.error.errcode, errmsg: error.error.errmsg ?? '' }),
          profileId
        }
      }
      if (!(error instanceof DeskFailure)) this.deps.logError?.(error)
      return { answer: wechatReply(WX.systemError), profileId }
    }
  }

  private appOf(
    appid: string,
    type: string
  ): SendReply | { profileId: string; appId: string; type: TicketType; tickets: TicketAccess } {
    if (!isTicketType(type)) return apiError(404, 'not-found', 'Ticket types are jsapi and wx_card.')
    const lookup = this.deps.index.lookup(appid)
    if (lookup.kind !== 'found')
      return apiError(404, 'unknown-app', 'No single app with that AppID is set up in the desk.')
    if (this.tickets === null) return apiError(503, 'internal', 'Tickets are not served here.')
    return { profileId: lookup.app.profileId, appId: lookup.app.appId, type, tickets: this.tickets }
  }
}

const wechatReply = (error: WeChatError): SendReply => wechatErrorReply(error)

function deskAnswer(ticket: HeldTicket, now: number, refreshed?: boolean): SendReply {
  const iso = (ms: number): string => new Date(ms).toISOString()
  return jsonReply(
    200,
    JSON.stringify({
      ticket: ticket.value,
      type: ticket.type,
      expires_in: Math.max(0, Math.floor((ticket.expiresAt - now) / 1000)),
      expires_at: iso(ticket.expiresAt),
      obtained_at: iso(ticket.obtainedAt),
      ...(refreshed !== undefined && { refreshed })
    })
  )
}
