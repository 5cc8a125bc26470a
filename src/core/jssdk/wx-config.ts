import type { JssdkConfig, JssdkFinding } from '../../shared/contract'
import { text } from '../../shared/result'
import { jsapiSignature, newNonceStr } from './signature'

/** The Unix seconds a page would pass to wx.config at `nowMs`. */
export const unixSeconds = (nowMs: number): string => String(Math.floor(nowMs / 1000))

/**
 * What the server hands a page for wx.config: the app's AppID, a fresh nonceStr, the time now in Unix seconds
 * and the signature of `url` (already without its fragment) with `ticket`.
 */
export function pageConfig(
  appId: string,
  ticket: string,
  url: string,
  nowMs: number,
  nonceStr: string = newNonceStr()
): JssdkConfig {
  const timestamp = unixSeconds(nowMs)
  const { signature } = jsapiSignature({ ticket, nonceStr, timestamp, url })
  return { appId, timestamp, nonceStr, signature }
}

/**
 * Checks the nonceStr and timestamp a page passes: wx.config signs them as the page sends them, so a
 * timestamp in milliseconds works only while the server signed the very same digits.
 */
export function checkNonceAndTimestamp(nonceStr: string, timestamp: string): JssdkFinding[] {
  const findings: JssdkFinding[] = []
  if (nonceStr.trim() === '') {
    findings.push({
      rule: 'nonce-empty',
      level: 'error',
      message: text(
        'nonceStr is empty: generate a random string and pass the same one to wx.config.',
        'nonceStr 为空：请生成随机字符串，并把同一个值传给 wx.config。'
      )
    })
  }
  if (!/^\d+$/.test(timestamp)) {
    findings.push({
      rule: 'timestamp-not-seconds',
      level: 'error',
      message: text(
        'timestamp is the Unix time in seconds, digits only (e.g. 1700000000): the page passes it to wx.config as a number.',
        'timestamp 是以秒为单位的 Unix 时间，只含数字（如 1700000000）：页面以数字形式传给 wx.config。'
      )
    })
  } else if (timestamp.length >= 13) {
    findings.push({
      rule: 'timestamp-milliseconds',
      level: 'warning',
      message: text(
        'This looks like milliseconds (Date.now()): WeChat’s examples use seconds. It only passes when the page hands wx.config exactly these digits.',
        '这像是毫秒（Date.now()）：微信示例使用秒。只有页面传给 wx.config 的正是这些数字时才能通过。'
      )
    })
  }
  return findings
}

const literal = (value: string): string => JSON.stringify(value)

/** `wx.config({…})` for these values, as a page would paste it (the timestamp as a number when it is one). */
export function configSnippet(config: JssdkConfig): string {
  const timestamp = /^\d{1,15}$/.test(config.timestamp) ? config.timestamp : literal(config.timestamp)
  return [
    'wx.config({',
    '  debug: false, // true: the phone shows each JS-SDK call’s result in an alert',
    `  appId: ${literal(config.appId)},`,
    `  timestamp: ${timestamp},`,
    `  nonceStr: ${literal(config.nonceStr)},`,
    `  signature: ${literal(config.signature)},`,
    "  jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'] // the APIs this page calls",
    '})'
  ].join('\n')
}
