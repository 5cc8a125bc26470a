import { z } from 'zod'
import { DeskFailure, text } from '../../shared/result'
import type { OAuthTokenPersistence } from '../../shared/contract'
import type { SecretCipher } from '../ports'
import type { DeskStore, StoredAuthorization } from '../storage'

/** How many authorizations the history keeps (newest first). */
export const HISTORY_CAPACITY = 20

export interface UserTokens {
  accessToken: string
  refreshToken: string
}

const tokensSchema = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1) })

/**
 * The last authorizations, kept in the desk store. The user tokens are encrypted with the SecretCipher, like
 * the global token; without a working cipher they live in memory for this session only and nothing is
 * written in plaintext.
 */
export class AuthorizationHistory {
  private readonly tokens = new Map<string, UserTokens>()

  constructor(
    private readonly store: DeskStore,
    private readonly cipher: SecretCipher,
    private readonly capacity = HISTORY_CAPACITY
  ) {
    for (const entry of this.entries()) {
      if (entry.tokensEnc === null) continue
      try {
        this.tokens.set(entry.id, tokensSchema.parse(JSON.parse(cipher.decrypt(entry.tokensEnc))))
      } catch {
        // Unreadable (the keychain changed): the entry stays, its tokens are gone.
      }
    }
  }

  get persistence(): OAuthTokenPersistence {
    return this.cipher.available ? 'encrypted' : 'session-only'
  }

  /** Newest first. */
  list(): StoredAuthorization[] {
    return this.entries()
  }

  get(id: string): StoredAuthorization {
    const entry = this.entries().find((e) => e.id === id)
    if (!entry) {
      throw new DeskFailure({
        code: 'not-found',
        message: text('This authorization is no longer in the history', '历史记录中已没有这次授权')
      })
    }
    return entry
  }

  tokensOf(id: string): UserTokens | null {
    return this.tokens.get(id) ?? null
  }

  add(entry: Omit<StoredAuthorization, 'tokensEnc'>, tokens: UserTokens): StoredAuthorization {
    this.tokens.set(entry.id, tokens)
    const stored: StoredAuthorization = { ...entry, tokensEnc: this.seal(tokens) }
    const kept = [stored, ...this.entries()].slice(0, this.capacity)
    const keptIds = new Set(kept.map((e) => e.id))
    for (const id of this.tokens.keys()) if (!keptIds.has(id)) this.tokens.delete(id)
    this.save(kept)
    return stored
  }

  /** After a refresh: the new access token (the refresh_token may stay the same) and its expiry. */
  updateTokens(id: string, tokens: UserTokens, accessExpiresAt: number): StoredAuthorization {
    const current = this.get(id)
    this.tokens.set(id, tokens)
    const next: StoredAuthorization = { ...current, accessExpiresAt, tokensEnc: this.seal(tokens) }
    this.save(this.entries().map((e) => (e.id === id ? next : e)))
    return next
  }

  clear(): void {
    this.tokens.clear()
    this.save([])
  }

  private seal(tokens: UserTokens): string | null {
    return this.cipher.available ? this.cipher.encrypt(JSON.stringify(tokens)) : null
  }

  private entries(): StoredAuthorization[] {
    return this.store.read('oauth').history
  }

  private save(history: StoredAuthorization[]): void {
    this.store.write('oauth', { history })
  }
}
