import { parseRid } from '../../shared/errcodes'
import type { ConsoleAnswerBody } from '../../shared/contract'
import { redactText } from '../wechat/redact'

/** What the pane shows of an answer's body, and the WeChat error it carries. */
export interface AnswerView {
  body: ConsoleAnswerBody
  errcode: number | null
  errmsg: string | null
  rid: string | null
}

const IMAGE_SIGNATURES: readonly [string, readonly number[]][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]]
]

/** The image type of `bytes` by their first bytes: WeChat's Content-Type is not to be trusted (§11.3). */
export function sniffImage(bytes: Buffer): string | null {
  for (const [type, signature] of IMAGE_SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) return type
  }
  return null
}

const isTextType = (type: string | null): boolean =>
  type === null || /json|text\/|javascript|xml|x-www-form-urlencoded/i.test(type)

/**
 * The body as the pane shows it: an image (by its bytes), JSON or text (by its Content-Type or because it
 * parses: WeChat sends its errors as `text/plain` too), else binary, offered as a download. Text is masked
 * with `known` (the token and AppSecret the request carried) and every credential shape.
 */
export function viewAnswer(bytes: Buffer, contentType: string | null, known: readonly string[]): AnswerView {
  const none = { errcode: null, errmsg: null, rid: null }
  if (bytes.length === 0) return { body: { kind: 'empty' }, ...none }
  const image = sniffImage(bytes)
  if (image !== null) {
    return {
      body: {
        kind: 'image',
        contentType: image,
        dataUrl: `data:${image};base64,${bytes.toString('base64')}`
      },
      ...none
    }
  }
  const decoded = bytes.toString('utf8')
  const parsed = parseJson(decoded)
  if (parsed === undefined && !isTextType(contentType))
    return { body: { kind: 'binary', contentType }, ...none }
  const shown = redactText(decoded, known)
  if (parsed === undefined) return { body: { kind: 'text', text: shown, json: false }, ...none }
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
  const errcode = typeof fields['errcode'] === 'number' && fields['errcode'] !== 0 ? fields['errcode'] : null
  const errmsg =
    errcode !== null && typeof fields['errmsg'] === 'string' ? redactText(fields['errmsg'], known) : null
  return {
    body: { kind: 'text', text: shown, json: true },
    errcode,
    errmsg,
    rid: errmsg === null ? null : parseRid(errmsg)
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
