import type { SecretCipher } from '../../ports'
import type { DeskStore } from '../../storage'
import { EncryptedFileStore, type TokenStore } from '../store'
import { heldTicketSchema, type HeldTicket } from './held-ticket'

/** Held tickets in the desk file's `tickets` section, encrypted like the tokens (nothing without a cipher). */
export function encryptedTicketStore(store: DeskStore, cipher: SecretCipher): TokenStore<HeldTicket> {
  return new EncryptedFileStore({ store, cipher, section: 'tickets', schema: heldTicketSchema })
}
