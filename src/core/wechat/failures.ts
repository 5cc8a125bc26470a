/** What an upstream failure means for the caller: retry or not, and the DeskError the user sees. */
import { explainErrcode, type ErrcodeContext } from '../../shared/errcodes'
import { text, type DeskError, type Localized } from '../../shared/result'
import { redactText } from './redact'
import type { UpstreamFailure } from './types'

/**
 * Whether the same call may succeed later without anyone changing anything: transient errcodes (-1, 45011),
 * timeouts, network failures, 5xx / 408 / 429 answers and unreadable bodies. Configuration errors (40125,
 * 40164, 40013 …), quota exhaustion (45009) and "wait for the admin" codes (8950x) are not.
 */
export function isRetryable(f: UpstreamFailure): boolean {
  switch (f.kind) {
    case 'wechat':
      return explainErrcode(f.errcode, f.errmsg, 'other').retryable
    case 'timeout':
    case 'network':
    case 'bad-body':
      return true
    case 'http-status':
      return f.status >= 500 || f.status === 408 || f.status === 429
  }
}

const SHORT = 120
const shorten = (s: string): string => {
  const clean = redactText(s)
  return clean.length > SHORT ? `${clean.slice(0, SHORT)}…` : clean
}

const seconds = (ms: number): string => (ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`)
const secondsZh = (ms: number): string => (ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} 秒` : `${ms} 毫秒`)

const CHECK_ROUTE = text(
  'Check your internet connection, any proxy or VPN, and the API base URL of this profile ' +
    '(https://api.weixin.qq.com, a proxy such as https://proxy.example/wx, or the built-in emulator).',
  '请检查网络连接、代理或 VPN，以及此配置的 API 地址（https://api.weixin.qq.com、代理地址如 https://proxy.example/wx，或内置模拟器）。'
)

const withTail = (first: Localized, tail: Localized): Localized =>
  text(`${first.en} ${tail.en}`, `${first['zh-CN']}${tail['zh-CN']}`)

/** The DeskError for a failure, with message and fix from the errcode catalogue where WeChat sent one. */
export function failureToDeskError(f: UpstreamFailure, context: ErrcodeContext): DeskError {
  const retryable = isRetryable(f)
  switch (f.kind) {
    case 'wechat': {
      const explained = explainErrcode(f.errcode, f.errmsg, context)
      const rid = f.rid ?? explained.rid
      return {
        code: 'wechat',
        message: text(
          `WeChat error ${f.errcode}: ${explained.title.en}`,
          `微信错误 ${f.errcode}：${explained.title['zh-CN']}`
        ),
        fix: explained.fix,
        errcode: f.errcode,
        errmsg: redactText(f.errmsg),
        ...(rid !== undefined && { rid }),
        retryable
      }
    }
    case 'timeout':
      return {
        code: 'timeout',
        message: text(
          `WeChat did not answer within ${seconds(f.afterMs)}`,
          `微信在 ${secondsZh(f.afterMs)}内没有应答`
        ),
        fix: withTail(
          text(
            'WeChat normally answers in well under a second; try again shortly.',
            '微信通常在一秒内应答，请稍后重试。'
          ),
          CHECK_ROUTE
        ),
        retryable
      }
    case 'network':
      return {
        code: 'network',
        message: text(`Could not reach WeChat: ${shorten(f.message)}`, `无法连接微信：${shorten(f.message)}`),
        fix: withTail(
          text(
            'If the API base points at the built-in emulator, make sure it is running.',
            '如果 API 地址指向内置模拟器，请确认模拟器正在运行。'
          ),
          CHECK_ROUTE
        ),
        retryable
      }
    case 'http-status': {
      const quoted = f.snippet === '' ? '' : `: ${shorten(f.snippet)}`
      const quotedZh = f.snippet === '' ? '' : `：${shorten(f.snippet)}`
      return {
        code: 'bad-response',
        message: text(
          `WeChat (or a proxy on the way) answered HTTP ${f.status}${quoted}`,
          `微信（或中间的代理）返回了 HTTP ${f.status}${quotedZh}`
        ),
        fix:
          f.status >= 500
            ? withTail(
                text(
                  'WeChat itself reports errors with HTTP 200 and an errcode, so this came from a server or proxy ' +
                    'in between; it is usually temporary. Try again shortly.',
                  '微信本身的错误都以 HTTP 200 加 errcode 返回，因此这是中间的服务器或代理返回的，通常是暂时的，请稍后重试。'
                ),
                CHECK_ROUTE
              )
            : text(
                'WeChat itself answers HTTP 200 even for errors, so the URL did not reach the WeChat API: check the ' +
                  'API base URL of this profile, including any path prefix of your proxy.',
                '微信即使出错也返回 HTTP 200，因此请求没有到达微信接口：请检查此配置的 API 地址，包括代理的路径前缀。'
              ),
        httpStatus: f.status,
        retryable
      }
    }
    case 'bad-body':
      return {
        code: 'bad-response',
        message: text(
          `WeChat answered HTTP ${f.status} but not with the expected JSON (${f.reason})`,
          `微信返回了 HTTP ${f.status}，但不是预期的 JSON（${f.reason}）`
        ),
        fix: withTail(
          text(
            'Something other than the WeChat API may have answered — a captive portal, a proxy’s login page, or an ' +
              'API base URL that points at a web page — or the answer was cut off on the way. Try again shortly.',
            '可能是微信接口以外的东西应答了——如公共 Wi-Fi 的认证页、代理的登录页，或 API 地址指向了普通网页——也可能应答在传输中被截断。请稍后重试。'
          ),
          CHECK_ROUTE
        ),
        httpStatus: f.status,
        retryable
      }
  }
}
