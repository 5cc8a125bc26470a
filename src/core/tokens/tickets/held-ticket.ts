import { z } from 'zod'
import { MAX_TOKEN_LIFETIME_S, type TicketGrant, type TicketType } from '../../wechat'

export const TICKET_TYPES = ['jsapi', 'wx_card'] as const satisfies readonly TicketType[]

/** A JS-SDK ticket the desk holds for one app and type. */
export interface HeldTicket {
  value: string
  type: TicketType
  /** When the desk first got this ticket value. */
  obtainedAt: number
  /** The earliest expiry any answer allowed: a ticket handed out again never lives longer for it. */
  expiresAt: number
}

/**
 * The ticket an answer gives. WeChat hands out the same ticket while it is valid, always saying
 * `expires_in: 7200` (wechat-api.md §5.1), so an answer that repeats the held ticket cannot extend its life:
 * the held expiry stands.
 */
export function ticketFromGrant(
  grant: TicketGrant,
  type: TicketType,
  held: HeldTicket | null,
  askedAt: number
): HeldTicket {
  const expiresAt = askedAt + grant.expiresIn * 1000
  if (held && held.value === grant.ticket) {
    return { ...held, expiresAt: Math.min(held.expiresAt, expiresAt) }
  }
  return { value: grant.ticket, type, obtainedAt: askedAt, expiresAt }
}

/** A ticket as it may be read back from disk: a life WeChat could have granted; anything else is dropped. */
export const heldTicketSchema = z
  .object({
    value: z.string().min(1),
    type: z.enum(TICKET_TYPES),
    obtainedAt: z.number().int().nonnegative(),
    expiresAt: z.number().int()
  })
  .refine(
    (held) =>
      held.expiresAt > held.obtainedAt && held.expiresAt - held.obtainedAt <= MAX_TOKEN_LIFETIME_S * 1000,
    { message: 'expiresAt is not within 7200 s of obtainedAt' }
  )
