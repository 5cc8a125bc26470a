import { describe, expect, it } from 'vitest'
import {
  aesKeyOf,
  checkPushTarget,
  DEFAULT_ACCOUNT_ID as ACCOUNT,
  DEFAULT_OPENID as OPENID,
  encryptPayload,
  judgePush,
  messageSignature,
  readMessageFacts,
  signPush,
  type PushAttempt,
  type PushJudgeContext,
  type PushTargetInput,
  type PushVerdict
} from '../../../../src/core/push'

const NOW = Date.UTC(2026, 10, 22, 2, 0, 0)
const SECONDS = String(NOW / 1000)
const AES = { encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wxb11529c136998cb6' }
const entropy = { now: () => NOW, random: (n: number) => Buffer.alloc(n, 7) }

const incomingOf = (msgType: string, event = ''): string =>
  `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${OPENID}]]></FromUserName>` +
  `<CreateTime>${SECONDS}</CreateTime><MsgType><![CDATA[${msgType}]]></MsgType>` +
  (event === '' ? '<MsgId>4611686018427387905</MsgId>' : `<Event><![CDATA[${event}]]></Event>`) +
  '</xml>'

function context(
  input: Partial<PushTargetInput> = {},
  incoming = incomingOf('text'),
  deliveries = 1
): PushJudgeContext {
  const checked = checkPushTarget({ url: 'http://127.0.0.1:8080/wechat', token: 'pamtest', ...input })
  if (!checked.ok) throw new Error('target')
  const target = checked.value
  return {
    target,
    request: signPush(target, incoming, entropy),
    incoming: readMessageFacts(incoming, target.format),
    now: NOW,
    timeoutMs: 5_000,
    deliveries
  }
}

const answered = (body: string, status = 200, headers: Record<string, string> = {}): PushAttempt => ({
  delivery: 1,
  startedAt: NOW,
  durationMs: 4,
  outcome: { kind: 'answer', status, headers, body, truncated: false }
})

/** A reply with the right addressing and `inner` after it. */
const reply = (inner: string, head = { to: OPENID, from: ACCOUNT, time: SECONDS }): string =>
  `<xml><ToUserName><![CDATA[${head.to}]]></ToUserName><FromUserName><![CDATA[${head.from}]]></FromUserName>` +
  `<CreateTime>${head.time}</CreateTime>${inner}</xml>`

const TEXT = '<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content>'

const judge = (body: string, ctx = context()): PushVerdict => judgePush([answered(body)], ctx)
const codes = (verdict: PushVerdict): string[] => verdict.findings.map((f) => `${f.level}:${f.code}`)

/** An encrypted reply envelope around `plaintext`, as a safe-mode server writes it. */
function sealed(
  plaintext: string,
  options: { appId?: string; token?: string; timestamp?: string } = {}
): string {
  const encrypt = encryptPayload(
    aesKeyOf(AES.encodingAesKey),
    plaintext,
    options.appId ?? AES.appId,
    Buffer.alloc(16, 3)
  )
  const timestamp = options.timestamp ?? SECONDS
  const signature = messageSignature(options.token ?? 'pamtest', timestamp, '123456', encrypt).signature
  return `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce><![CDATA[123456]]></Nonce></xml>`
}

describe('acknowledgements', () => {
  it('takes an empty body or "success" as acknowledged: no retry, nothing shown', () => {
    for (const body of ['', 'success']) {
      expect(judge(body)).toMatchObject({
        accepted: true,
        phone: { kind: 'nothing' },
        findings: [],
        reply: null
      })
    }
  })

  it('accepts "success" with white space around it, with a warning', () => {
    expect(codes(judge('success\n'))).toEqual(['warning:acknowledgement-whitespace'])
  })

  it('refuses "SUCCESS": only the lower-case word acknowledges', () => {
    const verdict = judge('SUCCESS')
    expect(verdict.accepted).toBe(false)
    expect(codes(verdict)).toEqual(['refusal:success-case'])
    expect(verdict.phone).toEqual({
      kind: 'service-unavailable',
      text: '该公众号暂时无法提供服务，请稍后再试'
    })
  })
})

describe('what WeChat refuses before reading a reply', () => {
  it('refuses non-200 answers, redirects and oversized bodies', () => {
    expect(codes(judgePush([answered('oops', 500)], context()))).toEqual(['refusal:http-status'])
    expect(codes(judgePush([answered('', 302, { location: 'https://x/' })], context()))).toEqual([
      'refusal:redirect'
    ])
    expect(codes(judgePush([answered('', 401)], context()))).toEqual(['refusal:signature-refused'])
    const big: PushAttempt = {
      ...answered('x'),
      outcome: { kind: 'answer', status: 200, headers: {}, body: 'x', truncated: true }
    }
    expect(codes(judgePush([big], context()))).toEqual(['refusal:reply-too-large'])
  })

  it('refuses JSON, HTML and broken XML in an XML account', () => {
    expect(codes(judge('{"reply":"hi"}'))).toEqual(['refusal:json-instead'])
    expect(codes(judge('<!DOCTYPE html><html></html>'))).toEqual(['refusal:html-instead'])
    expect(codes(judge('<xml><Content>hi</xml>'))).toEqual(['refusal:malformed-xml'])
    expect(codes(judge('<reply></reply>'))).toEqual(['refusal:root-not-xml'])
    expect(codes(judge(`<!DOCTYPE xml [<!ENTITY x "y">]>${reply(TEXT)}`))).toEqual(['refusal:malformed-xml'])
  })

  it('says when nothing answered, and whether WeChat would have retried', () => {
    const timeout: PushAttempt = {
      delivery: 1,
      startedAt: NOW,
      durationMs: 5000,
      outcome: { kind: 'timeout' }
    }
    expect(codes(judgePush([timeout], context()))).toEqual(['refusal:no-answer', 'note:retries-off'])
    const three = [1, 2, 3].map((delivery) => ({ ...timeout, delivery }))
    const verdict = judgePush(three, context({}, incomingOf('text'), 3))
    expect(codes(verdict)).toEqual(['refusal:no-answer'])
    expect(verdict.summary.en).toContain('any of the 3 deliveries')
  })
})

describe('the fields of a plain reply', () => {
  it('shows a text reply', () => {
    expect(judge(reply(TEXT))).toMatchObject({
      accepted: true,
      findings: [],
      phone: { kind: 'text', text: 'hello' },
      reply: { encrypted: false, msgType: 'text', fields: { Content: 'hello' } }
    })
  })

  it('refuses a reply addressed to anyone but the user, or from anyone but the account', () => {
    const swapped = judge(reply(TEXT, { to: ACCOUNT, from: OPENID, time: SECONDS }))
    expect(codes(swapped)).toEqual(['refusal:to-user-mismatch', 'refusal:from-user-mismatch'])
    expect(swapped.findings[0]?.message.en).toContain('must be swapped')
    expect(codes(judge(`<xml>${TEXT}</xml>`))).toEqual([
      'refusal:tousername-missing',
      'refusal:fromusername-missing',
      'refusal:createtime-missing'
    ])
  })

  it('warns about CreateTime in milliseconds or far from now, and refuses one that is not a number', () => {
    expect(codes(judge(reply(TEXT, { to: OPENID, from: ACCOUNT, time: `${NOW}` })))).toEqual([
      'warning:create-time-milliseconds'
    ])
    expect(codes(judge(reply(TEXT, { to: OPENID, from: ACCOUNT, time: '1' })))).toEqual([
      'warning:create-time-far'
    ])
    expect(codes(judge(reply(TEXT, { to: OPENID, from: ACCOUNT, time: 'now' })))).toEqual([
      'refusal:create-time-not-integer'
    ])
  })

  it('refuses a missing MsgType, pointing at a mis-cased element, and unknown types', () => {
    const miscased = judge(reply('<Msgtype><![CDATA[text]]></Msgtype>'))
    expect(codes(miscased)).toEqual(['refusal:msgtype-missing'])
    expect(miscased.findings[0]?.message.en).toContain('<Msgtype>')
    expect(codes(judge(reply('<MsgType><![CDATA[miniprogrampage]]></MsgType>')))).toEqual([
      'refusal:msg-type-unknown'
    ])
  })

  it('needs Content for text; empty Content shows nothing', () => {
    expect(codes(judge(reply('<MsgType><![CDATA[text]]></MsgType>')))).toEqual(['refusal:content-missing'])
    const empty = judge(reply('<MsgType><![CDATA[text]]></MsgType><Content></Content>'))
    expect(empty).toMatchObject({ accepted: true, phone: { kind: 'nothing' } })
    expect(codes(empty)).toEqual(['warning:content-empty'])
  })

  it('needs the MediaId of image, voice and video replies', () => {
    expect(judge(reply('<MsgType>image</MsgType><Image><MediaId>m1</MediaId></Image>')).phone).toEqual({
      kind: 'image',
      mediaId: 'm1'
    })
    expect(codes(judge(reply('<MsgType>image</MsgType><MediaId>m1</MediaId>')))).toEqual([
      'refusal:image-missing'
    ])
    expect(codes(judge(reply('<MsgType>voice</MsgType><Voice><MediaId/></Voice>')))).toEqual([
      'refusal:mediaid-empty'
    ])
    expect(codes(judge(reply('<MsgType>video</MsgType><Video><Title>t</Title></Video>')))).toEqual([
      'refusal:mediaid-missing'
    ])
  })

  it('needs the ThumbMediaId of a music reply, and nothing else', () => {
    expect(codes(judge(reply('<MsgType>music</MsgType><Music><Title>t</Title></Music>')))).toEqual([
      'refusal:thumbmediaid-missing'
    ])
    expect(
      judge(reply('<MsgType>music</MsgType><Music><ThumbMediaId>t1</ThumbMediaId></Music>')).accepted
    ).toBe(true)
    expect(codes(judge(reply('<MsgType>music</MsgType>')))).toEqual(['refusal:music-missing'])
  })

  const articles = (n: number): string =>
    `<ArticleCount>${n}</ArticleCount><Articles>${Array.from(
      { length: n },
      (_, i) => `<item><Title>t${i}</Title><Description>d</Description><PicUrl>p</PicUrl><Url>u</Url></item>`
    ).join('')}</Articles>`

  it('shows one news article in reply to a user message and up to eight after an event', () => {
    const toText = judge(reply(`<MsgType>news</MsgType>${articles(3)}`))
    expect(toText.accepted).toBe(true)
    expect(codes(toText)).toEqual(['warning:news-over-limit'])
    expect(toText.phone).toMatchObject({ kind: 'news', dropped: 2 })
    const toEvent = judge(
      reply(`<MsgType>news</MsgType>${articles(8)}`),
      context({}, incomingOf('event', 'CLICK'))
    )
    expect(toEvent).toMatchObject({ accepted: true, findings: [], phone: { kind: 'news', dropped: 0 } })
    const nine = judge(
      reply(`<MsgType>news</MsgType>${articles(9)}`),
      context({}, incomingOf('event', 'subscribe'))
    )
    expect(nine.phone).toMatchObject({ kind: 'news', dropped: 1 })
  })

  it('refuses news without items, and warns when ArticleCount disagrees', () => {
    expect(codes(judge(reply('<MsgType>news</MsgType><ArticleCount>1</ArticleCount><Articles/>')))).toEqual([
      'refusal:news-empty'
    ])
    const mismatch = judge(
      reply(`<MsgType>news</MsgType>${articles(1).replace('<ArticleCount>1', '<ArticleCount>2')}`)
    )
    expect(codes(mismatch)).toEqual(['warning:article-count-mismatch'])
  })

  it('hands transfer_customer_service to the agents, with or without a KfAccount', () => {
    expect(judge(reply('<MsgType>transfer_customer_service</MsgType>')).phone).toEqual({
      kind: 'customer-service',
      kfAccount: null
    })
    expect(
      judge(
        reply('<MsgType>transfer_customer_service</MsgType><TransInfo><KfAccount>a@b</KfAccount></TransInfo>')
      ).phone
    ).toEqual({ kind: 'customer-service', kfAccount: 'a@b' })
  })

  it('notes that nobody sees a reply to unsubscribe', () => {
    const verdict = judge(reply(TEXT), context({}, incomingOf('event', 'unsubscribe')))
    expect(verdict).toMatchObject({ accepted: true, phone: { kind: 'nothing' } })
    expect(codes(verdict)).toEqual(['note:reply-not-shown'])
  })

  it('warns that a Mini Program documents only transfer_customer_service as a passive reply', () => {
    const verdict = judge(reply(TEXT), context({ account: 'mini-program' }))
    expect(verdict).toMatchObject({ accepted: true, phone: { kind: 'nothing' } })
    expect(codes(verdict)).toEqual(['warning:mini-program-passive-reply'])
  })
})

describe('encrypted replies', () => {
  const safe = (): PushJudgeContext => context({ mode: 'safe', ...AES })

  it('opens a safe-mode reply and judges what is inside', () => {
    const verdict = judge(sealed(reply(TEXT)), safe())
    expect(verdict).toMatchObject({
      accepted: true,
      phone: { kind: 'text', text: 'hello' },
      reply: { encrypted: true }
    })
  })

  it('refuses a plain reply in safe mode, and accepts one in compatible mode', () => {
    expect(codes(judge(reply(TEXT), safe()))).toEqual(['refusal:plain-in-safe-mode'])
    expect(judge(reply(TEXT), context({ mode: 'compat', ...AES })).accepted).toBe(true)
  })

  it('refuses an encrypted reply to a plain-mode push', () => {
    expect(codes(judge(sealed(reply(TEXT))))).toEqual(['refusal:encrypted-in-plain-mode'])
  })

  it('checks MsgSignature with the Token, showing the sorted string with the Token masked', () => {
    const verdict = judge(sealed(reply(TEXT), { token: 'otherToken' }), safe())
    expect(codes(verdict)).toEqual(['refusal:reply-signature-mismatch'])
    expect(verdict.summary.en).toContain('p•••••t')
  })

  it('refuses an envelope without its signature parts, one for another AppID, and one that does not open', () => {
    expect(codes(judge('<xml><Encrypt><![CDATA[abcd]]></Encrypt></xml>', safe()))).toEqual([
      'refusal:envelope-incomplete'
    ])
    expect(codes(judge(sealed(reply(TEXT), { appId: 'wx0123456789abcdef' }), safe()))).toEqual([
      'refusal:reply-appid-mismatch'
    ])
    const garbage = Buffer.alloc(32, 9).toString('base64')
    const signature = messageSignature('pamtest', SECONDS, 'n', garbage).signature
    const broken = `<xml><Encrypt>${garbage}</Encrypt><MsgSignature>${signature}</MsgSignature><TimeStamp>${SECONDS}</TimeStamp><Nonce>n</Nonce></xml>`
    expect(codes(judge(broken, safe()))).toEqual(['refusal:reply-decrypt-failed'])
  })

  it('warns about a TimeStamp in milliseconds', () => {
    expect(codes(judge(sealed(reply(TEXT), { timestamp: String(NOW) }), safe()))).toEqual([
      'warning:timestamp-milliseconds'
    ])
  })

  it('reads encrypted JSON replies of a Mini Program in JSON format', () => {
    const ctx = context(
      { mode: 'safe', account: 'mini-program', format: 'json', ...AES },
      '{"ToUserName":"gh_d3e07d51b513","FromUserName":"o6_bmjrPTlm6_2sgVt7hMZOPfL2M","MsgType":"text","Content":"x","MsgId":1}'
    )
    const inner = JSON.stringify({
      ToUserName: OPENID,
      FromUserName: ACCOUNT,
      CreateTime: NOW / 1000,
      MsgType: 'transfer_customer_service'
    })
    const encrypt = encryptPayload(aesKeyOf(AES.encodingAesKey), inner, AES.appId, Buffer.alloc(16, 3))
    const body = JSON.stringify({
      Encrypt: encrypt,
      MsgSignature: messageSignature('pamtest', SECONDS, 'n', encrypt).signature,
      TimeStamp: NOW / 1000,
      Nonce: 'n'
    })
    expect(judge(body, ctx)).toMatchObject({ accepted: true, phone: { kind: 'customer-service' } })
    expect(codes(judge('<xml/>', ctx))).toEqual(['refusal:xml-instead'])
  })
})
