import { randomBytes, randomUUID } from 'node:crypto'
import { Listeners } from '../../shared/listeners'
import { Agent, type Dispatcher } from 'undici'
import type {
  ComposedMessage,
  MessageEntry,
  PushAttempt,
  PushEvent,
  PushHistoryEntry,
  SignedRequest,
  TargetSummary,
  TemplateId,
  VerifyEntry
} from '../../shared/contract'
import { fail, ok, text, type Localized, type Result } from '../../shared/result'
import { systemClock, type Clock } from '../time/clock'
import type { RandomBytes } from './aes'
import { curlFor } from './curl'
import { deliver, WECHAT_DELIVERIES, WECHAT_REPLY_TIMEOUT_MS } from './delivery'
import { DEFAULT_HISTORY_LIMIT, PushHistory } from './history'
import { composeMessage, newMsgId, readMessageFacts } from './message-body'
import {
  checkPushSender,
  checkPushTarget,
  type PushSenderInput,
  type PushTarget,
  type PushTargetInput
} from './push-target'
import { judgePush } from './reply-judge'
import { signPush, signVerification, type Entropy } from './signed-request'
import { templateById } from './templates'
import { judgeVerification } from './verify-judge'

export interface PushServiceOptions {
  /** Where requests go; defaults to a dedicated Agent that `close()` shuts down. */
  dispatcher?: Dispatcher
  /** Stamps timestamps, CreateTime and history times. */
  clock?: Clock
  random?: RandomBytes
  /** How long WeChat waits for each delivery. 5 s, as WeChat; shorter only to make slow-handler tests quick. */
  attemptTimeoutMs?: number
  historyLimit?: number
}

/** A plaintext push to send: a composed body, edited or not, or one written from scratch. */
export interface SendRequest {
  body: string
  /** The template it started from, if any (labels the history entry). */
  template?: TemplateId | null
  /** Act like WeChat when no answer comes in time: resend the same request, up to three deliveries in all. */
  retry?: boolean
}

/** A body far beyond any WeChat push is a mistake, not a test. */
export const MAX_PUSH_BODY_CHARS = 64 * 1024

const invalid = <T>(issues: { path: string; message: Localized }[]): Result<T> =>
  fail({
    code: 'invalid-input',
    message: text('The push settings need fixing', '推送设置需要修改'),
    issues
  })

const summary = (target: PushTarget): TargetSummary => ({
  url: target.url,
  mode: target.mode,
  account: target.account,
  format: target.format,
  accountId: target.accountId,
  openid: target.openid,
  appId: target.appId
})

/**
 * The push simulator: WeChat's verification GET and its message / event pushes, signed (and encrypted) as
 * WeChat does, sent only to the URL in the target, with the answer judged as WeChat judges it and kept in
 * a bounded history. Targets come in as typed by the user and are validated on every call.
 */
export class PushService {
  private readonly dispatcher: Dispatcher
  private readonly ownsDispatcher: boolean
  private readonly clock: Clock
  private readonly random: RandomBytes
  private readonly timeoutMs: number
  private readonly log: PushHistory
  private readonly listeners = new Listeners<PushEvent>()

  constructor(options: PushServiceOptions = {}) {
    this.ownsDispatcher = options.dispatcher === undefined
    this.dispatcher = options.dispatcher ?? new Agent()
    this.clock = options.clock ?? systemClock
    this.random = options.random ?? randomBytes
    this.timeoutMs = options.attemptTimeoutMs ?? WECHAT_REPLY_TIMEOUT_MS
    this.log = new PushHistory(options.historyLimit ?? DEFAULT_HISTORY_LIMIT)
  }

  /** Checks a target as typed, field by field (for a form that validates as the user types). */
  check(input: PushTargetInput): Result<PushTarget> {
    const checked = checkPushTarget(input)
    return checked.ok ? ok(checked.value) : invalid(checked.issues)
  }

  /**
   * A template filled in for this sender, with a fresh MsgId and CreateTime; `values` overrides fields. Only
   * the sender fields are checked (a whole target will do), so a template can be previewed before the URL
   * and Token are known.
   */
  compose(
    input: PushSenderInput | PushTargetInput,
    template: TemplateId,
    values: Readonly<Record<string, string>> = {}
  ): Result<ComposedMessage> {
    const sender = checkPushSender(input)
    if (!sender.ok) return invalid(sender.issues)
    const found = templateById(template)
    if (found === undefined) {
      return invalid([{ path: 'template', message: text(`No template ${template}`, `没有模板 ${template}`) }])
    }
    if (found.account !== sender.value.account) {
      return invalid([
        {
          path: 'template',
          message: text(
            `${found.label.en} is pushed to ${found.account === 'mini-program' ? 'Mini Programs' : 'Official Accounts'} only`,
            `${found.label['zh-CN']}仅推送给${found.account === 'mini-program' ? '小程序' : '公众号'}`
          )
        }
      ])
    }
    const composed = composeMessage(sender.value, found, values, {
      now: this.clock.now(),
      msgId: newMsgId(this.random)
    })
    return composed.ok ? ok(composed.value) : invalid(composed.issues)
  }

