import type { Finding, MessageFacts, NewsArticle, PhoneView, PushAccount } from '../../shared/contract'
import type { ReplyDoc } from './reply-document'
import { looksLikeMilliseconds } from './reply-envelope'
import { note, refusal, warning } from './verdict'

export interface RuleContext {
  account: PushAccount
  /** The user who wrote: the reply's ToUserName. */
  openid: string
  /** The account's original id: the reply's FromUserName. */
  accountId: string
  /** The push being answered, when its body was readable. */
  incoming: MessageFacts | null
  now: number
}

export const PASSIVE_REPLY_TYPES = [
  'text',
  'image',
  'voice',
  'video',
  'music',
  'news',
  'transfer_customer_service'
] as const

/** Replying to these user messages allows one news article; every other case (events) allows eight. */
const ONE_ARTICLE_AFTER = new Set(['text', 'image', 'voice', 'video', 'news', 'location'])
const MAX_ARTICLES = 8
/** Pushes no chat answers: the user has left, or no user acted. */
const SILENT_EVENTS = new Set(['unsubscribe', 'TEMPLATESENDJOBFINISH'])

interface Judged {
  findings: Finding[]
  phone: PhoneView
}

/** A hint when an element is there under another casing: WeChat's names are case-sensitive. */
function casingHint(doc: ReplyDoc, name: string): { en: string; zh: string } {
  const other = doc.names().find((n) => n !== name && n.toLowerCase() === name.toLowerCase())
  return other === undefined
    ? { en: '', zh: '' }
    : {
        en: ` (there is <${other}>: element names are case-sensitive)`,
        zh: `（有 <${other}>：元素名区分大小写）`
      }
}

function required(doc: ReplyDoc, name: string, where: string, findings: Finding[]): string | undefined {
  const value = doc.text(name)
  if (value === undefined) {
    const hint = casingHint(doc, name)
    findings.push(
      refusal(
        `${name.toLowerCase()}-missing`,
        `${where}<${name}> is missing${hint.en}.`,
        `${where}缺少 <${name}>${hint.zh}。`
      )
    )
  }
  return value
}

function checkAddressing(doc: ReplyDoc, context: RuleContext, findings: Finding[]): void {
  const to = required(doc, 'ToUserName', '', findings)
  if (to !== undefined && to !== context.openid) {
    findings.push(
      refusal(
        'to-user-mismatch',
        `ToUserName is ${JSON.stringify(to)}; it must be the openid of the user who wrote, ${context.openid}${to === context.accountId ? ' (the incoming ToUserName and FromUserName must be swapped in the reply)' : ''}.`,
        `ToUserName 为 ${JSON.stringify(to)}；它必须是发消息用户的 openid ${context.openid}${to === context.accountId ? '（回复时应交换收到的 ToUserName 与 FromUserName）' : ''}。`
      )
    )
  }
  const from = required(doc, 'FromUserName', '', findings)
  if (from !== undefined && from !== context.accountId) {
    findings.push(
      refusal(
        'from-user-mismatch',
        `FromUserName is ${JSON.stringify(from)}; it must be the account's original id ${context.accountId}${from === context.openid ? ' (the incoming pair must be swapped in the reply)' : ''}.`,
        `FromUserName 为 ${JSON.stringify(from)}；它必须是账号的原始 ID ${context.accountId}${from === context.openid ? '（回复时应交换收到的用户名对）' : ''}。`
      )
    )
  }
  const created = required(doc, 'CreateTime', '', findings)
  if (created === undefined) return
  if (!/^\d+$/.test(created)) {
    findings.push(
      refusal(
        'create-time-not-integer',
        `CreateTime ${JSON.stringify(created)} is not an integer.`,
        `CreateTime ${JSON.stringify(created)} 不是整数。`
      )
    )
  } else if (looksLikeMilliseconds(created)) {
    findings.push(
      warning(
        'create-time-milliseconds',
        `CreateTime ${created} is in milliseconds; the documentation says seconds. WeChat accepts it (popular libraries send it this way).`,
        `CreateTime ${created} 是毫秒；文档要求秒。微信可以接受（不少常用库就这样发送）。`
      )
    )
  } else if (Math.abs(Number(created) - context.now / 1000) > 86_400) {
    findings.push(
      warning(
        'create-time-far',
        `CreateTime ${created} is more than a day away from now; WeChat does not check it, but it is probably not what you meant.`,
        `CreateTime ${created} 与当前时间相差超过一天；微信不校验它，但这多半不是你想要的。`
      )
    )
  }
}

function media(
  doc: ReplyDoc,
  wrapper: string,
  findings: Finding[]
): { node: ReplyDoc | undefined; id: string } {
  const node = doc.child(wrapper)
  if (node === undefined) {
    const hint = casingHint(doc, wrapper)
    findings.push(
      refusal(
        `${wrapper.toLowerCase()}-missing`,
        `A ${wrapper.toLowerCase()} reply needs <${wrapper}><MediaId>…</MediaId></${wrapper}>${hint.en}.`,
        `${wrapper.toLowerCase()} 类型的回复需要 <${wrapper}><MediaId>…</MediaId></${wrapper}>${hint.zh}。`
      )
    )
    return { node, id: '' }
  }
  const id = required(node, 'MediaId', `<${wrapper}>: `, findings) ?? ''
  if (node.text('MediaId') === '') {
    findings.push(refusal('mediaid-empty', `<${wrapper}><MediaId> is empty.`, `<${wrapper}><MediaId> 为空。`))
  }
  return { node, id }
}

