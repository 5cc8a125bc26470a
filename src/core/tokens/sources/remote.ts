import { Agent, request, type Dispatcher } from 'undici'
import { z } from 'zod'
import { explainErrcode } from '../../../shared/errcodes'
import { text, type DeskError } from '../../../shared/result'
import { readBody } from '../../http/read-response'
import type { AppCredentials } from '../../profiles'
import {
  MAX_BODY_BYTES,
  MAX_TOKEN_LIFETIME_S,
  redactText,
  type TokenGrant,
  type UpstreamCall
} from '../../wechat'
import type { Clock } from '../../time/clock'
import type { TokenAnswer, TokenRequest, TokenSource } from './token-source'

/** What another 中控 (a desk or a team token server) says about one app's token. */
const tokenAnswer = z.object({
  access_token: z.string().min(1),
  // A lifetime WeChat could have granted: anything else is a bad answer, never kept (see isTokenLifetime).
  expires_in: z.number().int().min(1).max(MAX_TOKEN_LIFETIME_S),
  expires_at: z.string().optional(),
  refreshed: z.boolean().optional()
})
const errorAnswer = z.object({
  error: z.object({ code: z.string(), message: z.string(), errcode: z.number().optional() })
})

export type RemoteResult =
  | { ok: true; value: TokenGrant & { refreshed: boolean }; call: UpstreamCall }
  | { ok: false; error: DeskError; call: UpstreamCall }

export interface RemoteTarget {
  url: string
  key: string
  appId: string
}

/**
 * Reads a token from another 中控 instead of minting one, so a team shares one AppID without
 * invalidating each other. Lifetimes follow the server's `expires_in` (remaining seconds) rather than
 * its `expires_at`, so a skewed clock on either machine cannot stretch a token's life.
 */
