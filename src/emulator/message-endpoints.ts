import { createHash } from 'node:crypto'
import { admit, hasPlatform, jsonFields } from './api-gate'
import type { ApiDeps } from './api-state'
import type { AppState } from './app-registry'
import { CGI } from './cgi-catalogue'
import { WX, templateArgumentInvalid, type WeChatError } from '../core/wechat-wire/errors'
import type { MediaType } from './media-store'
import {
  failure,
  objectField,
  stringField,
  success,
  type Outcome,
  type WxRequest
} from '../core/wechat-wire/request'
import { factsOf, userByOpenid } from './sandbox-users'

// Template and customer-service messages (wechat-api.md §11.5). Every account has the same two templates,
// under ids of its own. Nothing is delivered anywhere: the emulator answers as WeChat does when it accepts.

interface Template {
  title: string
  primary_industry: string
  deputy_industry: string
  content: string
  example: string
}

const TEMPLATES: readonly Template[] = [
  {
    title: '订单支付成功通知',
    primary_industry: 'IT科技',
    deputy_industry: '互联网|电子商务',
    content: '{{first.DATA}}\n支付金额：{{amount.DATA}}\n商品信息：{{product.DATA}}\n{{remark.DATA}}',
    example: '您的订单已支付成功\n支付金额：39.80元\n商品信息：微信定制马克杯\n感谢您的光临'
  },
  {
    title: '预约成功通知',
    primary_industry: 'IT科技',
    deputy_industry: '互联网|电子商务',
    content: '预约项目：{{thing1.DATA}}\n预约时间：{{time2.DATA}}\n预约编号：{{character_string3.DATA}}',
    example: '预约项目：体检套餐\n预约时间：2026年11月22日 10:00\n预约编号：A1024'
  }
]

/** Template ids are 43 URL-safe characters, like `iPk5sOIt5X_flOVKn5GrTFpncEYTojx6ddbt8WYoV5s`. */
function templateId(appid: string, template: Template): string {
  return createHash('sha256').update(`template:${appid}:${template.title}`).digest('base64url')
}

function templateOf(appid: string, id: string): Template | undefined {
  return TEMPLATES.find((template) => templateId(appid, template) === id)
}

/** The `{{key.DATA}}` placeholders of a template, in order. */
function templateKeys(template: Template): string[] {
  return [...template.content.matchAll(/\{\{(\w+)\.DATA\}\}/g)].map((match) => match[1] ?? '')
}

/** GET /cgi-bin/template/get_all_private_template → `{"template_list":[…]}` (no errcode). */
export function templateList(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.templateList)
  if (!admitted.ok) return failure(admitted.error)
  const { appid } = admitted.app.config
  return success({
    template_list: TEMPLATES.map((template) => ({ template_id: templateId(appid, template), ...template }))
  })
}

/** Message ids look like 200228332. */
const FIRST_MSGID = 200_228_300

/**
 * POST /cgi-bin/message/template/send → `{errcode:0, errmsg:"ok", msgid}`. Order: touser empty (40003),
 * template_id (40037), touser not of this account (40003), not following (43004), then every placeholder's
 * `data.X.value` (47003). The same `client_msg_id` to the same user within 10 minutes sends nothing new.
 */
export function templateSend(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.templateSend)
  if (!admitted.ok) return failure(admitted.error)
  const read = jsonFields(req)
  if (!read.ok) return failure(read.error)
  const { fields } = read
  const touser = stringField(fields, 'touser')
  const id = stringField(fields, 'template_id')
  const clientMsgId = stringField(fields, 'client_msg_id')
  const data = objectField(fields, 'data')
  if (touser === null || id === null || clientMsgId === null || data === null) return failure(WX.dataFormat)
  if (stringField(fields, 'url') === null || objectField(fields, 'miniprogram') === null) {
    return failure(WX.dataFormat)
  }
  if (touser === '') return failure(WX.invalidOpenid)
  const { appid } = admitted.app.config
  const template = templateOf(appid, id)
  if (!template) return failure(WX.invalidTemplateId)
  const user = userByOpenid(appid, touser)
  if (!user) return failure(WX.invalidOpenid)
  if (!factsOf(user)?.follower) return failure(WX.requireSubscribe)
  for (const key of templateKeys(template)) {
    const entry = data[key]
    const value =
      typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['value'] : undefined
    if (value === undefined || value === '') return failure(templateArgumentInvalid(key, 'is empty'))
    if (typeof value !== 'string') return failure(templateArgumentInvalid(key, 'invalid'))
  }
  const { templates } = deps.state
  const earlier = clientMsgId === '' ? undefined : templates.earlier(appid, touser, clientMsgId, req.now)
  const msgid = earlier ?? FIRST_MSGID + deps.state.next()
  if (clientMsgId !== '' && earlier === undefined)
    templates.remember(appid, touser, clientMsgId, msgid, req.now)
  return success({ errcode: 0, errmsg: 'ok', msgid })
}

