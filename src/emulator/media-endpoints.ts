import { admit, hasPlatform } from './api-gate'
import type { ApiDeps } from './api-state'
import { CGI } from './cgi-catalogue'
import type { EmulatorRequest } from './endpoint'
import { WX } from '../core/wechat-wire/errors'
import type { MediaType } from './media-store'
import { parseMultipart } from '../core/http/multipart'
import { failure, success, type Outcome } from '../core/wechat-wire/request'

// POST /cgi-bin/media/upload?type= (wechat-api.md §11.5): a multipart form whose file field is `media`.

const MB = 1024 * 1024

interface MediaRule {
  /** File name extensions WeChat takes for the type. */
  extensions: readonly string[]
  /** Whether the bytes are one of those formats. */
  sniff: (data: Buffer) => boolean
  maxBytes: number
}

const startsWith = (data: Buffer, ...bytes: number[]): boolean => bytes.every((byte, i) => data[i] === byte)
const isJpeg = (data: Buffer): boolean => startsWith(data, 0xff, 0xd8, 0xff)
const isPng = (data: Buffer): boolean => startsWith(data, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const isGif = (data: Buffer): boolean => data.subarray(0, 4).toString('latin1') === 'GIF8'
const isAmr = (data: Buffer): boolean => data.subarray(0, 5).toString('latin1') === '#!AMR'
// An ID3 tag, or straight into an MPEG audio frame (11 sync bits).
const isMp3 = (data: Buffer): boolean =>
  data.subarray(0, 3).toString('latin1') === 'ID3' || (data[0] === 0xff && ((data[1] ?? 0) & 0xe0) === 0xe0)
const isMp4 = (data: Buffer): boolean => data.subarray(4, 8).toString('latin1') === 'ftyp'

/**
 * The limits of the temporary-media page. It gives images both 10 MB and 2 MB; the emulator takes the newer
 * 10 MB.
 */
export const MEDIA_RULES: Readonly<Record<MediaType, MediaRule>> = {
  image: {
    extensions: ['png', 'jpeg', 'jpg', 'gif'],
    sniff: (data) => isPng(data) || isJpeg(data) || isGif(data),
    maxBytes: 10 * MB
  },
  voice: { extensions: ['amr', 'mp3'], sniff: (data) => isAmr(data) || isMp3(data), maxBytes: 2 * MB },
  video: { extensions: ['mp4'], sniff: isMp4, maxBytes: 10 * MB },
  thumb: { extensions: ['jpg', 'jpeg'], sniff: isJpeg, maxBytes: 64 * 1024 }
}

/** The biggest body the upload route reads: the biggest file plus room for the form around it. */
export const MAX_UPLOAD_BODY_BYTES = 10 * MB + 64 * 1024

const isMediaType = (value: string): value is MediaType => value in MEDIA_RULES

/**
 * Order: `type` (40004; a Mini Program uploads images only), the `media` file part (41005: none, not
 * multipart, no filename, empty), its format by extension and content (40005), its size (40006). Success:
 * `{type, media_id, created_at}`, and `thumb_media_id` in place of `media_id` for a thumb.
 */
export function mediaUpload(deps: ApiDeps, req: EmulatorRequest): Outcome {
  const admitted = admit(deps, req, CGI.mediaUpload)
  if (!admitted.ok) return failure(admitted.error)
  const { config } = admitted.app
  const type = req.query.get('type') ?? ''
  if (!isMediaType(type)) return failure(WX.invalidMediaType)
  if (type !== 'image' && !hasPlatform(config.platform, 'official-account'))
    return failure(WX.invalidMediaType)
  const form = parseMultipart(req.bytes, req.contentType)
  const file = form.ok
    ? form.parts.find((part) => part.name === 'media' && part.filename !== null)
    : undefined
  if (!file || file.data.length === 0) return failure(WX.mediaDataMissing)
  const rule = MEDIA_RULES[type]
  const extension = /\.([^./\\]+)$/.exec(file.filename ?? '')?.[1]?.toLowerCase() ?? ''
  if (!rule.extensions.includes(extension) || !rule.sniff(file.data)) return failure(WX.invalidFileType)
  if (file.data.length > rule.maxBytes) return failure(WX.invalidMediaSize)
  // Real media ids are 64 URL-safe characters.
  const mediaId = deps.state.id('media', config.appid, 64)
  deps.state.media.add(mediaId, config.appid, type, req.now)
  const createdAt = Math.floor(req.now / 1000)
  return type === 'thumb'
    ? success({ type, thumb_media_id: mediaId, created_at: createdAt })
    : success({ type, media_id: mediaId, created_at: createdAt })
}
