/** Keeps credentials out of everything the client reports: URLs, errmsgs, body snippets, error messages. */

export const MASK = '***'

/** Query / JSON field names whose values are credentials (JS-SDK tickets and session keys included). */
const CREDENTIAL_FIELDS = [
  'secret',
  'appsecret',
  'access_token',
  'refresh_token',
  'ticket',
  'jsapi_ticket',
  'session_key'
]
const FIELD_ALTERNATION = CREDENTIAL_FIELDS.join('|')
const QUERY_VALUE = new RegExp(`(\\b(?:${FIELD_ALTERNATION})=)[^&\\s"'<>]+`, 'gi')
const JSON_VALUE = new RegExp(`("(?:${FIELD_ALTERNATION})"\\s*:\\s*")[^"]*`, 'gi')

/** WeChat access_tokens look like `84_vWP_BMIM…` (number prefix, `_`, 100+ URL-safe characters). */
const TOKEN_SHAPE = /\b\d{1,4}_[A-Za-z0-9_-]{40,}/g
/** AppSecrets are 32 lower-case hex digits. */
const SECRET_SHAPE = /\b[0-9a-f]{32}\b/g

/** The shortest known value worth searching for; shorter strings would mask unrelated text. */
const MIN_KNOWN_LENGTH = 4

/** The URL with credential query values and any userinfo masked. */
export function redactUrl(url: URL): string {
  const copy = new URL(url.href)
  if (copy.username !== '') copy.username = MASK
  if (copy.password !== '') copy.password = MASK
  for (const key of new Set(copy.searchParams.keys())) {
    if (CREDENTIAL_FIELDS.includes(key.toLowerCase())) copy.searchParams.set(key, MASK)
  }
  return copy.href
}

/**
 * `text` with every known credential value, every `secret=…` / `"access_token":"…"`-style value, and
 * anything shaped like a WeChat token or AppSecret masked. Used on anything that came back from the
 * network, since a proxy or fake server may echo a request or quote a credential this call never sent.
 *
 * A known value is found in the forms a server is likely to echo it in: as sent, in any letter case,
 * percent-encoded (once or twice, either flavour), as a JSON string, in base64 or base64url (at any byte
 * alignment, so also inside a longer encoded string such as a Basic header), in hex, and split by white
 * space (wrapped or grouped).
 */
export function redactText(text: string, known: readonly string[] = []): string {
  let out = text
  for (const value of known) {
    if (value.length < MIN_KNOWN_LENGTH) continue
    out = out.replace(knownValuePattern(value), MASK)
  }
  return out
    .replace(QUERY_VALUE, `$1${MASK}`)
    .replace(JSON_VALUE, `$1${MASK}`)
    .replace(TOKEN_SHAPE, MASK)
    .replace(SECRET_SHAPE, MASK)
}

/** Fewer characters than this of a base64 rendering are too likely to occur by chance. */
const MIN_ENCODED_FRAGMENT = 8

const patterns = new Map<string, RegExp>()

/** One case-insensitive pattern for every form of `value` (built once per value, kept for a few values). */
function knownValuePattern(value: string): RegExp {
  const cached = patterns.get(value)
  if (cached) return cached
  const once = encodeURIComponent(value)
  const forms = new Set([
    value,
    once,
    encodeURIComponent(once),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    Buffer.from(value, 'utf8').toString('hex'),
    ...base64Renderings(Buffer.from(value, 'utf8'))
  ])
  // Longest first, so a form that contains another is masked whole.
  const alternatives = [...forms]
    .filter((form) => form.length >= MIN_KNOWN_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map((form) => [...form].map(escapeRegExp).join('\\s*'))
  const pattern = new RegExp(alternatives.join('|'), 'gi')
  if (patterns.size >= 64) patterns.clear()
  patterns.set(value, pattern)
  return pattern
}

/**
 * The parts of `bytes`' base64 (and base64url) rendering that do not depend on the bytes around them, for
 * each of the three alignments it can have inside a longer encoded string.
 */
function base64Renderings(bytes: Buffer): string[] {
  const out: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes])
    const whole = Math.floor(padded.length / 3) * 3
    // Skip the group that mixes in the padding; keep only groups made of the value's bytes alone.
    const encoded = padded.subarray(shift === 0 ? 0 : 3, whole).toString('base64')
    const standalone = shift === 0 ? bytes.toString('base64') : encoded
    for (const form of new Set([encoded, standalone])) {
      if (form.length < MIN_ENCODED_FRAGMENT) continue
      out.push(form, form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))
    }
  }
  return out
}

const escapeRegExp = (char: string): string => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
