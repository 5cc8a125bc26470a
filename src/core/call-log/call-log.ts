import type { CallDetail, CallLogEntry, CallMessage } from '../../shared/contract'
import { Listeners } from '../../shared/listeners'
import { DeskFailure, text } from '../../shared/result'
import { redactText } from '../wechat/redact'
import { BODY_TEXT_LIMIT } from './body-view'

/** What a call's headers and bodies were, as its recorder saw them (masked again on the way in). */
export interface CallExchange {
  request: CallMessage
  response: CallMessage | null
}

type Defaulted = 'source' | 'callerPort' | 'requestBytes' | 'responseBytes' | 'flags'

/** A call as recorders report it: the inspector's fields default to a call the desk made itself. */
export type CallLogInput = Omit<CallLogEntry, 'id' | 'hasDetail' | Defaulted> &
  Partial<Pick<CallLogEntry, Defaulted>> & {
    exchange?: CallExchange
    /** Values this call carried that must not appear anywhere in the log (the app's secret, its tokens). */
    known?: readonly string[]
  }

export interface CallLogOptions {
  /** Entries kept (a ring: the oldest goes when it is full). */
  capacity?: number
  /** Bytes of headers and bodies kept in all; the oldest calls' details go first. */
  detailBudget?: number
}

/** Header fields whose values are credentials wherever they appear. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'])

/**
 * Every call the desk made or relayed, newest last, bounded twice: a ring of entries, and a byte budget for
 * their headers and bodies (each body cut at 32 KB). Nothing leaves unmasked, whoever recorded it: credential
 * fields, the values the recorder names, and anything shaped like a token or an AppSecret — entries on the way
 * in, headers and bodies when first read.
 */
export class CallLog {
  private readonly slots: (CallLogEntry | undefined)[]
  private count = 0
  private nextId = 1
  /**
   * Headers and bodies by entry id. They are masked when first read, not when recorded: masking every value of
   * every relayed call cost the gateway's hot path more than the relay itself, and most are never opened. Until
   * then the values a recorder named stay beside them (in this process only, as the tokens do in the keeper).
   */
  private readonly details = new Map<number, KeptDetail>()
  private detailBytes = 0
  private readonly capacity: number
  private readonly detailBudget: number
  private readonly listeners = new Listeners<CallLogEntry>()

  constructor(options: CallLogOptions | number = {}) {
    const opts = typeof options === 'number' ? { capacity: options } : options
    this.capacity = opts.capacity ?? 500
    this.detailBudget = opts.detailBudget ?? 8 * 1024 * 1024
    this.slots = new Array<CallLogEntry | undefined>(this.capacity)
  }

  record(input: CallLogInput): CallLogEntry {
    const { exchange, known = [], ...fields } = input
    const entry: CallLogEntry = {
      source: 'desk',
      callerPort: null,
      requestBytes: null,
      responseBytes: null,
      flags: [],
      ...fields,
      url: redactText(input.url, known),
      detail: input.detail === null ? null : redactText(input.detail, known),
      id: this.nextId++,
      hasDetail: exchange !== undefined
    }
    const slot = this.count % this.capacity
    const evicted = this.slots[slot]
    if (evicted) this.dropDetail(evicted)
    this.slots[slot] = entry
    this.count++
    if (exchange) this.keepDetail(entry, exchange, known)
    this.listeners.emit(entry)
    return entry
  }

  /** Newest first: one app's calls, or all of them. */
  list(profileId?: string): CallLogEntry[] {
    const out: CallLogEntry[] = []
    for (let n = this.count - 1; n >= Math.max(0, this.count - this.capacity); n--) {
      const entry = this.slots[n % this.capacity]
      if (entry && (profileId === undefined || entry.profileId === profileId)) out.push(entry)
    }
    return out
  }

  /** The id of the newest entry (0 before the first). */
  get newestId(): number {
    return this.nextId - 1
  }

