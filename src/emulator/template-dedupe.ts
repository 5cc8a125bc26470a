import { BoundedMap } from '../shared/bounded-map'

/** `client_msg_id` makes a template message idempotent for this long (wechat-api.md §11.5). */
export const CLIENT_MSG_WINDOW_MS = 10 * 60_000
const CAPACITY = 2000

/** Template messages sent with a client_msg_id, so a resend within 10 minutes sends nothing new. */
export class TemplateDedupe {
  private readonly sent = new BoundedMap<string, { msgid: number; at: number }>(CAPACITY)

  /** The msgid of the same message sent within the window, if any. */
  earlier(appid: string, touser: string, clientMsgId: string, now: number): number | undefined {
    const entry = this.sent.get(key(appid, touser, clientMsgId))
    return entry && now - entry.at < CLIENT_MSG_WINDOW_MS ? entry.msgid : undefined
  }

  remember(appid: string, touser: string, clientMsgId: string, msgid: number, now: number): void {
    this.sent.set(key(appid, touser, clientMsgId), { msgid, at: now })
  }
}

const key = (appid: string, touser: string, clientMsgId: string): string =>
  `${appid}\n${touser}\n${clientMsgId}`
