import type { HeldToken } from '../tokens'

interface Rendered {
  held: HeldToken
  /** `{"access_token":"…","expires_in":` */
  head: string
  /** `,"expires_at":"…","obtained_at":"…","mode":"…"` */
  tail: string
}

/** Seconds of life left, as WeChat counts `expires_in`. */
export const remainingSeconds = (held: HeldToken, now: number): number =>
  Math.max(0, Math.floor((held.expiresAt - now) / 1000))

/**
 * Token answers, serialised once per token: only `expires_in` changes between requests, so the hot path
 * concatenates three strings instead of building and stringifying an object.
 */
export class TokenResponses {
  private readonly rendered = new Map<string, Rendered>()

  /** `{"access_token","expires_in","expires_at","obtained_at","mode"[,"refreshed"]}` for the /v1 API. */
  desk(profileId: string, held: HeldToken, now: number, refreshed?: boolean): string {
    const r = this.render(profileId, held)
    const flag = refreshed === undefined ? '' : `,"refreshed":${refreshed}`
    return `${r.head}${remainingSeconds(held, now)}${r.tail}${flag}}`
  }

  /** `{"access_token","expires_in"}`: exactly WeChat's shape. */
  wechat(profileId: string, held: HeldToken, now: number): string {
    return `${this.render(profileId, held).head}${remainingSeconds(held, now)}}`
  }

  private render(profileId: string, held: HeldToken): Rendered {
    const cached = this.rendered.get(profileId)
    if (cached && cached.held === held) return cached
    const fresh: Rendered = {
      held,
      head: `{"access_token":${JSON.stringify(held.value)},"expires_in":`,
      tail:
        `,"expires_at":${JSON.stringify(new Date(held.expiresAt).toISOString())}` +
        `,"obtained_at":${JSON.stringify(new Date(held.obtainedAt).toISOString())}` +
        `,"mode":${JSON.stringify(held.mode)}`
    }
    this.rendered.set(profileId, fresh)
    return fresh
  }
}
