import { z } from 'zod'
import { TOKEN_MODES } from '../../../shared/contract'
import { withoutKey } from '../../../shared/records'
import type { SecretCipher } from '../../ports'
import type { DeskDocument, DeskStore } from '../../storage'
import { MAX_TOKEN_LIFETIME_S } from '../../wechat'
import type { HeldToken } from '../held-token'
import type { TokenOwner, TokenStore } from './token-store'

/** The desk file's sections that map an app to one encrypted string. */
export type SealedSection = {
  [K in keyof DeskDocument]: DeskDocument[K] extends Record<string, string> ? K : never
}[keyof DeskDocument]

/** Stored beside the value, so a record is only ever read back for the owner it was written for. */
const ownerFields = z.object({
  appId: z.string(),
  /** Named before remote mode existed; it holds the origin. Kept so records already on disk still load. */
  apiBase: z.string(),
  mode: z.enum(TOKEN_MODES)
})

/**
 * A held token as it may be read back: a lifetime WeChat could have granted, and dates that agree with it.
 * A record that fails (written by an older desk from a bad upstream answer, or edited) is dropped, never
 * served: a huge `expires_in` used to make every route that formats the expiry answer 500.
 */
const heldTokenSchema = z
  .object({
    value: z.string().min(1),
    mode: z.enum(TOKEN_MODES),
    obtainedAt: z.number().int().nonnegative(),
    expiresAt: z.number().int(),
    grantedSeconds: z.number().int().min(1).max(MAX_TOKEN_LIFETIME_S)
  })
  .refine((held) => held.expiresAt - held.obtainedAt === held.grantedSeconds * 1000, {
    message: 'expiresAt does not follow from obtainedAt and grantedSeconds'
  })

export interface EncryptedFileStoreOptions<T> {
  store: DeskStore
  cipher: SecretCipher
  section: SealedSection
  /** Validates a decrypted record (unknown fields are stripped); a record that fails it is not loaded. */
  schema: z.ZodType<T>
}

/**
 * Records in the desk's settings file (atomic writes, mode 0600), each encrypted with the SecretCipher:
 * JSON of the value plus its owner. Without a working cipher nothing is written, so nothing is ever
 * stored in plaintext: the value lives in memory only.
 */
export class EncryptedFileStore<T extends object> implements TokenStore<T> {
  constructor(private readonly options: EncryptedFileStoreOptions<T>) {}

  persist(key: string, owner: TokenOwner, value: T): void {
    const { store, cipher, section } = this.options
    if (!cipher.available) return
    const record = { ...value, appId: owner.appId, apiBase: owner.origin, mode: owner.mode }
    store.write(section, { ...store.read(section), [key]: cipher.encrypt(JSON.stringify(record)) })
  }

  load(key: string, owner: TokenOwner): T | null {
    const { store, cipher, section, schema } = this.options
    const encoded = store.read(section)[key]
    if (encoded === undefined) return null
    try {
      const record: unknown = JSON.parse(cipher.decrypt(encoded))
      const stamp = ownerFields.parse(record)
      if (stamp.appId !== owner.appId || stamp.apiBase !== owner.origin || stamp.mode !== owner.mode)
        return null
      return schema.parse(record)
    } catch {
      // Another key, a tampered file or an older shape: as good as no record.
      return null
    }
  }

  drop(key: string): void {
    const { store, section } = this.options
    const records = store.read(section)
    if (!(key in records)) return
    store.write(section, withoutKey(records, key))
  }
}

/** Today's token store: the desk file's `tokens` section, encrypted. */
export function encryptedTokenStore(store: DeskStore, cipher: SecretCipher): TokenStore<HeldToken> {
  return new EncryptedFileStore({ store, cipher, section: 'tokens', schema: heldTokenSchema })
}
