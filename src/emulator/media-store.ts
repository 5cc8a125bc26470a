import { BoundedMap } from '../shared/bounded-map'

/** Temporary media live 3 days (wechat-api.md §11.5). */
export const MEDIA_LIFETIME_MS = 3 * 86_400_000
const CAPACITY = 2000

export type MediaType = 'image' | 'voice' | 'video' | 'thumb'

interface MediaRecord {
  appid: string
  type: MediaType
  expiresAt: number
}

/** The media_ids media/upload handed out (not the files: nothing reads them back). */
export class MediaStore {
  private readonly media = new BoundedMap<string, MediaRecord>(CAPACITY)

  add(mediaId: string, appid: string, type: MediaType, now: number): void {
    this.media.set(mediaId, { appid, type, expiresAt: now + MEDIA_LIFETIME_MS })
  }

  /** The type of `appid`'s media `mediaId` while it lives; undefined for another account's or an expired one. */
  typeOf(appid: string, mediaId: string, now: number): MediaType | undefined {
    const record = this.media.get(mediaId)
    return record && record.appid === appid && now < record.expiresAt ? record.type : undefined
  }
}