function news(doc: ReplyDoc, context: RuleContext, findings: Finding[]): PhoneView {
  const items = doc.items('Articles')
  const count = required(doc, 'ArticleCount', '', findings)
  if (items.length === 0) {
    findings.push(
      refusal(
        'news-empty',
        'A news reply needs <Articles> with at least one <item>.',
        '图文回复需要 <Articles>，且至少包含一个 <item>。'
      )
    )
    return { kind: 'nothing' }
  }
  if (count !== undefined && count !== String(items.length)) {
    findings.push(
      warning(
        'article-count-mismatch',
        `ArticleCount says ${count} but there are ${items.length} <item>s.`,
        `ArticleCount 为 ${count}，但实际有 ${items.length} 个 <item>。`
      )
    )
  }
  const incomingType = context.incoming?.msgType ?? null
  const limit = incomingType !== null && ONE_ARTICLE_AFTER.has(incomingType) ? 1 : MAX_ARTICLES
  if (items.length > limit) {
    findings.push(
      warning(
        'news-over-limit',
        limit === 1
          ? `${items.length} articles in reply to a ${incomingType} message: WeChat shows only the first (one article when answering a text, image, voice, video, news or location message).`
          : `${items.length} articles: WeChat shows at most ${MAX_ARTICLES} and leaves out the rest.`,
        limit === 1
          ? `回复 ${incomingType} 消息时有 ${items.length} 篇图文：微信只显示第一篇（回复文本、图片、语音、视频、图文、地理位置消息时只能回复 1 篇）。`
          : `${items.length} 篇图文：微信最多显示 ${MAX_ARTICLES} 篇，其余被丢弃。`
      )
    )
  }
  const articles: NewsArticle[] = items.slice(0, limit).map((item) => ({
    title: item.text('Title') ?? '',
    description: item.text('Description') ?? '',
    picUrl: item.text('PicUrl') ?? '',
    url: item.text('Url') ?? ''
  }))
  if (articles.some((article) => article.title === '')) {
    findings.push(warning('article-title-missing', 'An article has no Title.', '有图文缺少 Title。'))
  }
  return { kind: 'news', articles, dropped: items.length - articles.length }
}

function byType(msgType: string, doc: ReplyDoc, context: RuleContext, findings: Finding[]): PhoneView {
  switch (msgType) {
    case 'text': {
      const content = required(doc, 'Content', '', findings)
      if (content === '') {
        findings.push(
          warning(
            'content-empty',
            'Content is empty: the user sees nothing.',
            'Content 为空：用户什么也看不到。'
          )
        )
        return { kind: 'nothing' }
      }
      return { kind: 'text', text: content ?? '' }
    }
    case 'image':
    case 'voice': {
      const { id } = media(doc, msgType === 'image' ? 'Image' : 'Voice', findings)
      return { kind: msgType, mediaId: id }
    }
    case 'video': {
      const { node, id } = media(doc, 'Video', findings)
      return {
        kind: 'video',
        mediaId: id,
        title: node?.text('Title') ?? '',
        description: node?.text('Description') ?? ''
      }
    }
    case 'music': {
      const node = doc.child('Music')
      if (node === undefined) {
        findings.push(refusal('music-missing', 'A music reply needs <Music>.', '音乐回复需要 <Music>。'))
        return { kind: 'nothing' }
      }
      return {
        kind: 'music',
        title: node.text('Title') ?? '',
        description: node.text('Description') ?? '',
        musicUrl: node.text('MusicUrl') ?? '',
        hqMusicUrl: node.text('HQMusicUrl') ?? '',
        thumbMediaId: required(node, 'ThumbMediaId', '<Music>: ', findings) ?? ''
      }
    }
    case 'news':
      return news(doc, context, findings)
    case 'transfer_customer_service':
      return { kind: 'customer-service', kfAccount: doc.child('TransInfo')?.text('KfAccount') ?? null }
    default:
      findings.push(
        refusal(
          'msg-type-unknown',
          `MsgType ${JSON.stringify(msgType)} is not a passive reply (${PASSIVE_REPLY_TYPES.join(', ')}); other kinds go through the customer-service API.`,
          `MsgType ${JSON.stringify(msgType)} 不是被动回复类型（${PASSIVE_REPLY_TYPES.join('、')}）；其他类型请用客服消息接口发送。`
        )
      )
      return { kind: 'nothing' }
  }
}

/** Checks a plaintext passive reply field by field and says what the user would see. */
export function judgeReplyDoc(doc: ReplyDoc, context: RuleContext): Judged & { msgType: string | null } {
  const findings: Finding[] = []
  checkAddressing(doc, context, findings)
  const msgType = required(doc, 'MsgType', '', findings) ?? null
  let phone: PhoneView = msgType === null ? { kind: 'nothing' } : byType(msgType, doc, context, findings)
  if (context.account === 'mini-program' && msgType !== null && msgType !== 'transfer_customer_service') {
    findings.push(
      warning(
        'mini-program-passive-reply',
        `Mini Programs document only transfer_customer_service as a passive reply; a ${msgType} reply is not documented to reach the user. Send it with the customer-service API.`,
        `小程序只记载了 transfer_customer_service 这一种被动回复；${msgType} 回复并无文档保证能送达用户。请用客服消息接口发送。`
      )
    )
    phone = { kind: 'nothing' }
  }
  const event = context.incoming?.msgType === 'event' ? context.incoming.event : null
  if (event !== null && SILENT_EVENTS.has(event) && phone.kind !== 'nothing') {
    findings.push(
      note(
        'reply-not-shown',
        `Nobody sees a reply to ${event}: answer it with success.`,
        `${event} 事件的回复没有人能看到：回复 success 即可。`
      )
    )
    phone = { kind: 'nothing' }
  }
  return { findings, phone, msgType }
}
