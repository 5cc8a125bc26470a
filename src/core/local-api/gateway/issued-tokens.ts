import { BoundedMap } from '../../../shared/bounded-map'

/** `global`: an app's access_token the desk handed out. `user`: a web-OAuth user token seen in an exchange. */
export type IssuedKind = 'global' | 'user'

export interface Issued {
  profileId: string
  kind: IssuedKind
  expiresAt: number
  /** WeChat was seen rejecting it: a request carrying it gets the app's current token instead. */
  rejected: boolean
}

/** How many credentials are remembered per kind; the oldest go first (they are the first to expire anyway). */
const REMEMBERED = 4096
/** A user refresh_token lives 30 days (wechat-api.md §4.4). */
export const REFRESH_TOKEN_LIFE_MS = 30 * 86_400_000

/**
 * The credentials the gateway knows the app of: every global token the desk held (a token handed out an hour
 * ago is still the caller's proof even after the desk moved on to a newer one), and the user tokens it saw
 * WeChat grant in the OAuth exchanges it relayed. Bounded, and a credential past its life is no proof.
 */
export class IssuedTokens {
  private readonly known = new BoundedMap<string, Issued>(REMEMBERED * 2)

  note(value: string, profileId: string, kind: IssuedKind, expiresAt: number): void {
    const seen = this.known.get(value)
    if (seen && seen.profileId === profileId && seen.expiresAt === expiresAt) return
    this.known.set(value, { profileId, kind, expiresAt, rejected: seen?.rejected ?? false })
  }

  /** What the desk knows of `value`: the issued credential, or null for one it never saw. */
  find(value: string): Issued | null {
    return this.known.get(value) ?? null
  }

  markRejected(value: string): void {
    const seen = this.known.get(value)
    if (seen) seen.rejected = true
  }

  /** An app changed or went away: its credentials (of one kind, or all) prove nothing any more. */
  forget(profileId: string, kind?: IssuedKind): void {
    for (const [value, issued] of this.known) {
      if (issued.profileId === profileId && (kind === undefined || issued.kind === kind))
        this.known.delete(value)
    }
  }
}
