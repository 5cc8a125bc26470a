import type {
  JssdkDiagnosis,
  JssdkSetup,
  JssdkSignature,
  JssdkSigned,
  JssdkTicketView
} from '../../shared/contract'
import { mask } from '../../shared/mask'
import { DeskFailure, text, type FieldIssue } from '../../shared/result'
import type { ClipboardPort } from '../ports'
import type { ProfileService } from '../profiles'
import type { Clock } from '../time/clock'
import type { HeldTicket, TicketKeeper } from '../tokens/tickets'
import { diagnoseSignature } from './diagnose'
import { checkPageUrl } from './page-url'
import { jsapiSignature, newNonceStr, withTicketShown, type JsapiSignature } from './signature'
import { checkNonceAndTimestamp, configSnippet, unixSeconds } from './wx-config'

export interface JssdkServiceDeps {
  profiles: Pick<ProfileService, 'get' | 'view'>
  tickets: Pick<TicketKeeper, 'current' | 'get' | 'passiveRefresh' | 'history'>
  clock: Clock
  clipboard: ClipboardPort
}

export interface SignRequest {
  profileId: string
  url: string
  nonceStr: string
  timestamp: string
  /** A ticket the user typed; absent = the app's jsapi_ticket. */
  ticket?: string
  revealTicket?: boolean
}

export interface DiagnoseRequest {
  profileId: string
  pageUrl: string
  nonceStr: string
  timestamp: string
  signature: string
}

/** A jsapi_ticket as the window may show it: enough to tell two apart, never enough to use. */
export const maskTicket = (ticket: string): string => mask(ticket, { head: 4, tail: 4 })

/**
 * The JS-SDK workbench: the app's jsapi_ticket (the one the ticket keeper shares with every caller), the
 * signature calculator and the invalid-signature diagnosis. The ticket never leaves main unmasked except when
 * the user reveals or copies it.
 */
export class JssdkService {
  constructor(private readonly deps: JssdkServiceDeps) {}

  setup(profileId: string): JssdkSetup {
    const profile = this.deps.profiles.get(profileId)
    const { nonceStr, timestamp } = this.newNonce()
    return {
      profileId,
      appId: profile.appId,
      kind: profile.kind,
      jsDomains: this.jsDomainsOf(profileId),
      ticket: this.ticketView(profileId),
      nonceStr,
      timestamp
    }
  }

  ticketView(profileId: string): JssdkTicketView {
    const now = this.deps.clock.now()
    const held = this.deps.tickets.current(profileId, 'jsapi', now)
    return {
      profileId,
      held: held !== null,
      masked: held && maskTicket(held.value),
      obtainedAt: held?.obtainedAt ?? null,
      expiresAt: held?.expiresAt ?? null,
      previousCount: this.deps.tickets.history(profileId, 'jsapi').length,
      now
    }
  }

  async fetchTicket(profileId: string): Promise<JssdkTicketView> {
    await this.ticket(profileId)
    return this.ticketView(profileId)
  }

  /** Asks WeChat again for the held ticket (the keeper's governor allows it once per 30 s). */
  async refreshTicket(profileId: string): Promise<JssdkTicketView> {
    this.deps.profiles.get(profileId)
    const held = this.deps.tickets.current(profileId, 'jsapi')
    if (held) await this.deps.tickets.passiveRefresh(profileId, 'jsapi', held.value)
    else await this.deps.tickets.get(profileId, 'jsapi')
    return this.ticketView(profileId)
  }

  revealTicket(profileId: string): { ticket: string } {
    return { ticket: this.heldOrFail(profileId).value }
  }

  copyTicket(profileId: string): { copied: true } {
    this.deps.clipboard.writeText(this.heldOrFail(profileId).value)
    return { copied: true }
  }

  newNonce(): { nonceStr: string; timestamp: string } {
    return { nonceStr: newNonceStr(), timestamp: unixSeconds(this.deps.clock.now()) }
  }

