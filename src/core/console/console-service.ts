import { extname } from 'node:path'
import { catalogueEntryAt, CLEAR_QUOTA_PER_MONTH, credentialFor } from '../../shared/console-catalogue'
import type {
  ConsoleRequest,
  ConsoleResponse,
  ConsoleState,
  PickedConsoleFile,
  SavedFile
} from '../../shared/contract'
import { DeskFailure, text } from '../../shared/result'
import type { CallLog } from '../call-log'
import type { Gateway } from '../local-api/gateway/gateway'
import type { GatewayRequest, RelayOutcome } from '../local-api/gateway/relay-request'
import type { ClipboardPort, FileOpenerPort, FileSaverPort } from '../ports'
import type { DeskStore } from '../storage'
import type { Clock } from '../time/clock'
import { redactUrl } from '../wechat/redact'
import { AnswerCollector } from './answer-collector'
import { viewAnswer } from './answer-view'
import { checkRequest, composeRequest, type DeskCredential, type HeldFile } from './compose-request'
import { ConsoleHistory } from './console-history'
import { consoleCurl } from './console-curl'
import { Doctor } from './doctor'
import { MP_HOST_PATHS, MP_WEIXIN_BASE, siblingBaseFor } from '../../shared/wechat-hosts'
import { withToken } from '../local-api/gateway/relay-text'

/** WeChat's largest upload (a 10 MB image or video, §11.5): a bigger file is refused before it is read. */
export const CONSOLE_FILE_LIMIT = 10 * 1024 * 1024
/** Picked files and answers kept for sending and saving: the most recent few, the rest let go. */
const KEPT_FILES = 8
const KEPT_ANSWERS = 16

const QR_CREATE_PATH = '/cgi-bin/qrcode/create'

/** What the console needs to know of an app: its AppID, where its calls go, its AppSecret (main only). */
export interface ConsoleApp {
  appId: string
  apiBase: string
  secret: string | null
}

export interface ConsoleDeps {
  /** The desk's one gateway, shared with the Local API: healing, the governor and the call log apply. */
  gateway: Gateway
  /** The app's held token, fetched (governed) when none is held. */
  token: (profileId: string) => Promise<string>
  app: (profileId: string) => ConsoleApp
  store: DeskStore
  clock: Clock
  callLog: CallLog
  clipboard: ClipboardPort
  fileSaver: FileSaverPort
  fileOpener: FileOpenerPort
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.mp3': 'audio/mpeg',
  '.amr': 'audio/amr',
  '.mp4': 'video/mp4'
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'audio/mpeg': 'mp3',
  'audio/amr': 'amr',
  'video/mp4': 'mp4'
}

/** Keeps the `limit` most recent values of a map (insertion order is age). */
function keepRecent<V>(map: Map<string, V>, limit: number): void {
  while (map.size > limit) {
    const oldest = map.keys().next().value
    if (oldest === undefined) return
    map.delete(oldest)
  }
}

/**
 * The API console (接口调试): a composed request sent for one app through the desk's gateway with the app's
 * credential added here, in main; the answer collected whole, masked, and kept in the app's history. The
 * doctor actions (rid lookup, quota) go the same way.
 */
export class ConsoleService {
  readonly history: ConsoleHistory
  readonly doctor: Doctor
  private readonly inFlight = new Map<string, AnswerCollector>()
  private readonly files = new Map<string, HeldFile>()
  private readonly answers = new Map<string, { bytes: Buffer; contentType: string | null; path: string }>()
  /** The tickets of qrcode/create answers, by request id, for showqrcode (the pane sees them masked). */
  private readonly qrTickets = new Map<string, string>()
  private nextFile = 1

  constructor(private readonly deps: ConsoleDeps) {
    this.history = new ConsoleHistory(deps.store, () => deps.clock.now())
    this.doctor = new Doctor({ send: (id, request) => this.exchange(id, request), callLog: deps.callLog })
  }

  state(profileId: string): ConsoleState {
    return this.history.state(profileId)
  }

