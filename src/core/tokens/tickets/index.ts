export { TicketKeeper, type TicketKeeperDeps, TICKET_REFRESH_MARGIN_MS } from './ticket-keeper'
export { TICKET_TYPES, type HeldTicket } from './held-ticket'
export { encryptedTicketStore } from './ticket-store'
