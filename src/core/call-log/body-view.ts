import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib'
import type { CallBody } from '../../shared/contract'

/** How much of one body the inspector keeps as text; WeChat's JSON answers are far smaller. */
export const BODY_TEXT_LIMIT = 32 * 1024

const TEXTUAL = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+(json|xml))/i

/** Whether a body of this type can be shown as text (multipart, images, media and octet streams cannot). */
export function isTextual(contentType: string | null): boolean {
  return contentType === null || TEXTUAL.test(contentType.trim())
}

/**
 * A body as the inspector shows it, from the bytes that crossed the wire (`seen` of `total`): decoded when it
 * was compressed, kept as text when it is text (cut at the limit), else only its size and type. Masking is
 * the call log's job.
 */
export function bodyView(
  seen: Buffer,
  total: number,
  contentType: string | null,
  contentEncoding: string | null = null
): CallBody | null {
  if (total === 0) return null
  const binary: CallBody = { text: null, contentType, bytes: total, truncated: false }
  if (!isTextual(contentType)) return binary
  const plain = seen.length === total ? decode(seen, contentEncoding) : contentEncoding ? null : seen
  if (plain === null || (contentType === null && plain.includes(0))) return binary
  const cut = plain.length > BODY_TEXT_LIMIT || seen.length < total
  return {
    text: plain.subarray(0, BODY_TEXT_LIMIT).toString('utf8'),
    contentType,
    bytes: total,
    truncated: cut
  }
}

/** A body as it was before its Content-Encoding (gzip, deflate, br), or null when it cannot be decoded. */
export function decode(bytes: Buffer, encoding: string | null): Buffer | null {
  const name = encoding?.trim().toLowerCase() ?? 'identity'
  try {
    switch (name) {
      case '':
      case 'identity':
        return bytes
      case 'gzip':
      case 'x-gzip':
        return gunzipSync(bytes)
      case 'deflate':
        return inflateSync(bytes)
      case 'br':
        return brotliDecompressSync(bytes)
      default:
        return null
    }
  } catch {
    return null
  }
}
