/**
 * The API console (接口调试): any WeChat API called from this machine for one app, through the desk's
 * gateway (so healing, the refresh governor and the call log apply), with its answer shown whole. The
 * access_token and the AppSecret are added in main and never cross to the renderer.
 */
import { z } from 'zod'
import { call, none, profileId, str } from './kit'
import type { SavedFile } from './system'

export const CONSOLE_METHODS = ['GET', 'POST'] as const
export type ConsoleMethod = (typeof CONSOLE_METHODS)[number]

/** A part of a multipart form: a text field, or a file picked in main (its bytes stay there). */
export type ConsolePart =
  | { kind: 'text'; name: string; value: string }
  /** `fileId` null: no file picked yet (a request from the catalogue or the history). */
  | { kind: 'file'; name: string; fileId: string | null; fileName: string }

export type ConsoleBody =
  { kind: 'none' } | { kind: 'json'; text: string } | { kind: 'multipart'; parts: ConsolePart[] }

/** A request as composed. It never carries a credential: the desk adds the token or the AppSecret in main. */
export interface ConsoleRequest {
  method: ConsoleMethod
  /** `/cgi-bin/…`: the path only, no host and no query. */
  path: string
  /** Query fields in order (the desk appends the credential). */
  query: [string, string][]
  body: ConsoleBody
}

/** An answer's body as the pane shows it; every credential in text is masked. */
export type ConsoleAnswerBody =
  | { kind: 'empty' }
  /** `json`: it parses as JSON (WeChat's answers do, whatever their Content-Type says). */
  | { kind: 'text'; text: string; json: boolean }
  | { kind: 'image'; dataUrl: string; contentType: string }
  | { kind: 'binary'; contentType: string | null }

export interface ConsoleResponse {
  requestId: string
  profileId: string
  /** `answered`: an HTTP answer came (WeChat's, or the desk's refusal); `failed`: none came; `cancelled`. */
  outcome: 'answered' | 'failed' | 'cancelled'
  method: string
  path: string
  /** The URL it went to, credentials masked. */
  url: string
  at: number
  status: number | null
  durationMs: number
  /** The whole answer's size. */
  bytes: number
  /** The answer was larger than the console keeps: what is shown (and saved) is its start. */
  truncated: boolean
  headers: [string, string][]
  contentType: string | null
  body: ConsoleAnswerBody
  errcode: number | null
  errmsg: string | null
  rid: string | null
  /** Why no answer came (unreachable, timed out). */
  failure: string | null
  /** The call log entry of the answer ("open in the call log"). */
  callLogId: number | null
}

export interface ConsoleHistoryEntry {
  id: string
  at: number
  /** As composed (no credential), picked files by name only. */
  request: ConsoleRequest
  outcome: ConsoleResponse['outcome']
  status: number | null
  errcode: number | null
  durationMs: number
  /** Its call log entry ("open in the call log"); null when none was written (refused before sending). */
  callLogId: number | null
}

export interface SavedConsoleRequest {
  id: string
  name: string
  at: number
  request: ConsoleRequest
}

/** One app's console: its history (newest first, bounded) and its saved requests, both kept across restarts. */
export interface ConsoleState {
  profileId: string
  history: ConsoleHistoryEntry[]
  saved: SavedConsoleRequest[]
}

/** A file picked for a multipart field; its bytes stay in main under `fileId`. */
export interface PickedConsoleFile {
  fileId: string
  fileName: string
  bytes: number
  contentType: string
}

/** WeChat's refusal, as the doctor actions show it. */
export interface WeChatRefusal {
  errcode: number
  errmsg: string
  rid: string | null
}

/** `/cgi-bin/openapi/rid/get`: what WeChat recorded of a request, beside this machine's egress address. */
export interface RidLookup {
  rid: string
  request: {
    /** Epoch ms. */
    invokedAt: number
    costMs: number
    /** The query string WeChat saw, credentials masked. */
    requestUrl: string
    requestBody: string
    responseBody: string
    /** The address WeChat saw the request come from. */
    clientIp: string
  } | null
  refusal: WeChatRefusal | null
  /** This machine's egress address as WeChat last named it (in a 40164 / 61004), when the desk saw one. */
  egress: { ip: string; seenAt: number } | null
  callLogId: number | null
}

