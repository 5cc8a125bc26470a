import { createHash, randomInt } from 'node:crypto'

/** What wx.config is signed over (wechat-api.md §5.2). */
export interface JsapiSignatureInput {
  ticket: string
  nonceStr: string
  /** Unix seconds, as a string exactly as the page passes it to wx.config. */
  timestamp: string
  /** The page's URL without `#` and what follows. */
  url: string
}

export interface JsapiSignature {
  /** `jsapi_ticket=…&noncestr=…&timestamp=…&url=…`: the four fields sorted by name, values as they are. */
  signed: string
  /** Lower-case hex SHA-1 of `signed`. */
  signature: string
}

/**
 * The JS-SDK signature: the fields `noncestr, jsapi_ticket, timestamp, url` sorted by name (ASCII), joined
 * as `k=v&k=v` with no escaping of the values, then SHA-1 in lower-case hex.
 */
export function jsapiSignature(input: JsapiSignatureInput): JsapiSignature {
  const signed = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${input.url}`
  return { signed, signature: createHash('sha1').update(signed, 'utf8').digest('hex') }
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

const SPAN = 0x1_0000_0000
const cryptoUnit = (): number => randomInt(SPAN) / SPAN

/** A fresh nonceStr (16 letters and digits) from `random` (0 ≤ n < 1; a CSPRNG by default). */
export function newNonceStr(random: () => number = cryptoUnit): string {
  let out = ''
  for (let i = 0; i < 16; i++) out += NONCE_ALPHABET[Math.floor(random() * NONCE_ALPHABET.length)] ?? 'A'
  return out
}

/**
 * The signed string as a person may see it: the ticket at its head replaced by `shown` (a mask), the rest as
 * signed. The signature is the real one.
 */
export function withTicketShown(signed: JsapiSignature, ticket: string, shown: string): JsapiSignature {
  const head = `jsapi_ticket=${ticket}&`
  return signed.signed.startsWith(head)
    ? { ...signed, signed: `jsapi_ticket=${shown}&${signed.signed.slice(head.length)}` }
    : signed
}
