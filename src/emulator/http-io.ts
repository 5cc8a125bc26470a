import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WeChatError } from '../core/wechat-wire/errors'
import { withRid } from './rid'

/** The Content-Type WeChat's cgi-bin endpoints label JSON with (wechat-api.md §0). */
export const JSON_CONTENT_TYPE = 'application/json; encoding=utf-8'
/** The /sns/* endpoints send their JSON labelled as plain text (wechat-api.md §0). */
export const SNS_CONTENT_TYPE = 'text/plain'
export const MAX_BODY_BYTES = 16 * 1024

/** What to do with a request's response, decided before touching the socket. */
export type Reply =
  | {
      kind: 'send'
      status: number
      contentType: string
      text: string
      closeConnection?: boolean
      /** Extra response headers (Location, Content-Security-Policy …). */
      headers?: Readonly<Record<string, string>>
    }
  /** Say nothing: the socket stays open until the client gives up or the server closes. */
  | { kind: 'hang' }
  /** Drop the connection unanswered, with a TCP reset. */
  | { kind: 'reset' }

export function jsonReply(status: number, body: object, closeConnection = false): Reply {
  return { kind: 'send', status, contentType: JSON_CONTENT_TYPE, text: JSON.stringify(body), closeConnection }
}

/** A WeChat error as WeChat sends it: HTTP 200, the errmsg ending in the request's rid. */
export function wechatErrorReply(error: WeChatError, rid: string): Reply {
  return jsonReply(200, { errcode: error.errcode, errmsg: withRid(error.errmsg, rid) })
}

export function writeReply(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'hang':
      return
    case 'reset':
      req.socket.resetAndDestroy()
      return
    case 'send':
      res.writeHead(reply.status, {
        ...reply.headers,
        'Content-Type': reply.contentType,
        'Content-Length': Buffer.byteLength(reply.text),
        ...(reply.closeConnection ? { Connection: 'close' } : {})
      })
      res.end(reply.text)
  }
}

/** The caller's address as the socket sees it, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) written as plain IPv4. */
export function callerIpOf(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? ''
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address
}

export { readBody, type BodyRead } from '../core/http/read-body'
