import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RouteMatch } from '../http/router'
import { splitTarget } from '../http/router'
import type { Clock } from '../time/clock'
import type { ApiCall, ApiRoute } from './routes'

/** A request target and what routing made of it (kept by the route memo for query-less targets). */
export interface Routed {
  match: RouteMatch<ApiRoute>
  /** What the request log shows for it. */
  label: string
}

/** One request on its way through the server; the handlers see it as an `ApiCall`. */
export class Exchange implements ApiCall {
  /** When it arrived (the clock's epoch ms): the one clock read per request, for the log's time and a held token's `expires_in`. */
  readonly at: number
  /**
   * `performance.now()` when the answer started waiting for the request body or for WeChat; null for an
   * answer given in the tick the request arrived, whose duration (microseconds) is recorded as 0 rather than
   * measured with two more clock reads on the hot path: the panel would show "0.0 ms" either way.
   */
  waitingSince: number | null = null

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly method: string,
    readonly routed: Routed,
    private readonly clock: Clock
  ) {
    this.at = clock.now()
  }

  get path(): string {
    return this.routed.match.path
  }

  get params(): Readonly<Record<string, string>> {
    const { match } = this.routed
    return match.kind === 'route' ? match.params : NO_PARAMS
  }

  get query(): string {
    const { match } = this.routed
    // A path no route knows is the gateway's, which relays the query as sent.
    return match.kind === 'route' ? match.query : splitTarget(this.req.url ?? '').query
  }

  now(): number {
    // After waiting for a request body, the arrival time is no longer "now".
    return this.waitingSince === null ? this.at : this.clock.now()
  }
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({})
