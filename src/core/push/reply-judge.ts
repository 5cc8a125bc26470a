import type {
  DecodedReply,
  Finding,
  MessageFacts,
  PhoneView,
  PushAttempt,
  PushVerdict,
  SignedRequest
} from '../../shared/contract'
import { text, type Localized } from '../../shared/result'
import type { PushTarget } from './push-target'
import { parseReply } from './reply-document'
import { unwrapReply } from './reply-envelope'
import { judgeReplyDoc } from './reply-rules'
import { signedWith } from './signature'
import {
  ENCRYPTION_WORDS,
  note,
  quote,
  refusal,
  SERVICE_UNAVAILABLE,
  REFUSAL_WORDS,
  SIGNATURE_WORDS,
  sortFindings,
  warning
} from './verdict'

export interface PushJudgeContext {
  target: PushTarget
  request: SignedRequest
  /** The push as sent, read back; null when its body was not a readable message. */
  incoming: MessageFacts | null
  now: number
  timeoutMs: number
  /** Deliveries allowed: 1, or 3 when WeChat's retries were asked for. */
  deliveries: number
}

function noAnswer(attempts: readonly PushAttempt[], context: PushJudgeContext): Finding[] {
  const seconds = context.timeoutMs / 1000
  const last = attempts[attempts.length - 1]
  const why =
    last?.outcome.kind === 'network'
      ? { en: `No answer (${last.outcome.message})`, zh: `没有响应（${last.outcome.message}）` }
      : { en: `No answer within ${seconds} s`, zh: `${seconds} 秒内没有响应` }
  const findings = [
    attempts.length > 1
      ? refusal(
          'no-answer',
          `${why.en} to any of the ${attempts.length} deliveries; WeChat gives up.`,
          `${attempts.length} 次推送均${why.zh}；微信放弃。`
        )
      : refusal('no-answer', `${why.en}.`, `${why.zh}。`)
  ]
  if (context.deliveries === 1) {
    findings.push(
      note(
        'retries-off',
        'WeChat would deliver the same message twice more; turn on retries to see whether your handler dedupes them. If the work takes longer, answer success at once and reply later through the customer-service API.',
        '微信还会再推送同一条消息两次；打开重试可检查处理程序是否去重。若处理耗时较长，请先立即回复 success，再通过客服消息接口回复。'
      )
    )
  }
  return findings
}

function dedupeKey(incoming: MessageFacts | null): Localized {
  if (incoming?.msgId) return text(`MsgId ${incoming.msgId}`, `MsgId ${incoming.msgId}`)
  return text(
    `FromUserName + CreateTime (${incoming?.fromUserName ?? '?'} + ${incoming?.createTime ?? '?'})`,
    `FromUserName + CreateTime（${incoming?.fromUserName ?? '?'} + ${incoming?.createTime ?? '?'}）`
  )
}

function statusFindings(
  status: number,
  body: string,
  headers: Record<string, string>,
  context: PushJudgeContext
): Finding {
  if (status >= 300 && status < 400) {
    const location = headers['location'] ?? ''
    return refusal(
      'redirect',
      `HTTP ${status} redirect${location === '' ? '' : ` to ${location}`}: WeChat does not follow redirects.`,
      `HTTP ${status} 重定向${location === '' ? '' : `到 ${location}`}：微信不跟随重定向。`
    )
  }
  const encrypted = context.target.mode !== 'plain'
  if (!encrypted && ENCRYPTION_WORDS.test(body)) {
    return refusal(
      'wrong-mode',
      `HTTP ${status} ${quote(body)}: your server expects an encrypted push, but this one was sent in plain mode. Set both sides to the same mode.`,
      `HTTP ${status} ${quote(body)}：服务器在等加密推送，但本次推送是明文模式。请让两端使用同一模式。`
    )
  }
  const signatureRefused = (): Finding => {
    const signed = signedWith(context.request.msgSignature ?? context.request.signature)
    const which = context.request.msgSignature ? 'msg_signature' : 'signature'
    return refusal(
      'signature-refused',
      `Your server refused the ${which} (HTTP ${status}${body === '' ? '' : `: ${quote(body)}`}): it most likely checks it with another Token. ${signed.en}`,
      `服务器拒绝了 ${which}（HTTP ${status}${body === '' ? '' : `：${quote(body)}`}）：很可能它用另一个 Token 校验。${signed.zh}`
    )
  }
  if (SIGNATURE_WORDS.test(body)) return signatureRefused()
  if (encrypted && ENCRYPTION_WORDS.test(body)) {
    return refusal(
      'cannot-open',
      `HTTP ${status} ${quote(body)}: your server could not open the encrypted push. Check that it uses this EncodingAESKey and AppID.`,
      `HTTP ${status} ${quote(body)}：服务器无法解开加密推送。请检查它使用的 EncodingAESKey 和 AppID 是否一致。`
    )
  }
  if (status === 401 || status === 403 || REFUSAL_WORDS.test(body)) return signatureRefused()
  return refusal(
    'http-status',
    `HTTP ${status}${body === '' ? '' : `: ${quote(body)}`}: WeChat takes only 200.`,
    `HTTP ${status}${body === '' ? '' : `：${quote(body)}`}：微信只接受 200。`
  )
}

