import { reply, type SendReply } from '../http/reply'
import { WECHAT_JSON_TYPE } from '../wechat-wire/content-types'
import type { WeChatError } from '../wechat-wire/errors'

/**
 * An error in WeChat's shape from the desk itself: HTTP 200 like WeChat's own, except when no answer came from
 * upstream at all (the gateway says 502, as a proxy would).
 */
export function wechatErrorReply(
  error: WeChatError,
  options: { status?: number; close?: boolean } = {}
): SendReply {
  const body = JSON.stringify({ errcode: error.errcode, errmsg: error.errmsg })
  return {
    ...reply(options.status ?? 200, WECHAT_JSON_TYPE, body, { close: options.close }),
    errcode: error.errcode
  }
}