  /** Whether the desk itself called upstream for this app after entry `id` (the keeper's own calls). */
  calledSince(id: number, profileId: string): boolean {
    for (let n = this.newestId; n > id; n--) {
      const entry = this.entry(n)
      if (!entry) break
      if (entry.profileId === profileId && entry.source === 'desk') return true
    }
    return false
  }

  /** Entry `id` while the ring still holds it. */
  entry(id: number): CallLogEntry | null {
    const newest = this.nextId - 1
    const back = newest - id
    if (id < 1 || back < 0 || back >= Math.min(this.count, this.capacity)) return null
    const entry = this.slots[(this.count - 1 - back) % this.capacity]
    return entry?.id === id ? entry : null
  }

  /** The headers and bodies of entry `id`, while the log still keeps them. */
  detail(id: number): CallDetail {
    const kept = this.details.get(id)
    const entry = this.entry(id)
    if (!kept || !entry) {
      throw new DeskFailure({
        code: 'not-found',
        message: text(
          'The log no longer keeps this call’s headers and bodies (it keeps them for its recent calls only).',
          '日志已不再保留这次调用的请求头和正文（只保留最近的调用）。'
        )
      })
    }
    if (kept.known !== null) {
      kept.exchange = maskExchange(kept.exchange, kept.known)
      kept.known = null
    }
    return { entry, request: kept.exchange.request, response: kept.exchange.response }
  }

  clear(): void {
    this.slots.fill(undefined)
    this.count = 0
    this.details.clear()
    this.detailBytes = 0
  }

  onEntry(listener: (entry: CallLogEntry) => void): () => void {
    return this.listeners.add(listener)
  }

  private keepDetail(entry: CallLogEntry, exchange: CallExchange, known: readonly string[]): void {
    const size = sizeOf(exchange.request) + (exchange.response ? sizeOf(exchange.response) : 0)
    this.details.set(entry.id, { exchange: capBodies(exchange), known, size })
    this.detailBytes += size
    for (const [id, kept] of this.details) {
      if (this.detailBytes <= this.detailBudget || id === entry.id) break
      this.details.delete(id)
      this.detailBytes -= kept.size
      const gone = this.entry(id)
      if (gone) gone.hasDetail = false
    }
  }

  private dropDetail(entry: CallLogEntry): void {
    const kept = this.details.get(entry.id)
    if (!kept) return
    this.details.delete(entry.id)
    this.detailBytes -= kept.size
  }
}

/** The exchange with every credential masked: secret header fields, credential fields, the `known` values. */
export function maskExchange(exchange: CallExchange, known: readonly string[]): CallExchange {
  return {
    request: maskMessage(exchange.request, known),
    response: exchange.response && maskMessage(exchange.response, known)
  }
}

function maskMessage(message: CallMessage, known: readonly string[]): CallMessage {
  const headers = message.headers.map(([name, value]): [string, string] => [
    name,
    SECRET_HEADERS.has(name.toLowerCase()) ? '***' : redactText(value, known)
  ])
  const body = message.body
  if (body?.text == null) return { headers, body }
  const cut = body.text.length > BODY_TEXT_LIMIT
  return {
    headers,
    body: {
      ...body,
      text: redactText(cut ? body.text.slice(0, BODY_TEXT_LIMIT) : body.text, known),
      truncated: body.truncated || cut
    }
  }
}

interface KeptDetail {
  exchange: CallExchange
  /** The values to mask it with, until it is masked (on its first read). */
  known: readonly string[] | null
  size: number
}

/** Bodies cut to the log's limit for one body (as recorded; masked later). */
function capBodies(exchange: CallExchange): CallExchange {
  const cap = (message: CallMessage): CallMessage => {
    const text = message.body?.text
    if (message.body == null || text == null || text.length <= BODY_TEXT_LIMIT) return message
    return { ...message, body: { ...message.body, text: text.slice(0, BODY_TEXT_LIMIT), truncated: true } }
  }
  return { request: cap(exchange.request), response: exchange.response && cap(exchange.response) }
}

function sizeOf(message: CallMessage): number {
  let size = message.body?.text?.length ?? 0
  for (const [name, value] of message.headers) size += name.length + value.length
  return size
}
