import { randomBytes } from 'node:crypto'
import { WX } from '../core/wechat-wire/errors'
import { failure, success, type Outcome, type WxRequest } from '../core/wechat-wire/request'
import { admit, type GateDeps } from './api-gate'
import { CGI } from './cgi-catalogue'
import { TOKEN_LIFETIME_MS } from './credential-model'

/** The JS-SDK ticket types getticket hands out (wechat-api.md §5.1). */
const TICKET_TYPES = new Set(['jsapi', 'wx_card'])

interface Ticket {
  value: string
  expiresAt: number
}

/**
 * The tickets of every account, one per account and type. Within its 7200 s a ticket is handed out again as
 * it is; once it has expired the next call brings a new one.
 */
export class TicketBook {
  private readonly tickets = new Map<string, Ticket>()

  current(appid: string, type: string, now: number): Ticket {
    const key = `${appid}:${type}`
    const held = this.tickets.get(key)
    if (held && now < held.expiresAt) return held
    // Real tickets are 86 URL-safe characters (wechat-api.md §5.2's test vector).
    const fresh = { value: randomBytes(64).toString('base64url'), expiresAt: now + TOKEN_LIFETIME_MS }
    this.tickets.set(key, fresh)
    return fresh
  }
}

/**
 * GET /cgi-bin/ticket/getticket?access_token=…&type=jsapi|wx_card: the token checks of §3, then the ticket.
 * `expires_in` is always 7200, also for a ticket handed out before, as WeChat does: the true remaining life
 * cannot be read from the answer.
 */
export function getTicket(deps: GateDeps, tickets: TicketBook, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.getTicket)
  if (!admitted.ok) return failure(admitted.error)
  const appid = admitted.app.config.appid
  const type = req.query.get('type') ?? ''
  if (!TICKET_TYPES.has(type)) return failure(WX.invalidArgs)
  const ticket = tickets.current(appid, type, req.now)
  return success({ errcode: 0, errmsg: 'ok', ticket: ticket.value, expires_in: TOKEN_LIFETIME_MS / 1000 })
}
