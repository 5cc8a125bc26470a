import type { SendReply } from '../core/http/reply'
import type { Outcome, WxRequest } from '../core/wechat-wire/request'

/** A request as the emulator's routes see it: WeChat's view of it, plus the body as sent (uploads). */
export interface EmulatorRequest extends WxRequest {
  bytes: Buffer
  /** The request's Content-Type header ('' when none). */
  contentType: string
}

/**
 * What a route answers: a WeChat outcome (JSON with HTTP 200, errors ending in the rid), or a reply of its
 * own — an image, showqrcode's 404, the emulator's own debug JSON.
 */
export type Answer = Outcome | SendReply<string | Uint8Array>

export function isOwnReply(answer: Answer): answer is SendReply<string | Uint8Array> {
  return 'kind' in answer
}
