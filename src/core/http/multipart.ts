// multipart/form-data (RFC 7578) as browsers, curl and WeChat SDKs send it: enough to read uploads such as
// WeChat's `media` field, strict about structure, lenient about what does not change the meaning.

/** One part of a form: a field, or a file when it has a filename. */
export interface MultipartPart {
  /** The `name` of its Content-Disposition. */
  name: string
  /** The file name as sent (`filename*` wins over `filename`); null for a plain field. */
  filename: string | null
  /** The part's own Content-Type, lower-cased without parameters; null when it sends none. */
  contentType: string | null
  data: Buffer
}

export interface MultipartFailure {
  ok: false
  /** `not-multipart`: another media type; `no-boundary`: none or an invalid one; `malformed`: the body. */
  reason: 'not-multipart' | 'no-boundary' | 'malformed'
}

export type MultipartRead = { ok: true; parts: MultipartPart[] } | MultipartFailure

/** More parts than any form here needs: a body of empty parts cannot make the parser build a huge list. */
export const MAX_PARTS = 64
const MAX_HEADER_BYTES = 8 * 1024
const CRLF = Buffer.from('\r\n')
const HEADER_END = Buffer.from('\r\n\r\n')

/** The boundary of a `multipart/form-data` Content-Type, or why there is none. */
export function boundaryOf(contentType: string): { ok: true; boundary: string } | MultipartFailure {
  const [type = '', ...rest] = contentType.split(';')
  if (type.trim().toLowerCase() !== 'multipart/form-data') return { ok: false, reason: 'not-multipart' }
  const boundary = parameters(rest.join(';')).get('boundary')
  // RFC 2046: 1 to 70 characters, not ending in a space.
  if (!boundary || boundary.length > 70 || boundary.endsWith(' ')) return { ok: false, reason: 'no-boundary' }
  return { ok: true, boundary }
}

/** Splits a multipart/form-data body into its parts. */
export function parseMultipart(body: Buffer, contentType: string): MultipartRead {
  const found = boundaryOf(contentType)
  if (!found.ok) return found
  const delimiter = Buffer.from(`--${found.boundary}`)
  const between = Buffer.concat([CRLF, delimiter])

  // The first delimiter opens the body or follows a preamble's CRLF.
  let at = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : body.indexOf(between)
  if (at === -1) return { ok: false, reason: 'malformed' }
  if (at > 0) at += CRLF.length
  const parts: MultipartPart[] = []
  for (;;) {
    at += delimiter.length
    if (body.subarray(at, at + 2).toString('latin1') === '--') return { ok: true, parts }
    // Transport padding (spaces, tabs) may follow a delimiter before its CRLF.
    while (body[at] === 0x20 || body[at] === 0x09) at++
    if (!body.subarray(at, at + 2).equals(CRLF)) return { ok: false, reason: 'malformed' }
    at += CRLF.length
    const headerEnd = body.indexOf(HEADER_END, at)
    // A part with no header at all starts with the blank line directly.
    const bare = body.subarray(at, at + 2).equals(CRLF)
    if (!bare && (headerEnd === -1 || headerEnd - at > MAX_HEADER_BYTES))
      return { ok: false, reason: 'malformed' }
    const headers = bare ? '' : body.subarray(at, headerEnd).toString('utf8')
    const dataStart = bare ? at + CRLF.length : headerEnd + HEADER_END.length
    const dataEnd = body.indexOf(between, dataStart)
    if (dataEnd === -1) return { ok: false, reason: 'malformed' }
    const part = partOf(headers, body.subarray(dataStart, dataEnd))
    if (!part || parts.length === MAX_PARTS) return { ok: false, reason: 'malformed' }
    parts.push(part)
    at = dataEnd + CRLF.length
  }
}

function partOf(headerBlock: string, data: Buffer): MultipartPart | null {
  let disposition: string | null = null
  let contentType: string | null = null
  for (const line of headerBlock.split('\r\n')) {
    if (line === '') continue
    const colon = line.indexOf(':')
    if (colon <= 0) return null
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    if (name === 'content-disposition') disposition = value
    else if (name === 'content-type') contentType = value.split(';')[0]?.trim().toLowerCase() || null
  }
  if (disposition === null) return null
  const [kind = '', ...rest] = disposition.split(';')
  if (kind.trim().toLowerCase() !== 'form-data') return null
  const params = parameters(rest.join(';'))
  const name = params.get('name')
  if (name === undefined) return null
  const extended = params.get('filename*')
  const filename =
    (extended === undefined ? undefined : decodeExtended(extended)) ?? params.get('filename') ?? null
  return { name, filename, contentType, data }
}

/** `; a=1; b="x y"; c="say \"hi\""` → a map with lower-cased names; the first of a repeated name wins. */
function parameters(text: string): Map<string, string> {
  const params = new Map<string, string>()
  let i = 0
  const skipSpace = (): void => {
    while (text[i] === ' ' || text[i] === '\t') i++
  }
  while (i < text.length) {
    skipSpace()
    if (text[i] === ';') {
      i++
      continue
    }
    const eq = text.indexOf('=', i)
    if (eq === -1) break
    const name = text.slice(i, eq).trim().toLowerCase()
    i = eq + 1
    skipSpace()
    let value = ''
    if (text[i] === '"') {
      i++
      while (i < text.length && text[i] !== '"') {
        // Browsers send a file name's `"` as %22 and `\` as itself; a quoted-pair is honoured only for `"` and `\`.
        if (text[i] === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) i++
        value += text[i]
        i++
      }
      i++
    } else {
      const end = text.indexOf(';', i)
      value = (end === -1 ? text.slice(i) : text.slice(i, end)).trim()
      i = end === -1 ? text.length : end
    }
    if (name !== '' && !params.has(name)) params.set(name, value)
  }
  return params
}

/** RFC 5987 `UTF-8''%E4%B8%AD.png`; undefined when it cannot be read. */
function decodeExtended(value: string): string | undefined {
  const match = /^([\w!#$%&+^`{}~-]+)'[\w-]*'(.*)$/.exec(value)
  if (!match?.[1] || match[2] === undefined) return undefined
  const charset = match[1].toLowerCase()
  if (charset !== 'utf-8' && charset !== 'utf8') return undefined
  try {
    return decodeURIComponent(match[2])
  } catch {
    return undefined
  }
}