  /** Signs what the user typed, with the app's ticket (fetched when none is held) or a typed one. */
  async sign(request: SignRequest): Promise<JssdkSignature> {
    const { profileId, nonceStr, timestamp } = request
    const { appId } = this.deps.profiles.get(profileId)
    const page = checkPageUrl(request.url, this.jsDomainsOf(profileId))
    const findings = [...page.findings, ...checkNonceAndTimestamp(nonceStr, timestamp)]
    const typed = request.ticket?.trim() ?? ''
    const desk = typed === ''
    const ticketSource = desk ? 'desk' : 'typed'
    if (page.url === null) {
      const ticket = desk ? this.ticketView(profileId) : null
      return { url: null, findings, ticketSource, result: null, config: null, snippet: null, ticket }
    }
    const ticket = desk ? (await this.ticket(profileId)).value : typed
    const signed = jsapiSignature({ ticket, nonceStr, timestamp, url: page.url })
    const config = { appId, timestamp, nonceStr, signature: signed.signature }
    return {
      url: page.url,
      findings,
      ticketSource,
      result: desk && request.revealTicket !== true ? shown(signed, ticket) : signed,
      config,
      snippet: configSnippet(config),
      ticket: desk ? this.ticketView(profileId) : null
    }
  }

  /** "Why does my page say invalid signature?", against the current ticket and those held before it. */
  async diagnose(request: DiagnoseRequest): Promise<JssdkDiagnosis> {
    const { profileId } = request
    this.deps.profiles.get(profileId)
    const issues = diagnoseIssues(request)
    const [first] = issues
    if (first) {
      const many = text(`${issues.length} fields need attention`, `${issues.length} 个字段需要修改`)
      throw new DeskFailure({
        code: 'invalid-input',
        message: issues.length === 1 ? first.message : many,
        issues
      })
    }
    const current = (await this.ticket(profileId)).value
    const previous = this.deps.tickets.history(profileId, 'jsapi')
    const diagnosis = diagnoseSignature(request, { current, previous })
    const reproducedBy = diagnosis.reproducedBy
    const ticketOf = (signed: JsapiSignature): string =>
      [current, ...previous].find((t) => signed.signed.startsWith(`jsapi_ticket=${t}&`)) ?? current
    return {
      cause: diagnosis.cause,
      message: diagnosis.message,
      expected: shown(diagnosis.expected, current),
      reproducedBy: reproducedBy && shown(reproducedBy, ticketOf(reproducedBy)),
      ticketsTried: 1 + previous.length
    }
  }

  private async ticket(profileId: string): Promise<HeldTicket> {
    this.deps.profiles.get(profileId)
    return this.deps.tickets.get(profileId, 'jsapi')
  }

  private heldOrFail(profileId: string): HeldTicket {
    this.deps.profiles.get(profileId)
    const held = this.deps.tickets.current(profileId, 'jsapi')
    if (!held) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'No jsapi_ticket is held for this app. Fetch it first.',
          '此应用当前没有 jsapi_ticket，请先获取。'
        )
      })
    }
    return held
  }

  private jsDomainsOf(profileId: string): string[] {
    return this.deps.profiles.view(this.deps.profiles.get(profileId)).jsDomains ?? []
  }
}

const shown = (signed: JsapiSignature, ticket: string): JssdkSigned =>
  withTicketShown(signed, ticket, maskTicket(ticket))

function diagnoseIssues(request: DiagnoseRequest): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (checkPageUrl(request.pageUrl, []).url === null) {
    issues.push({
      path: 'pageUrl',
      message: text(
        'Paste location.href as the page saw it, e.g. https://www.example.com/pay?order=1#/step/2.',
        '请粘贴页面看到的 location.href，例如 https://www.example.com/pay?order=1#/step/2。'
      )
    })
  }
  if (request.nonceStr.trim() === '') {
    issues.push({
      path: 'nonceStr',
      message: text(
        'Paste the nonceStr the page passed to wx.config.',
        '请粘贴页面传给 wx.config 的 nonceStr。'
      )
    })
  }
  if (request.timestamp.trim() === '') {
    issues.push({
      path: 'timestamp',
      message: text(
        'Paste the timestamp the page passed to wx.config.',
        '请粘贴页面传给 wx.config 的 timestamp。'
      )
    })
  }
  if (!/^[0-9a-fA-F]{40}$/.test(request.signature.trim())) {
    issues.push({
      path: 'signature',
      message: text(
        'A signature is 40 hexadecimal characters (SHA-1), as the page passed it to wx.config.',
        '签名是 40 位十六进制字符（SHA-1），即页面传给 wx.config 的值。'
      )
    })
  }
  return issues
}