/** The reply, opened and read; `findings` says what WeChat thinks of it. */
function readReply(
  body: string,
  context: PushJudgeContext
): { findings: Finding[]; phone: PhoneView; reply: DecodedReply | null } {
  const { target } = context
  const parsed = parseReply(body, target.format)
  if (!parsed.ok) return { findings: [parsed.finding], phone: { kind: 'nothing' }, reply: null }
  const findings: Finding[] = []
  let doc = parsed.doc
  let plaintext = body
  const encrypted = doc.text('Encrypt') !== undefined
  if (encrypted) {
    const opened = unwrapReply(doc, target)
    findings.push(...opened.findings)
    if (!opened.ok) return { findings, phone: { kind: 'nothing' }, reply: null }
    const inner = parseReply(opened.plaintext, target.format)
    if (!inner.ok) {
      return {
        findings: [...findings, inner.finding],
        phone: { kind: 'nothing' },
        reply: { encrypted, plaintext: opened.plaintext, msgType: null, fields: {} }
      }
    }
    doc = inner.doc
    plaintext = opened.plaintext
  } else if (target.mode === 'safe') {
    findings.push(
      refusal(
        'plain-in-safe-mode',
        'The reply is not encrypted, but the account is in safe mode: WeChat expects <Encrypt>, <MsgSignature>, <TimeStamp> and <Nonce>. (Compatible mode accepts both.)',
        '回复没有加密，但账号处于安全模式：微信需要 <Encrypt>、<MsgSignature>、<TimeStamp> 和 <Nonce>。（兼容模式两者都接受。）'
      )
    )
  }
  const judged = judgeReplyDoc(doc, {
    account: target.account,
    openid: context.incoming?.fromUserName ?? target.openid,
    accountId: context.incoming?.toUserName ?? target.accountId,
    incoming: context.incoming,
    now: context.now
  })
  return {
    findings: [...findings, ...judged.findings],
    phone: judged.phone,
    reply: { encrypted, plaintext, msgType: judged.msgType, fields: doc.value() }
  }
}

const MEDIA_ZH = { image: '图片', voice: '语音', video: '视频', music: '音乐' } as const

function acceptedSummary(phone: PhoneView, acknowledged: string | null): Localized {
  if (acknowledged !== null) {
    return text(
      `Acknowledged (${acknowledged}): WeChat stops retrying and the user sees no reply.`,
      `已确认收到（${acknowledged}）：微信不再重试，用户看不到回复。`
    )
  }
  switch (phone.kind) {
    case 'text':
      return text(
        `Accepted: the user sees the text ${quote(phone.text)}.`,
        `通过：用户看到文本 ${quote(phone.text)}。`
      )
    case 'news':
      return text(
        `Accepted: the user sees ${phone.articles.length} news card(s).`,
        `通过：用户看到 ${phone.articles.length} 张图文卡片。`
      )
    case 'customer-service':
      return text(
        'Accepted: WeChat hands the conversation to customer service; the user sees no reply now.',
        '通过：微信把会话转给客服；用户此刻看不到回复。'
      )
    case 'nothing':
    case 'service-unavailable':
      return text(
        'Accepted: WeChat takes the reply; the user sees nothing.',
        '通过：微信接受回复；用户看不到内容。'
      )
    default:
      return text(
        `Accepted: the user sees the ${phone.kind} reply.`,
        `通过：用户看到${MEDIA_ZH[phone.kind]}回复。`
      )
  }
}

