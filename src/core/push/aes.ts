import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { text, type Localized } from '../../shared/result'

/** The AES key and IV an EncodingAESKey stands for (wechat-api.md §10.3). */
export interface AesKey {
  key: Buffer
  iv: Buffer
}

/** WeChat pads to a multiple of 32 bytes, not AES's 16 (its PKCS#7 variant). */
const PAD_BLOCK = 32
const RANDOM_BYTES = 16
const LENGTH_BYTES = 4
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export type RandomBytes = (size: number) => Buffer

/** Why `value` is not an EncodingAESKey (43 letters and digits), or null when it is one. */
export function checkEncodingAesKey(value: string): Localized | null {
  if (value.length === 0) return text('EncodingAESKey is required', '请填写 EncodingAESKey')
  if (value.length !== 43) {
    return text(
      `EncodingAESKey is 43 characters; this one has ${value.length}`,
      `EncodingAESKey 为 43 个字符；当前为 ${value.length} 个`
    )
  }
  const bad = /[^A-Za-z0-9]/.exec(value)
  if (bad) {
    return text(
      `EncodingAESKey: character ${bad.index + 1} "${bad[0]}" is not a letter or digit`,
      `EncodingAESKey：第 ${bad.index + 1} 个字符“${bad[0]}”不是字母或数字`
    )
  }
  return null
}

/** `AESKey = Base64_Decode(EncodingAESKey + "=")`; IV = its first 16 bytes. Call after checkEncodingAesKey. */
export function aesKeyOf(encodingAesKey: string): AesKey {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (key.length !== 32) throw new RangeError('EncodingAESKey must decode to 32 bytes')
  return { key, iv: key.subarray(0, 16) }
}

/** Unbiased picks from `alphabet` (rejection sampling over random bytes). */
function randomFrom(alphabet: string, length: number, random: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    for (const byte of random(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** A fresh EncodingAESKey, as the platform's 随机生成 button makes one. */
export function generateEncodingAesKey(random: RandomBytes = randomBytes): string {
  return randomFrom(ALPHANUMERIC, 43, random)
}

/** The 16-byte random prefix WeChat's own library uses: letters and digits. */
export function randomPrefix(random: RandomBytes = randomBytes): Buffer {
  return Buffer.from(randomFrom(ALPHANUMERIC, RANDOM_BYTES, random), 'latin1')
}

/** `Base64(AES-256-CBC(random(16) + len(4, big-endian) + msg + appid, padded to 32))`. */
export function encryptPayload(key: AesKey, message: string, appId: string, random: Buffer): string {
  if (random.length !== RANDOM_BYTES) throw new RangeError('the random prefix is 16 bytes')
  const msg = Buffer.from(message, 'utf8')
  const length = Buffer.alloc(LENGTH_BYTES)
  length.writeUInt32BE(msg.length, 0)
  const plain = Buffer.concat([random, length, msg, Buffer.from(appId, 'utf8')])
  const pad = PAD_BLOCK - (plain.length % PAD_BLOCK)
  const cipher = createCipheriv('aes-256-cbc', key.key, key.iv)
  cipher.setAutoPadding(false)
  return Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final()
  ]).toString('base64')
}

export type Decrypted =
  { ok: true; message: string; appId: string; random: Buffer } | { ok: false; reason: Localized }

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** Reverses encryptPayload, saying which layer failed when it cannot. */
export function decryptPayload(key: AesKey, encrypt: string): Decrypted {
  if (!BASE64.test(encrypt) || encrypt.length % 4 !== 0) {
    return {
      ok: false,
      reason: text('Encrypt is not Base64', 'Encrypt 不是 Base64 编码')
    }
  }
  const cipherText = Buffer.from(encrypt, 'base64')
  if (cipherText.length === 0 || cipherText.length % 16 !== 0) {
    return {
      ok: false,
      reason: text(
        `Encrypt decodes to ${cipherText.length} bytes, not whole AES blocks (a multiple of 16)`,
        `Encrypt 解码后为 ${cipherText.length} 字节，不是整数个 AES 分组（16 的倍数）`
      )
    }
  }
  const decipher = createDecipheriv('aes-256-cbc', key.key, key.iv)
  decipher.setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(cipherText), decipher.final()])
  const pad = plain[plain.length - 1] ?? 0
  const wrongKey = text(
    'it does not decrypt with this EncodingAESKey (the padding is wrong): the other side uses another key',
    '无法用此 EncodingAESKey 解密（填充错误）：对方使用了另一个密钥'
  )
  if (pad < 1 || pad > PAD_BLOCK || pad > plain.length) return { ok: false, reason: wrongKey }
  const body = plain.subarray(0, plain.length - pad)
  if (body.length < RANDOM_BYTES + LENGTH_BYTES) return { ok: false, reason: wrongKey }
  const length = body.readUInt32BE(RANDOM_BYTES)
  const start = RANDOM_BYTES + LENGTH_BYTES
  if (start + length > body.length) {
    return {
      ok: false,
      reason: text(
        `the decrypted length field (${length}) runs past the data: wrong key or a broken layout`,
        `解密得到的长度字段（${length}）超出数据范围：密钥不对或格式错误`
      )
    }
  }
  return {
    ok: true,
    random: body.subarray(0, RANDOM_BYTES),
    message: body.subarray(start, start + length).toString('utf8'),
    appId: body.subarray(start + length).toString('utf8')
  }
}
