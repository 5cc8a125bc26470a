import type { Finding } from '../../shared/contract'
import { aesKeyOf, decryptPayload } from './aes'
import type { PushTarget } from './push-target'
import type { ReplyDoc } from './reply-document'
import { messageSignature } from './signature'
import { refusal, warning } from './verdict'

export type Unwrapped =
  { ok: true; plaintext: string; findings: Finding[] } | { ok: false; findings: Finding[] }

/** Milliseconds since 1970 pass 10^12 in 2001; seconds will not before the year 33658. */
export const looksLikeMilliseconds = (value: string): boolean => /^\d{13,}$/.test(value)

/**
 * Opens an encrypted reply (`Encrypt`, `MsgSignature`, `TimeStamp`, `Nonce`) the way WeChat does: it
 * checks the 4-part signature with the Token, decrypts with the EncodingAESKey and checks the AppID at the
 * end of the plaintext. Only compatible and safe mode expect one.
 */
export function unwrapReply(doc: ReplyDoc, target: PushTarget): Unwrapped {
  const encrypt = doc.text('Encrypt') ?? ''
  if (target.mode === 'plain' || target.encodingAesKey === null || target.appId === null) {
    return {
      ok: false,
      findings: [
        refusal(
          'encrypted-in-plain-mode',
          'The reply is encrypted, but this push was sent in plain mode: WeChat does not decrypt it. Your server is configured for safe or compatible mode; set both sides to the same mode.',
          '回复是加密的，但本次推送使用明文模式：微信不会解密它。服务器配置的是安全或兼容模式；请让两端使用同一模式。'
        )
      ]
    }
  }
  const missing = ['MsgSignature', 'TimeStamp', 'Nonce'].filter((name) => (doc.text(name) ?? '') === '')
  if (encrypt === '') missing.unshift('Encrypt')
  if (missing.length > 0) {
    return {
      ok: false,
      findings: [
        refusal(
          'envelope-incomplete',
          `The encrypted reply lacks ${missing.join(', ')}: WeChat needs Encrypt, MsgSignature, TimeStamp and Nonce to check and open it.`,
          `加密回复缺少 ${missing.join('、')}：微信需要 Encrypt、MsgSignature、TimeStamp 和 Nonce 才能校验并解密。`
        )
      ]
    }
  }
  const findings: Finding[] = []
  const timestamp = doc.text('TimeStamp') ?? ''
  const nonce = doc.text('Nonce') ?? ''
  const got = doc.text('MsgSignature') ?? ''
  const expected = messageSignature(target.token, timestamp, nonce, encrypt)
  if (got !== expected.signature) {
    findings.push(
      refusal(
        'reply-signature-mismatch',
        `The reply's MsgSignature ${got} is not sha1(sort(Token, TimeStamp, Nonce, Encrypt)) = ${expected.signature} (sorted string "${expected.joined}", Token masked): your server signs with another Token or other parts.`,
        `回复的 MsgSignature ${got} 不等于 sha1(sort(Token, TimeStamp, Nonce, Encrypt)) = ${expected.signature}（排序字符串“${expected.joined}”，Token 已打码）：服务器用了另一个 Token 或其他参数签名。`
      )
    )
    return { ok: false, findings }
  }
  if (looksLikeMilliseconds(timestamp)) {
    findings.push(
      warning(
        'timestamp-milliseconds',
        `TimeStamp ${timestamp} is in milliseconds; the documentation uses seconds. WeChat accepts it (the signature covers whatever was sent).`,
        `TimeStamp ${timestamp} 是毫秒；文档使用秒。微信可以接受（签名覆盖实际发送的值）。`
      )
    )
  }
  const opened = decryptPayload(aesKeyOf(target.encodingAesKey), encrypt)
  if (!opened.ok) {
    findings.push(
      refusal(
        'reply-decrypt-failed',
        `WeChat cannot decrypt the reply: ${opened.reason.en}.`,
        `微信无法解密回复：${opened.reason['zh-CN']}。`
      )
    )
    return { ok: false, findings }
  }
  if (opened.appId !== target.appId) {
    findings.push(
      refusal(
        'reply-appid-mismatch',
        `The decrypted reply ends with the AppID ${JSON.stringify(opened.appId)}, not ${target.appId}: WeChat refuses a message encrypted for another account.`,
        `解密后的回复末尾 AppID 为 ${JSON.stringify(opened.appId)}，不是 ${target.appId}：微信拒绝为其他账号加密的消息。`
      )
    )
    return { ok: false, findings }
  }
  return { ok: true, plaintext: opened.message, findings }
}