/** Judges the answer to a push as WeChat does: it fails only for what makes WeChat refuse the answer. */
export function judgePush(attempts: readonly PushAttempt[], context: PushJudgeContext): PushVerdict {
  const unavailable = SERVICE_UNAVAILABLE[context.target.account]
  const answered = attempts.find((attempt) => attempt.outcome.kind === 'answer')
  const findings: Finding[] = []
  let phone: PhoneView = { kind: 'nothing' }
  let reply: DecodedReply | null = null
  let acknowledged: string | null = null
  if (answered === undefined || answered.outcome.kind !== 'answer') {
    findings.push(...noAnswer(attempts, context))
  } else {
    if (answered.delivery > 1) {
      const key = dedupeKey(context.incoming)
      findings.push(
        note(
          'answered-on-retry',
          `Delivery ${answered.delivery} answered after ${answered.delivery - 1} got none in time: WeChat takes this answer, and your handler saw the same push ${answered.delivery} times. It should dedupe by ${key.en}.`,
          `第 ${answered.delivery} 次推送才得到及时响应：微信采用此响应，而处理程序收到了同一推送 ${answered.delivery} 次。应按 ${key['zh-CN']} 去重。`
        )
      )
    }
    const { status, body, headers, truncated } = answered.outcome
    if (status < 200 || status >= 300) {
      findings.push(statusFindings(status, body, headers, context))
    } else if (truncated) {
      findings.push(
        refusal(
          'reply-too-large',
          'The reply is far larger than any passive reply.',
          '回复远大于任何被动回复。'
        )
      )
    } else if (body === '' || body === 'success') {
      acknowledged = body === '' ? 'an empty body' : 'success'
    } else if (body.trim() === '' || body.trim() === 'success') {
      acknowledged = body.trim() === '' ? 'white space' : 'success'
      findings.push(
        warning(
          'acknowledgement-whitespace',
          `The body is ${quote(body)}: the documented answers are exactly "success" or an empty body.`,
          `响应为 ${quote(body)}：文档规定的是恰好 “success” 或空字符串。`
        )
      )
    } else if (body.trim().toLowerCase() === 'success') {
      findings.push(
        refusal(
          'success-case',
          `The body is ${quote(body)}: WeChat recognises only the lower-case "success".`,
          `响应为 ${quote(body)}：微信只认小写的 “success”。`
        )
      )
    } else {
      const read = readReply(body, context)
      findings.push(...read.findings)
      phone = read.phone
      reply = read.reply
    }
  }
  const sorted = sortFindings(findings)
  const first = sorted[0]
  const accepted = first?.level !== 'refusal'
  if (!accepted && first !== undefined) {
    const event = context.incoming?.msgType === 'event' ? context.incoming.event : null
    phone = event === 'unsubscribe' ? { kind: 'nothing' } : { kind: 'service-unavailable', text: unavailable }
  }
  return {
    accepted,
    summary:
      accepted || first === undefined
        ? acceptedSummary(phone, acknowledged)
        : phone.kind === 'service-unavailable'
          ? text(
              `The user sees “${phone.text}”: ${first.message.en}`,
              `用户看到“${phone.text}”：${first.message['zh-CN']}`
            )
          : text(
              `WeChat refuses the answer: ${first.message.en}`,
              `微信拒绝此响应：${first.message['zh-CN']}`
            ),
    findings: sorted,
    phone,
    judgedDelivery: answered?.delivery ?? null,
    reply
  }
}
