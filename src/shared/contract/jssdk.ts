/**
 * JS-SDK (wx.config): the app's jsapi_ticket as the desk keeps it, the signature calculator and "why does my
 * page say invalid signature?". The ticket stays in main: views carry a mask, and the string the desk signed
 * shows it masked unless the user reveals it (or typed the ticket in).
 */
import { z } from 'zod'
import type { Localized } from '../result'
import type { AppKind } from './apps'
import { byId, call, none, profileId } from './kit'

/** The jsapi_ticket the desk holds for an app (never the value). */
export interface JssdkTicketView {
  profileId: string
  held: boolean
  /** e.g. `sM4A••••••••P7qg`, or null when none is held. */
  masked: string | null
  obtainedAt: number | null
  expiresAt: number | null
  /** Tickets held before this one in this run: a signature made with one of them is recognised. */
  previousCount: number
  /** main's clock, so countdowns agree with it. */
  now: number
}

export interface JssdkSetup {
  profileId: string
  appId: string
  kind: AppKind
  /** The app's JS接口安全域名, which the page URL's host is checked against. */
  jsDomains: string[]
  ticket: JssdkTicketView
  /** Values to start from: a fresh nonceStr and main's time in Unix seconds. */
  nonceStr: string
  timestamp: string
}

export const JSSDK_FINDING_RULES = [
  'not-a-url',
  'fragment-stripped',
  'not-http',
  'plain-http',
  'domain-not-registered',
  'no-domains',
  'nonce-empty',
  'timestamp-not-seconds',
  'timestamp-milliseconds'
] as const
export type JssdkFindingRule = (typeof JSSDK_FINDING_RULES)[number]

/** Something about the inputs that decides whether wx.config will pass. */
export interface JssdkFinding {
  rule: JssdkFindingRule
  level: 'error' | 'warning' | 'info'
  message: Localized
}

/** One signed string and its SHA-1 (the ticket in it masked unless the user may see it). */
export interface JssdkSigned {
  /** `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` */
  signed: string
  /** Lower-case hex SHA-1 of the string with the real ticket. */
  signature: string
}

/** What `wx.config` needs from the server: ready to copy into the page. */
export interface JssdkConfig {
  appId: string
  timestamp: string
  nonceStr: string
  signature: string
}

export interface JssdkSignature {
  /** The URL signed: the page URL without `#` and what follows; null when the input is not a URL. */
  url: string | null
  findings: JssdkFinding[]
  /** `desk`: the app's jsapi_ticket; `typed`: one the user typed (e.g. the documented test vector). */
  ticketSource: 'desk' | 'typed'
  /** Null when nothing could be signed (no URL). */
  result: JssdkSigned | null
  config: JssdkConfig | null
  /** `wx.config({…})` with these values, ready to paste. */
  snippet: string | null
  /** The app's ticket after signing (signing fetches one when none is held); null for a typed ticket. */
  ticket: JssdkTicketView | null
}

export const JSSDK_SIGNATURE_CAUSES = [
  'matches',
  'ticket-stale',
  'url-fragment',
  'url-encoding',
  'url-scheme',
  'url-trailing-slash',
  'url-query',
  'timestamp-unit',
  'unexplained'
] as const
export type JssdkSignatureCause = (typeof JSSDK_SIGNATURE_CAUSES)[number]

/** "Why does my page say invalid signature?": which input differs from what the desk would sign. */
export interface JssdkDiagnosis {
  cause: JssdkSignatureCause
  message: Localized
  /** What the desk signs for these inputs with the current ticket (masked). */
  expected: JssdkSigned
  /** The inputs that reproduce the page's signature, when a known mistake explains it (masked). */
  reproducedBy: JssdkSigned | null
  /** How many tickets were tried: the current one and those held before it. */
  ticketsTried: number
}

/** Lengths are generous: the checks say what WeChat accepts, with localized messages. */
const signFields = {
  id: profileId,
  url: z.string().max(4096),
  nonceStr: z.string().max(256),
  timestamp: z.string().max(64)
}

export const jssdkSignInputSchema = z
  .object({
    ...signFields,
    /** A ticket typed by the user; absent = the app's jsapi_ticket (fetched when none is held). */
    ticket: z.string().min(1).max(1024).optional(),
    /** Show the app's ticket in the signed string (as the user asked to see it). */
    revealTicket: z.boolean().optional()
  })
  .strict()

export const jssdkDiagnoseInputSchema = z
  .object({
    id: profileId,
    pageUrl: signFields.url,
    nonceStr: signFields.nonceStr,
    timestamp: signFields.timestamp,
    signature: z.string().max(256)
  })
  .strict()

export const jssdkCalls = {
  /** The app's domains, its ticket as held (no WeChat call), fresh nonceStr and timestamp. */
  getJssdkSetup: call<JssdkSetup>()(byId),
  /** The held jsapi_ticket, or one fetched now (shared with every other caller). */
  fetchJssdkTicket: call<JssdkTicketView>()(byId),
  /** Asks WeChat again (at most once per 30 s per ticket; WeChat hands the same one out while it is valid). */
  refreshJssdkTicket: call<JssdkTicketView>()(byId),
  /** The held ticket's value, shown because the user asked. */
  revealJssdkTicket: call<{ ticket: string }>()(byId),
  /** main puts the held ticket on the clipboard. */
  copyJssdkTicket: call<{ copied: true }>()(byId),
  newJssdkNonce: call<{ nonceStr: string; timestamp: string }>()(none),
  signJssdk: call<JssdkSignature>()(jssdkSignInputSchema),
  diagnoseJssdkSignature: call<JssdkDiagnosis>()(jssdkDiagnoseInputSchema)
} as const
