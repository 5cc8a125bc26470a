import type { SendReply } from '../http/reply'
import type { AnswerSink } from '../local-api/gateway/relay-request'

/** The most of one answer the console keeps: a Mini Program code or a media file fits, a runaway answer stops. */
export const CONSOLE_ANSWER_LIMIT = 8 * 1024 * 1024

/**
 * The console's end of the gateway: the answer gathered in memory (up to `limit`, its full size counted), as
 * the pane shows it. Cancel aborts the upstream request through `signal`.
 */
export class AnswerCollector implements AnswerSink {
  private readonly controller = new AbortController()
  private readonly chunks: Buffer[] = []
  private kept = 0
  status: number | null = null
  headers: [string, string][] = []
  bytes = 0
  truncated = false
  started = false
  cancelled = false
  cutOff = false

  constructor(private readonly limit = CONSOLE_ANSWER_LIMIT) {}

  get signal(): AbortSignal {
    return this.controller.signal
  }

  get gone(): boolean {
    return this.cancelled || this.truncated
  }

  cancel(): void {
    this.cancelled = true
    this.controller.abort()
  }

  reply(answer: SendReply): void {
    this.head(answer.status, { 'content-type': answer.contentType, ...answer.headers })
    void this.write(Buffer.from(answer.body))
  }

  head(status: number, headers: Record<string, string | string[]>): void {
    this.started = true
    this.status = status
    this.headers = Object.entries(headers).flatMap(([name, value]): [string, string][] =>
      (Array.isArray(value) ? value : [value]).map((one): [string, string] => [name, one])
    )
  }

  async write(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length
    const room = this.limit - this.kept
    if (room <= 0) {
      // Nothing more is read from upstream: what is kept is the answer's start.
      this.truncated = true
      return
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk
    this.chunks.push(part)
    this.kept += part.length
  }

  end(): void {}

  destroy(): void {
    this.cutOff = true
  }

  body(): Buffer {
    return Buffer.concat(this.chunks)
  }

  header(name: string): string | null {
    return this.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? null
  }
}
