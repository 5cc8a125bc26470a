/** Keeps credentials out of everything the client reports: URLs, errmsgs, body snippets, error messages. */

export const MASK = '***'

/** Query / JSON field names whose values are credentials. */
const CREDENTIAL_FIELDS = ['secret', 'appsecret', 'access_token', 'refresh_token']
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
 */
export function redactText(text: string, known: readonly string[] = []): string {
  let out = text
  for (const value of known) {
    if (value.length < MIN_KNOWN_LENGTH) continue
    // As sent, and as it looks inside a URL (both percent-encoding flavours) or a JSON string.
    const forms = new Set([
      value,
      encodeURIComponent(value),
      new URLSearchParams({ v: value }).toString().slice(2),
      JSON.stringify(value).slice(1, -1)
    ])
    for (const form of forms) out = out.split(form).join(MASK)
  }
  return out
    .replace(QUERY_VALUE, `$1${MASK}`)
    .replace(JSON_VALUE, `$1${MASK}`)
    .replace(TOKEN_SHAPE, MASK)
    .replace(SECRET_SHAPE, MASK)
}