  /** Sends the request and records it in the app's history. Quota resets (10 a month) need `confirmed`. */
  async send(
    profileId: string,
    requestId: string,
    request: ConsoleRequest,
    confirmed = false
  ): Promise<{ response: ConsoleResponse; state: ConsoleState }> {
    if (catalogueEntryAt(request.path)?.clearsQuota && !confirmed) {
      throw new DeskFailure({
        code: 'confirmation-required',
        message: text(
          `This resets every daily API quota of the account. WeChat allows it ${CLEAR_QUOTA_PER_MONTH} times a month (console and API together).`,
          `此操作会清零该账号所有接口的每日调用次数。微信每月只允许 ${CLEAR_QUOTA_PER_MONTH} 次（后台与接口合计）。`
        )
      })
    }
    const response = await this.exchange(profileId, request, requestId)
    const state = this.history.record(profileId, {
      at: response.at,
      request,
      outcome: response.outcome,
      status: response.status,
      errcode: response.errcode,
      durationMs: response.durationMs,
      callLogId: response.callLogId
    })
    return { response, state }
  }

  /** Aborts a request still in flight, upstream too; false when it already ended. */
  cancel(requestId: string): boolean {
    const collector = this.inFlight.get(requestId)
    if (!collector) return false
    collector.cancel()
    return true
  }

  copyCurl(profileId: string, request: ConsoleRequest): void {
    const app = this.deps.app(profileId)
    this.deps.clipboard.writeText(consoleCurl(request, app.apiBase, app.appId))
  }

  /** "Choose file…": read in main, held here under an id; the renderer sees its name and size only. */
  async pickFile(): Promise<PickedConsoleFile | null> {
    const opened = await this.deps.fileOpener.openFile(CONSOLE_FILE_LIMIT)
    if (opened.kind === 'cancelled') return null
    if (opened.kind === 'too-large') {
      throw new DeskFailure({
        code: 'invalid-input',
        message: text(
          `${opened.name} is ${opened.size} bytes: WeChat takes at most 10 MB.`,
          `${opened.name} 大小为 ${opened.size} 字节：微信最多接受 10 MB。`
        )
      })
    }
    const contentType = CONTENT_TYPES[extname(opened.name).toLowerCase()] ?? 'application/octet-stream'
    const fileId = `file-${this.nextFile++}`
    this.files.set(fileId, { fileName: opened.name, contentType, bytes: opened.bytes })
    keepRecent(this.files, KEPT_FILES)
    return { fileId, fileName: opened.name, bytes: opened.bytes.length, contentType }
  }