export class RemoteTokenSource implements TokenSource {
  private readonly dispatcher: Dispatcher
  private readonly ownsDispatcher: boolean

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs = 10_000,
    dispatcher?: Dispatcher
  ) {
    this.dispatcher = dispatcher ?? new Agent({ connections: 8 })
    this.ownsDispatcher = dispatcher === undefined
  }

  origin(creds: AppCredentials): string {
    return `remote:${creds.remote?.url ?? ''}`
  }

  missingCredential(creds: AppCredentials): DeskError | null {
    if (creds.remote?.key) return null
    return {
      code: 'no-secret',
      message: text(
        'This app has no key for its token server in this session. Enter it in Edit.',
        '此应用在本次会话中没有令牌服务器密钥，请在“编辑”中填写。'
      )
    }
  }

  refusesForce(): DeskError {
    return {
      code: 'guard',
      message: text(
        'In remote mode the token server owns the token; force-refresh it there.',
        '远程模式下令牌由令牌服务器管理，请在该服务器上强制刷新。'
      )
    }
  }

  /** A read, or (with a stale token) the remote's passive refresh: the other 中控 makes the comparison. */
  obtain({ creds, staleToken, signal }: TokenRequest): Promise<TokenAnswer> {
    const target = { url: creds.remote?.url ?? '', key: creds.remote?.key ?? '', appId: creds.appId }
    return staleToken === undefined
      ? this.read(target, signal)
      : this.passiveRefresh(target, staleToken, signal)
  }

  read(target: RemoteTarget, signal?: AbortSignal): Promise<RemoteResult> {
    return this.exchange(target, 'GET', `/v1/apps/${encodeURIComponent(target.appId)}/access-token`, signal)
  }

  /** The remote's passive refresh: it refreshes only if `staleToken` is still its current token. */
  passiveRefresh(target: RemoteTarget, staleToken: string, signal?: AbortSignal): Promise<RemoteResult> {
    return this.exchange(
      target,
      'POST',
      `/v1/apps/${encodeURIComponent(target.appId)}/access-token/refresh`,
      signal,
      { stale_token: staleToken }
    )
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close()
  }

  private async exchange(
    target: RemoteTarget,
    method: 'GET' | 'POST',
    path: string,
    cancel: AbortSignal | undefined,
    body?: Record<string, string>
  ): Promise<RemoteResult> {
    const at = this.clock.now()
    const started = performance.now()
    const url = `${target.url.replace(/\/+$/, '')}${path}`
    const known = [target.key, ...(body ? Object.values(body) : [])]
    const call = (
      httpStatus: number | null,
      outcome: 'ok' | 'error',
      detail: string | null
    ): UpstreamCall => ({
      at,
      endpoint: method === 'GET' ? 'remote: /v1/apps/{appid}/access-token' : 'remote: …/access-token/refresh',
      method,
      url: redactText(url, known),
      httpStatus,
      errcode: null,
      rid: null,
      durationMs: Math.round(performance.now() - started),
      outcome,
      detail: detail === null ? null : redactText(detail, known).slice(0, 300)
    })
    let status: number
    let raw: string
    try {
      const response = await request(url, {
        method,
        dispatcher: this.dispatcher,
        headers: {
          authorization: `Bearer ${target.key}`,
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json' } : {})
        },
        body: body ? JSON.stringify(body) : undefined,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        signal: cancel
          ? AbortSignal.any([AbortSignal.timeout(this.timeoutMs), cancel])
          : AbortSignal.timeout(this.timeoutMs)
      })
      status = response.statusCode
      // Token answers are a few hundred bytes: read no more than the WeChat client would.
      raw = (await readBody(response.body, MAX_BODY_BYTES)).bytes.toString('utf8')
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return {
        ok: false,
        error: {
          code: 'network',
          message: text(
            `The token server at ${target.url} could not be reached (${redactText(message, known)}).`,
            `无法连接令牌服务器 ${target.url}（${redactText(message, known)}）。`
          ),
          fix: text(
            'Check that the other desk or team server is running and its Local API is enabled.',
            '请确认另一台 desk 或团队服务器正在运行，且已启用本地 API。'
          ),
          retryable: true
        },
        call: call(null, 'error', message)
      }
    }
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      json = null
    }
    const good = status === 200 ? tokenAnswer.safeParse(json) : null
    if (good?.success) {
      return {
        ok: true,
        value: {
          accessToken: good.data.access_token,
          expiresIn: good.data.expires_in,
          refreshed: good.data.refreshed ?? false
        },
        call: call(status, 'ok', null)
      }
    }
    const problem = errorAnswer.safeParse(json)
    // Text from the other server reaches the UI: it gets the same redaction as the call log (it may echo the key).
    const message = redactText(
      problem.success ? problem.data.error.message : `HTTP ${status}: ${raw.slice(0, 120)}`,
      known
    )
    return {
      ok: false,
      error: remoteError(
        status,
        message,
        problem.success ? problem.data.error.errcode : undefined,
        target.url
      ),
      call: call(status, 'error', message)
    }
  }
}

function remoteError(status: number, message: string, errcode: number | undefined, url: string): DeskError {
  if (status === 401) {
    return {
      code: 'guard',
      message: text(`The token server at ${url} refused the key.`, `令牌服务器 ${url} 拒绝了此密钥。`),
      fix: text(
        'Copy the current key from that server’s Local API panel (it may have been rotated) and save it in Edit.',
        '请从该服务器的“本地 API”面板复制当前密钥（可能已轮换），并在“编辑”中保存。'
      ),
      httpStatus: status,
      retryable: false
    }
  }
  if (status === 404) {
    return {
      code: 'not-found',
      message: text(
        `The token server at ${url} does not manage this AppID.`,
        `令牌服务器 ${url} 未管理此 AppID。`
      ),
      httpStatus: status,
      retryable: false
    }
  }
  return {
    code: errcode !== undefined ? 'wechat' : 'bad-response',
    message: text(`The token server answered: ${message}`, `令牌服务器返回：${message}`),
    errcode,
    httpStatus: status,
    // A WeChat error relayed by the server is as retryable as WeChat says; otherwise only server trouble is.
    retryable:
      errcode !== undefined ? explainErrcode(errcode, message, 'token-fetch').retryable : status >= 500
  }
}
