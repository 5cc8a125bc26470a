import type { Finding, PushAttempt, PushMode, SignatureTrace, VerifyVerdict } from '../../shared/contract'
import { text } from '../../shared/result'
import { signedWith } from './signature'
import {
  looksLikeHtml,
  ENCRYPTION_WORDS,
  note,
  quote,
  refusal,
  REFUSAL_WORDS,
  SIGNATURE_WORDS,
  sortFindings,
  warning
} from './verdict'

export interface VerifyContext {
  echostr: string
  timestamp: string
  nonce: string
  signature: SignatureTrace
  mode: PushMode
  timeoutMs: number
}

const CIPHER_SHAPE = /^[A-Za-z0-9+/]{22,}={0,2}$/

function looksLikeJson(body: string): boolean {
  try {
    const value: unknown = JSON.parse(body)
    return typeof value === 'object' && value !== null
  } catch {
    return false
  }
}

function signatureRefused(context: VerifyContext, status: number, body: string): Finding {
  const signed = signedWith(context.signature)
  return refusal(
    'signature-refused',
    `Your server refused the signature (HTTP ${status}${body === '' ? ', empty body' : `: ${quote(body)}`}): it most likely checks it with another Token. ${signed.en}`,
    `服务器拒绝了签名（HTTP ${status}${body === '' ? '，空响应' : `：${quote(body)}`}）：很可能它用另一个 Token 校验。${signed.zh}`
  )
}

function wrongMode(context: VerifyContext, what: string, zhWhat: string): Finding {
  return refusal(
    'wrong-mode',
    `${what}: your server seems to expect an encrypted verification (msg_signature and an encrypted echostr, as WeCom does). WeChat verifies Official Account and Mini Program URLs with the same plain GET in every mode${context.mode === 'plain' ? '' : ` (including ${context.mode === 'safe' ? 'safe' : 'compatible'} mode)`}: answer the echostr as received.`,
    `${zhWhat}：服务器似乎在等加密的验证请求（msg_signature 和加密的 echostr，这是企业微信的做法）。公众号和小程序在任何模式下都用同样的明文 GET 验证${context.mode === 'plain' ? '' : `（${context.mode === 'safe' ? '安全' : '兼容'}模式也一样）`}：原样返回 echostr 即可。`
  )
}

/** Why a 2xx body is not exactly the echostr. */
function wrongBody(context: VerifyContext, status: number, body: string): Finding {
  const { echostr } = context
  if (body === `"${echostr}"` || body === `'${echostr}'`) {
    return refusal(
      'echostr-quoted',
      `The body is the echostr in quotes (${quote(body)}), e.g. from res.json(echostr): the platform wants the bare echostr, byte for byte.`,
      `响应是带引号的 echostr（${quote(body)}），例如 res.json(echostr) 的结果：平台要求原样返回 echostr，一字不差。`
    )
  }
  if (body.trim() === echostr) {
    const newline = /[\r\n]/.test(body)
    return refusal(
      newline ? 'echostr-newline' : 'echostr-whitespace',
      `The body is the echostr plus ${newline ? 'a line break' : 'white space'} (${quote(body)}): the platform compares byte for byte (println / echo add one).`,
      `响应是 echostr 加上${newline ? '换行' : '空白'}（${quote(body)}）：平台逐字节比较（println / echo 会加换行）。`
    )
  }
  if (body === '') {
    return signatureRefused(context, status, body)
  }
  if (looksLikeJson(body)) {
    return refusal(
      'json-instead',
      `The body is JSON (${quote(body)}), not the echostr: answer the echostr alone, as text.`,
      `响应是 JSON（${quote(body)}），不是 echostr：只返回 echostr 文本本身。`
    )
  }
  if (looksLikeHtml(body)) {
    return refusal(
      'html-instead',
      `The body is an HTML page (${quote(body)}): the URL reaches a web page or framework error page, not your handler's echostr.`,
      `响应是 HTML 页面（${quote(body)}）：该 URL 指向网页或框架错误页，而不是返回 echostr 的处理程序。`
    )
  }
  const echoed =
    body === context.signature.signature
      ? 'signature'
      : body === context.nonce
        ? 'nonce'
        : body === context.timestamp
          ? 'timestamp'
          : null
  if (echoed !== null) {
    return refusal(
      'wrong-parameter',
      `The body is the ${echoed} (${quote(body)}), not the echostr parameter.`,
      `响应是 ${echoed} 参数（${quote(body)}），而不是 echostr 参数。`
    )
  }
  if (CIPHER_SHAPE.test(body) && body.length % 4 === 0) {
    return wrongMode(
      context,
      `The body looks like ciphertext (${quote(body)})`,
      `响应看起来是密文（${quote(body)}）`
    )
  }
  if (SIGNATURE_WORDS.test(body) || REFUSAL_WORDS.test(body)) return signatureRefused(context, status, body)
  return refusal(
    'not-echostr',
    `The body (${quote(body)}) is not the echostr ${quote(echostr)}.`,
    `响应（${quote(body)}）不是 echostr ${quote(echostr)}。`
  )
}

