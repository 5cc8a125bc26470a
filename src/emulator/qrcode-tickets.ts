import { BoundedMap } from '../shared/bounded-map'

const CAPACITY = 5000

export interface QrTicket {
  appid: string
  /** What the code says when scanned: `http://weixin.qq.com/q/…`. */
  url: string
  /** Epoch ms; null for a permanent code. */
  expiresAt: number | null
}

/** The tickets qrcode/create issued, for showqrcode; a permanent scene keeps its ticket. */
export class QrTickets {
  private readonly tickets = new BoundedMap<string, QrTicket>(CAPACITY)
  private readonly permanent = new BoundedMap<string, string>(CAPACITY)

  add(ticket: string, record: QrTicket, permanentScene?: string): void {
    this.tickets.set(ticket, record)
    if (permanentScene !== undefined) this.permanent.set(`${record.appid}\n${permanentScene}`, ticket)
  }

  /** The ticket of `appid`'s permanent code for `scene`, if one was made. */
  permanentTicket(appid: string, scene: string): { ticket: string; record: QrTicket } | undefined {
    const ticket = this.permanent.get(`${appid}\n${scene}`)
    const record = ticket === undefined ? undefined : this.tickets.get(ticket)
    return ticket !== undefined && record ? { ticket, record } : undefined
  }

  /** The code behind a ticket while it is valid. */
  find(ticket: string, now: number): QrTicket | undefined {
    const record = this.tickets.get(ticket)
    return record && (record.expiresAt === null || now < record.expiresAt) ? record : undefined
  }
}
