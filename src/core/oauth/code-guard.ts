import { BoundedMap } from '../../shared/bounded-map'
import { DeskFailure, text } from '../../shared/result'

/** How many spent codes are remembered. A code lives 5 minutes, so this covers any realistic session. */
const CAPACITY = 1000

interface Spent {
  at: number
  ok: boolean
}

/**
 * The desk's own guard against sending a code twice, on top of WeChat's 40163. A code counts as spent once it
 * reached WeChat — whatever the answer: after a `-1` WeChat may already have consumed it — and concurrent
 * attempts with the same code share one upstream call.
 */
export class CodeGuard {
  private readonly spent = new BoundedMap<string, Spent>(CAPACITY)
  private readonly inflight = new Map<string, Promise<unknown>>()

  /**
   * Runs `send` for a code not sent before; a second caller while it runs gets the same promise. `reached`
   * says whether the attempt got WeChat's attention (false: the request never arrived, e.g. connection
   * refused, so the code is still unspent).
   */
  run<T>(
    appId: string,
    code: string,
    now: number,
    send: () => Promise<T>,
    reached: (result: T) => boolean,
    ok: (result: T) => boolean
  ): Promise<T> {
    const key = `${appId}\n${code}`
    const running = this.inflight.get(key)
    if (running) return running as Promise<T>
    const spent = this.spent.get(key)
    if (spent) return Promise.reject(alreadySent(spent, now))
    const attempt = send()
      .then((result) => {
        if (reached(result)) this.spent.set(key, { at: now, ok: ok(result) })
        return result
      })
      .finally(() => this.inflight.delete(key))
    this.inflight.set(key, attempt)
    return attempt
  }
}

function alreadySent(spent: Spent, now: number): DeskFailure {
  const ago = Math.max(0, Math.round((now - spent.at) / 1000))
  return new DeskFailure({
    code: 'guard',
    message: spent.ok
      ? text(
          `This code was already exchanged ${ago} s ago: a code works once (WeChat would answer 40163)`,
          `这个 code 已在 ${ago} 秒前换取过：code 只能使用一次（微信会返回 40163）`
        )
      : text(
          `This code was already sent to WeChat ${ago} s ago and may be spent: the desk does not send it again`,
          `这个 code 已在 ${ago} 秒前发送给微信，可能已被消耗：本工具不会再次发送`
        ),
    fix: text(
      'Open the authorize link again (or scan the QR code again) to get a fresh code, and exchange that one.',
      '请重新打开授权链接（或重新扫码）获取新的 code，再换取新的 code。'
    )
  })
}