  /** 服务器配置's 提交: the verification GET, judged as the platform judges it. */
  async verify(input: PushTargetInput): Promise<Result<VerifyEntry>> {
    const target = this.check(input)
    if (!target.ok) return target
    const id = randomUUID()
    const request = signVerification(target.value, this.entropy())
    const attempts = await this.deliver(id, request, 1)
    const first = attempts[0]
    if (first === undefined) throw new Error('delivery made no attempt')
    const entry: VerifyEntry = {
      kind: 'verify',
      id,
      at: first.startedAt,
      label: text('URL verification', 'URL 验证'),
      target: summary(target.value),
      request,
      attempts,
      durationMs: first.durationMs,
      verdict: judgeVerification(first, {
        echostr: request.echostr ?? '',
        timestamp: request.timestamp,
        nonce: request.nonce,
        signature: request.signature,
        mode: target.value.mode,
        timeoutMs: this.timeoutMs
      })
    }
    return ok(this.record(entry))
  }

  /** Pushes a message or event, with WeChat's retries if asked, and judges the answer. */
  async send(input: PushTargetInput, message: SendRequest): Promise<Result<MessageEntry>> {
    const target = this.check(input)
    if (!target.ok) return target
    if (message.body.length > MAX_PUSH_BODY_CHARS) {
      return invalid([
        {
          path: 'body',
          message: text(
            `The body is over ${MAX_PUSH_BODY_CHARS} characters; WeChat's pushes are a few hundred`,
            `消息体超过 ${MAX_PUSH_BODY_CHARS} 个字符；微信的推送只有几百字节`
          )
        }
      ])
    }
    const id = randomUUID()
    const deliveries = message.retry ? WECHAT_DELIVERIES : 1
    const request = signPush(target.value, message.body, this.entropy())
    const incoming = readMessageFacts(message.body, target.value.format)
    const attempts = await this.deliver(id, request, deliveries)
    const first = attempts[0]
    const last = attempts[attempts.length - 1]
    if (first === undefined || last === undefined) throw new Error('delivery made no attempt')
    const template = message.template ?? null
    const entry: MessageEntry = {
      kind: 'push',
      id,
      at: first.startedAt,
      label:
        (template === null ? undefined : templateById(template)?.label) ??
        text('Custom body', '自定义消息体'),
      target: summary(target.value),
      request,
      attempts,
      durationMs: last.startedAt + last.durationMs - first.startedAt,
      template,
      incoming,
      verdict: judgePush(attempts, {
        target: target.value,
        request,
        incoming,
        now: this.clock.now(),
        timeoutMs: this.timeoutMs,
        deliveries
      })
    }
    return ok(this.record(entry))
  }

  /** Newest first. */
  history(): readonly PushHistoryEntry[] {
    return this.log.list()
  }

  entry(id: string): PushHistoryEntry | undefined {
    return this.log.get(id)
  }

  /** The entry's request as a curl command with its signed query, or null when the entry is gone. */
  curl(id: string): string | null {
    const entry = this.log.get(id)
    return entry === undefined ? null : curlFor(entry.request)
  }

  clearHistory(): void {
    this.log.clear()
  }

  /** Listens to attempts and finished entries; returns the unsubscribe function. */
  subscribe(listener: (event: PushEvent) => void): () => void {
    return this.listeners.add(listener)
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close()
  }

  private entropy(): Entropy {
    return { now: () => this.clock.now(), random: this.random }
  }

  private deliver(id: string, request: SignedRequest, deliveries: number): Promise<PushAttempt[]> {
    return deliver(request, {
      dispatcher: this.dispatcher,
      clock: this.clock,
      timeoutMs: this.timeoutMs,
      deliveries,
      onAttempt: (attempt) => this.emit({ type: 'attempt', entryId: id, attempt })
    })
  }

  private record<T extends PushHistoryEntry>(entry: T): T {
    this.log.add(entry)
    this.emit({ type: 'entry', entry })
    return entry
  }

  private emit(event: PushEvent): void {
    this.listeners.emit(event)
  }
}
