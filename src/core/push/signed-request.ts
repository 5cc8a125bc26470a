import type { SignatureTrace, SignedRequest } from '../../shared/contract'
import { aesKeyOf, encryptPayload, randomPrefix, type RandomBytes } from './aes'
import { readMessageFacts, safeEnvelope, withEncrypt } from './message-body'
import type { PushTarget } from './push-target'
import { messageSignature, urlSignature } from './signature'

/** Where time and randomness come from, so tests can pin the vectors. */
export interface Entropy {
  now: () => number
  random: RandomBytes
}

/** Decimal digits, the shape of WeChat's nonces and echostrs. */
function digits(count: number, random: RandomBytes): string {
  let out = ''
  while (out.length < count) {
    for (const byte of random(count)) if (byte < 250 && out.length < count) out += String(byte % 10)
  }
  return out.startsWith('0') ? `1${out.slice(1)}` : out
}

function signedUrl(base: string, query: [string, string][]): string {
  const url = new URL(base)
  for (const [name, value] of query) url.searchParams.append(name, value)
  return url.href
}

/** 服务器配置's verification: `GET URL?signature&echostr&timestamp&nonce`, the same in every mode. */
export function signVerification(target: PushTarget, entropy: Entropy): SignedRequest {
  const timestamp = String(Math.floor(entropy.now() / 1000))
  const nonce = digits(10, entropy.random)
  const echostr = digits(19, entropy.random)
  const signature = urlSignature(target.token, timestamp, nonce)
  return {
    method: 'GET',
    url: signedUrl(target.url, [
      ['signature', signature.signature],
      ['echostr', echostr],
      ['timestamp', timestamp],
      ['nonce', nonce]
    ]),
    headers: {},
    body: null,
    plaintext: null,
    timestamp,
    nonce,
    echostr,
    signature,
    msgSignature: null
  }
}

/**
 * A message or event push of `plaintext` in the target's mode: plain sends it as is; compatible adds
 * `<Encrypt>` to the plaintext fields; safe sends only ToUserName and Encrypt. Both encrypted modes add
 * `encrypt_type=aes` and `msg_signature`; `signature` stays the 3-part one in every mode.
 */
export function signPush(target: PushTarget, plaintext: string, entropy: Entropy): SignedRequest {
  const timestamp = String(Math.floor(entropy.now() / 1000))
  const nonce = digits(10, entropy.random)
  const signature = urlSignature(target.token, timestamp, nonce)
  const query: [string, string][] = [
    ['signature', signature.signature],
    ['timestamp', timestamp],
    ['nonce', nonce],
    ['openid', target.openid]
  ]
  let body = plaintext
  let msgSignature: SignatureTrace | null = null
  if (target.mode !== 'plain' && target.encodingAesKey !== null && target.appId !== null) {
    const encrypt = encryptPayload(
      aesKeyOf(target.encodingAesKey),
      plaintext,
      target.appId,
      randomPrefix(entropy.random)
    )
    msgSignature = messageSignature(target.token, timestamp, nonce, encrypt)
    query.push(['encrypt_type', 'aes'], ['msg_signature', msgSignature.signature])
    const toUserName = readMessageFacts(plaintext, target.format)?.toUserName ?? target.accountId
    body =
      target.mode === 'compat'
        ? withEncrypt(plaintext, target.format, encrypt)
        : safeEnvelope(toUserName, encrypt, target.format)
  }
  return {
    method: 'POST',
    url: signedUrl(target.url, query),
    headers: { 'content-type': target.format === 'json' ? 'application/json' : 'text/xml' },
    body,
    plaintext,
    timestamp,
    nonce,
    echostr: null,
    signature,
    msgSignature
  }
}