/** Judges the answer to the verification GET as the platform does: success only for exactly the echostr. */
export function judgeVerification(attempt: PushAttempt, context: VerifyContext): VerifyVerdict {
  const findings: Finding[] = []
  const seconds = context.timeoutMs / 1000
  const { outcome } = attempt
  if (outcome.kind === 'timeout') {
    findings.push(
      refusal(
        'timeout',
        `No answer within ${seconds} s: the platform says “请求URL超时” and does not save the configuration.`,
        `${seconds} 秒内没有响应：平台提示“请求URL超时”，配置不会保存。`
      )
    )
  } else if (outcome.kind === 'network') {
    findings.push(
      refusal(
        'unreachable',
        `No answer: ${outcome.message}. The platform says “请求URL超时”.`,
        `没有响应：${outcome.message}。平台提示“请求URL超时”。`
      )
    )
  } else if (outcome.status >= 300 && outcome.status < 400) {
    const location = outcome.headers['location'] ?? ''
    findings.push(
      refusal(
        'redirect',
        `HTTP ${outcome.status} redirect${location === '' ? '' : ` to ${location}`}: WeChat does not follow redirects. Give the final URL (check http → https and trailing slashes).`,
        `HTTP ${outcome.status} 重定向${location === '' ? '' : `到 ${location}`}：微信不跟随重定向。请填写最终地址（检查 http → https 和末尾斜杠）。`
      )
    )
  } else if (outcome.status < 200 || outcome.status >= 300) {
    const { body } = outcome
    if (ENCRYPTION_WORDS.test(body)) {
      findings.push(
        wrongMode(context, `HTTP ${outcome.status} ${quote(body)}`, `HTTP ${outcome.status} ${quote(body)}`)
      )
    } else if (
      outcome.status === 401 ||
      outcome.status === 403 ||
      SIGNATURE_WORDS.test(body) ||
      REFUSAL_WORDS.test(body)
    ) {
      findings.push(signatureRefused(context, outcome.status, body))
    } else {
      findings.push(
        refusal(
          'http-status',
          `HTTP ${outcome.status}${body === '' ? '' : `: ${quote(body)}`}: the platform needs 200 with the echostr.`,
          `HTTP ${outcome.status}${body === '' ? '' : `：${quote(body)}`}：平台需要 200 和 echostr。`
        )
      )
    }
  } else if (outcome.body !== context.echostr) {
    findings.push(wrongBody(context, outcome.status, outcome.body))
  } else if (outcome.status !== 200) {
    findings.push(
      warning(
        'status-not-200',
        `Answered HTTP ${outcome.status} rather than 200; the echostr is right.`,
        `返回的是 HTTP ${outcome.status} 而不是 200；echostr 正确。`
      )
    )
  }
  if (context.mode !== 'plain' && findings.every((finding) => finding.level !== 'refusal')) {
    findings.push(
      note(
        'plain-verification',
        'The verification GET is plain in every mode (no encrypt_type): encryption starts with the message pushes.',
        '验证 GET 在任何模式下都是明文（没有 encrypt_type）：加密从消息推送开始。'
      )
    )
  }
  const sorted = sortFindings(findings)
  const first = sorted[0]
  const accepted = first?.level !== 'refusal'
  return {
    accepted,
    summary:
      accepted || first === undefined
        ? text(
            'Verified: your server answered the echostr; the platform would save this configuration.',
            '验证通过：服务器原样返回了 echostr，平台会保存此配置。'
          )
        : first.message,
    findings: sorted
  }
}
