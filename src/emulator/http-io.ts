import type { IncomingMessage } from 'node:http'
import { reply, type ReplyOptions, type SendReply } from '../core/http/reply'
import { WECHAT_JSON_TYPE } from '../core/wechat-wire/content-types'
import type { WeChatError } from '../core/wechat-wire/errors'
import { withRid } from './rid'

/** A JSON answer labelled the way WeChat's cgi-bin endpoints label theirs. */
export function wechatJsonReply(status: number, body: object, options?: ReplyOptions): SendReply {
  return reply(status, WECHAT_JSON_TYPE, JSON.stringify(body), options)
}

/** A WeChat error as WeChat sends it: HTTP 200, the errmsg ending in the request's rid. */
export function wechatErrorReply(error: WeChatError, rid: string): SendReply {
  return wechatJsonReply(200, { errcode: error.errcode, errmsg: withRid(error.errmsg, rid) })
}

/** The caller's address as the socket sees it, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) written as plain IPv4. */
export function callerIpOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? ''
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
}