  /** Saves the bytes of an answer (an image, a media file) where the user chooses. */
  async saveResponse(requestId: string): Promise<SavedFile> {
    const answer = this.answers.get(requestId)
    if (!answer) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'That answer is no longer kept: send the request again.',
          '该响应已不再保留，请重新发送请求。'
        )
      })
    }
    const base = answer.path.split('/').filter(Boolean).pop() ?? 'answer'
    const extension =
      (answer.contentType && EXTENSIONS[answer.contentType.split(';')[0]?.trim() ?? '']) ?? 'bin'
    return this.deps.fileSaver.saveBytes(`${base}.${extension}`, answer.bytes)
  }

  /** The image of the QR code the qrcode/create answer `answerOf` made (showqrcode with its ticket). */
  showQrCode(profileId: string, requestId: string, answerOf: string): Promise<ConsoleResponse> {
    const ticket = this.qrTickets.get(answerOf)
    if (ticket === undefined) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'That qrcode/create answer is no longer kept: create the code again.',
          '该 qrcode/create 响应已不再保留，请重新生成二维码。'
        )
      })
    }
    const request: ConsoleRequest = {
      method: 'GET',
      path: '/cgi-bin/showqrcode',
      query: [['ticket', ticket]],
      body: { kind: 'none' }
    }
    return this.exchange(profileId, request, requestId)
  }

  /** Aborts every request in flight (the desk is closing). */
  close(): void {
    for (const collector of this.inFlight.values()) collector.cancel()
  }

  /** One request through the gateway, its answer as the pane shows it. */
  private async exchange(
    profileId: string,
    request: ConsoleRequest,
    requestId: string = `doctor-${this.deps.clock.now()}-${Math.random().toString(36).slice(2)}`
  ): Promise<ConsoleResponse> {
    if (this.inFlight.has(requestId)) {
      throw new DeskFailure({
        code: 'invalid-input',
        message: text('That request is already on its way.', '该请求已在发送中。')
      })
    }
    const app = this.deps.app(profileId)
    checkRequest(request) // refused before a token is fetched for it
    // Registered before the token is fetched, so Cancel works from the first moment.
    const collector = new AnswerCollector()
    this.inFlight.set(requestId, collector)
    const at = this.deps.clock.now()
    const started = performance.now()
    let credential: DeskCredential
    let relayed: GatewayRequest
    let outcome: RelayOutcome
    try {
      credential = await this.credential(profileId, request, app)
      relayed = composeRequest(request, credential, (fileId) => this.files.get(fileId) ?? null)
      outcome = await this.deps.gateway.relay(relayed, collector)
    } finally {
      this.inFlight.delete(requestId)
    }
    const durationMs = Math.round(performance.now() - started)
    const known = [credential.token, credential.secret].filter((value): value is string => value !== null)
    const contentType = collector.header('content-type')
    const bytes = collector.body()
    const view = collector.cancelled
      ? viewAnswer(Buffer.alloc(0), null, known)
      : viewAnswer(bytes, contentType, known)
    if (!collector.cancelled && (view.body.kind === 'image' || view.body.kind === 'binary')) {
      this.answers.set(requestId, { bytes, contentType: view.body.contentType, path: request.path })
      keepRecent(this.answers, KEPT_ANSWERS)
    }
    if (request.path === QR_CREATE_PATH) this.keepTicket(requestId, bytes)
    const logged = outcome.entryId === null ? null : this.deps.callLog.entry(outcome.entryId)
    const failure = collector.cancelled
      ? null
      : logged?.httpStatus === null && logged.detail
        ? logged.detail
        : null
    const query = new URLSearchParams(relayed.query).toString()
    return {
      requestId,
      profileId,
      outcome: collector.cancelled ? 'cancelled' : failure !== null ? 'failed' : 'answered',
      method: request.method,
      path: request.path,
      url: shownUrl(app.apiBase, request.path, query),
      at,
      status: collector.cancelled || failure !== null ? null : collector.status,
      durationMs,
      bytes: collector.bytes,
      truncated: collector.truncated,
      headers: collector.cancelled ? [] : collector.headers,
      contentType,
      body: view.body,
      errcode: view.errcode,
      errmsg: view.errmsg,
      rid: view.rid,
      failure,
      callLogId: outcome.entryId
    }
  }

  private keepTicket(requestId: string, bytes: Buffer): void {
    try {
      const value: unknown = JSON.parse(bytes.toString('utf8'))
      const ticket =
        typeof value === 'object' && value !== null ? (value as { ticket?: unknown }).ticket : null
      if (typeof ticket !== 'string' || ticket === '') return
      this.qrTickets.set(requestId, ticket)
      keepRecent(this.qrTickets, KEPT_ANSWERS)
    } catch {
      // Not JSON: WeChat refused, and there is no ticket to keep.
    }
  }

  private async credential(
    profileId: string,
    request: ConsoleRequest,
    app: ConsoleApp
  ): Promise<DeskCredential> {
    const kind = credentialFor(request.path)
    const token = kind === 'token' ? await this.deps.token(profileId) : null
    return { appId: app.appId, token, secret: kind === 'token' ? null : app.secret }
  }
}

/** The URL as sent, credentials masked; as typed when the API base is not a URL (the call then failed). */
function shownUrl(apiBase: string, path: string, query: string): string {
  const onMp = MP_HOST_PATHS.has(path)
  const base = onMp ? siblingBaseFor(apiBase, MP_WEIXIN_BASE) : apiBase
  const sent = onMp ? withToken(query, null) : query
  const raw = `${base.trim().replace(/\/+$/, '')}${path}${sent === '' ? '' : `?${sent}`}`
  try {
    return redactUrl(new URL(raw))
  } catch {
    return `${apiBase}${path}`
  }
}