type PayloadCheck = (payload: Record<string, unknown>, media: MediaCheck) => WeChatError | null
type MediaCheck = (id: unknown, types: readonly MediaType[]) => boolean

const text = (payload: Record<string, unknown>, name: string): boolean =>
  typeof payload[name] === 'string' && payload[name] !== ''

/** What each message type needs in its object; types not listed here need only the object. */
const PAYLOAD_CHECKS: Readonly<Record<string, PayloadCheck>> = {
  text: (p) => (text(p, 'content') ? null : WX.emptyContent),
  image: (p, media) => (media(p['media_id'], ['image']) ? null : WX.invalidMediaId),
  voice: (p, media) => (media(p['media_id'], ['voice']) ? null : WX.invalidMediaId),
  video: (p, media) =>
    media(p['media_id'], ['video']) && media(p['thumb_media_id'], ['thumb', 'image'])
      ? null
      : WX.invalidMediaId,
  miniprogrampage: (p, media) => {
    if (!text(p, 'appid') || !text(p, 'pagepath')) return WX.dataFormat
    return media(p['thumb_media_id'], ['image', 'thumb']) ? null : WX.invalidMediaId
  },
  link: (p) =>
    ['title', 'description', 'url', 'thumb_url'].every((name) => text(p, name)) ? null : WX.dataFormat
}

const OFFICIAL_ACCOUNT_TYPES = [
  'text',
  'image',
  'voice',
  'video',
  'music',
  'news',
  'mpnews',
  'mpnewsarticle',
  'msgmenu',
  'wxcard',
  'miniprogrampage'
]
const MINI_PROGRAM_TYPES = ['text', 'image', 'link', 'miniprogrampage']

function messageTypes(app: AppState): string[] {
  const types = new Set<string>()
  if (hasPlatform(app.config.platform, 'official-account'))
    OFFICIAL_ACCOUNT_TYPES.forEach((t) => types.add(t))
  if (hasPlatform(app.config.platform, 'mini-program')) MINI_PROGRAM_TYPES.forEach((t) => types.add(t))
  return [...types]
}

/**
 * POST /cgi-bin/message/custom/send `{touser, msgtype, <msgtype>: {…}}` → ok. Order: touser (40003), msgtype
 * for this kind of account (40008), its object (47001; text → 44004, media ids this account uploaded → 40007),
 * then the user's 48-hour window (45015: the sandbox user who unfollowed has none).
 */
export function customSend(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.customSend)
  if (!admitted.ok) return failure(admitted.error)
  const read = jsonFields(req)
  if (!read.ok) return failure(read.error)
  const { fields } = read
  const touser = stringField(fields, 'touser')
  const msgtype = stringField(fields, 'msgtype')
  if (touser === null || msgtype === null) return failure(WX.dataFormat)
  const { app } = admitted
  const { appid } = app.config
  const user = touser === '' ? undefined : userByOpenid(appid, touser)
  if (!user) return failure(WX.invalidOpenid)
  if (!messageTypes(app).includes(msgtype)) return failure(WX.invalidMessageType)
  const payload = fields[msgtype]
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return failure(WX.dataFormat)
  const media: MediaCheck = (id, types) => {
    const type = typeof id === 'string' ? deps.state.media.typeOf(appid, id, req.now) : undefined
    return type !== undefined && types.includes(type)
  }
  const problem = PAYLOAD_CHECKS[msgtype]?.(payload as Record<string, unknown>, media)
  if (problem) return failure(problem)
  if (!factsOf(user)?.follower) return failure(WX.responseOutOfTimeLimit)
  return success({ errcode: 0, errmsg: 'ok' })
}
