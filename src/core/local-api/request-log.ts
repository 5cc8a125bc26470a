import type { LocalApiRequestEntry } from '../../shared/contract/local-api'
import { Listeners } from '../../shared/listeners'
import { LOCAL_API_RECENT_REQUESTS } from '../../shared/contract/local-api'

/**
 * Requests the local API answered: a running total and the last few. Recording is on the hot path of every
 * token read, so it writes five fields into preallocated columns (no object per request) and tells
 * watchers only that something new arrived; entries are built when someone reads them (`recent`, `since`),
 * which the desktop app does at most four times a second. Routes carry no query string, so no `secret=`
 * ever lands here.
 */
export class RequestLog {
  private readonly at: Float64Array
  private readonly status: Uint16Array
  /** -1 when the socket was already gone. */
  private readonly callerPort: Int32Array
  private readonly durationMs: Float64Array
  /** NaN when the answer carried no errcode (-1 is one of WeChat's). */
  private readonly errcode: Float64Array
  private readonly method: string[]
  private readonly route: string[]
  private count = 0
  private readonly watchers = new Listeners()

  constructor(private readonly capacity = LOCAL_API_RECENT_REQUESTS) {
    this.at = new Float64Array(capacity)
    this.status = new Uint16Array(capacity)
    this.callerPort = new Int32Array(capacity)
    this.durationMs = new Float64Array(capacity)
    this.errcode = new Float64Array(capacity)
    this.method = new Array<string>(capacity).fill('')
    this.route = new Array<string>(capacity).fill('')
  }

  /** Requests recorded so far; also the id of the newest entry (ids count from 1). */
  get total(): number {
    return this.count
  }

  record(
    at: number,
    method: string,
    route: string,
    status: number,
    callerPort: number | null,
    durationMs: number,
    errcode: number | null = null
  ): void {
    const slot = this.count % this.capacity
    this.at[slot] = at
    this.method[slot] = method
    this.route[slot] = route
    this.status[slot] = status
    this.callerPort[slot] = callerPort ?? -1
    this.durationMs[slot] = durationMs
    this.errcode[slot] = errcode ?? Number.NaN
    this.count++
    this.watchers.emit()
  }

  /** The last entries, newest first. */
  recent(): LocalApiRequestEntry[] {
    const out: LocalApiRequestEntry[] = []
    for (let id = this.count; id > Math.max(0, this.count - this.capacity); id--) out.push(this.entry(id))
    return out
  }

  /** Entries recorded after entry `id`, oldest first; only the last `capacity` are still there. */
  since(id: number): LocalApiRequestEntry[] {
    const out: LocalApiRequestEntry[] = []
    for (let next = Math.max(id, this.count - this.capacity, 0) + 1; next <= this.count; next++)
      out.push(this.entry(next))
    return out
  }

  /** Called after every recorded request (read what is new with `since`); returns an unsubscribe function. */
  onRecord(watcher: () => void): () => void {
    return this.watchers.add(watcher)
  }

  private entry(id: number): LocalApiRequestEntry {
    const slot = (id - 1) % this.capacity
    const port = this.callerPort[slot] ?? -1
    const errcode = this.errcode[slot] ?? Number.NaN
    return {
      id,
      at: this.at[slot] ?? 0,
      method: this.method[slot] ?? '',
      route: this.route[slot] ?? '',
      status: this.status[slot] ?? 0,
      callerPort: port < 0 ? null : port,
      durationMs: this.durationMs[slot] ?? 0,
      ...(Number.isNaN(errcode) ? {} : { errcode })
    }
  }
}