/** `/cgi-bin/openapi/quota/get` for one path. */
export interface QuotaLookup {
  cgiPath: string
  quota: { dailyLimit: number; used: number; remain: number } | null
  refusal: WeChatRefusal | null
  callLogId: number | null
}

const METHOD = z.enum(CONSOLE_METHODS)
const NAME = str(128)
const part = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: NAME, value: str(64 * 1024) }).strict(),
  z.object({ kind: z.literal('file'), name: NAME, fileId: str(64).nullable(), fileName: str(260) }).strict()
])
const body = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z.object({ kind: z.literal('json'), text: str(256 * 1024) }).strict(),
  z.object({ kind: z.literal('multipart'), parts: z.array(part).max(16) }).strict()
])
export const consoleRequestSchema = z
  .object({
    method: METHOD,
    path: str(512),
    query: z.array(z.tuple([str(256), str(4096)])).max(32),
    body
  })
  .strict()
const consoleHistoryEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  request: consoleRequestSchema,
  outcome: z.enum(['answered', 'failed', 'cancelled']),
  status: z.number().nullable(),
  errcode: z.number().nullable(),
  durationMs: z.number(),
  callLogId: z.number().nullable()
})
const savedConsoleRequestSchema = z.object({
  id: z.string(),
  name: z.string(),
  at: z.number(),
  request: consoleRequestSchema
})
/** One app's console as the store keeps it. */
export const storedConsoleSchema = z.object({
  history: z.array(consoleHistoryEntrySchema),
  saved: z.array(savedConsoleRequestSchema)
})

/** The renderer names each send, so it can cancel it. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
const entryId = z.string().min(1).max(64)

export const consoleCalls = {
  getConsoleState: call<ConsoleState>()(z.object({ id: profileId }).strict()),
  /**
   * Sends the request with the app's credential added in main; the answer, masked, and the app's history.
   * A request that resets the quotas (clear_quota, clear_quota/v2: 10 a month) needs `confirmed`.
   */
  sendConsoleRequest: call<{ response: ConsoleResponse; state: ConsoleState }>()(
    z
      .object({
        id: profileId,
        requestId,
        request: consoleRequestSchema,
        confirmed: z.boolean().optional()
      })
      .strict()
  ),
  /** Stops waiting for a request still in flight (the upstream request is aborted). */
  cancelConsoleRequest: call<{ cancelled: boolean }>()(z.object({ requestId }).strict()),
  /** Copies the request as curl against the app's API host, the token or AppSecret as a shell variable. */
  copyConsoleCurl: call<{ copied: true }>()(
    z.object({ id: profileId, request: consoleRequestSchema }).strict()
  ),
  saveConsoleRequest: call<ConsoleState>()(
    z.object({ id: profileId, name: str(80).min(1), request: consoleRequestSchema }).strict()
  ),
  forgetConsoleRequest: call<ConsoleState>()(
    z.object({ id: profileId, list: z.enum(['history', 'saved']), entryId }).strict()
  ),
  clearConsoleHistory: call<ConsoleState>()(z.object({ id: profileId }).strict()),
  /** "Choose file…": the file is read in main; `file` null when the user cancelled. */
  pickConsoleFile: call<{ file: PickedConsoleFile | null }>()(none),
  /** Saves an answer's bytes (an image, a media file) where the user chooses. */
  saveConsoleResponse: call<SavedFile>()(z.object({ requestId }).strict()),
  /**
   * The image of the QR code a qrcode/create answer made: showqrcode with that answer's ticket, which stays in
   * main (the pane shows it masked, as every ticket).
   */
  showConsoleQrCode: call<ConsoleResponse>()(
    z.object({ id: profileId, requestId, answerOf: requestId }).strict()
  ),
  lookUpRid: call<RidLookup>()(z.object({ id: profileId, rid: str(128).min(1) }).strict()),
  getConsoleQuota: call<QuotaLookup>()(z.object({ id: profileId, path: str(512).min(1) }).strict())
} as const
