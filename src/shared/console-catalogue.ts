/**
 * The API console's catalogue (接口调试): the WeChat APIs developers reach for most, each with its method,
 * path, a request to start from, the fields WeChat requires and its page on developers.weixin.qq.com. Data
 * only, shared by main (which adds the credential each entry takes) and the renderer (which lists them).
 * Shapes: wechat-api.md §6 and §11.
 */
import type { ConsoleBody, ConsoleMethod, ConsoleRequest } from './contract/console'
import { text, type Localized } from './result'

export const CONSOLE_GROUPS = [
  'basic',
  'user',
  'menu',
  'message',
  'media',
  'account',
  'mini-program'
] as const
export type ConsoleGroup = (typeof CONSOLE_GROUPS)[number]

/**
 * What the desk adds to a request, in main: the app's `access_token` in the query (most APIs), its appid and
 * AppSecret in the query (jscode2session) or in the JSON body (clear_quota/v2). Nobody types either.
 */
export type ConsoleCredential = 'token' | 'secret-query' | 'secret-body'

export interface CatalogueEntry {
  /** Stable and unique: how saved requests and tests name an entry. */
  id: string
  group: ConsoleGroup
  title: Localized
  method: ConsoleMethod
  path: string
  /** The query to start from (credentials never: the desk adds them). */
  query: readonly (readonly [string, string])[]
  /** The body to start from; `{{appid}}` stands for the app's AppID. */
  body: ConsoleBody
  /** The fields WeChat refuses the call without (query or body). */
  required: readonly string[]
  credential: ConsoleCredential
  /** Its success is an image (a QR code, a Mini Program code), its failure WeChat's JSON. */
  image?: true
  /** Resets every daily counter of the account, at most 10 times a month: asked first. */
  clearsQuota?: true
  doc: string
}

/** WeChat's own limit on quota resets, console and API together (wechat-api.md §6). */
export const CLEAR_QUOTA_PER_MONTH = 10

const DOCS = 'https://developers.weixin.qq.com'
const json = (value: unknown): ConsoleBody => ({ kind: 'json', text: JSON.stringify(value, null, 2) })
const NONE: ConsoleBody = { kind: 'none' }

type Spec = Omit<CatalogueEntry, 'query' | 'body' | 'required' | 'credential'> &
  Partial<Pick<CatalogueEntry, 'query' | 'body' | 'required' | 'credential'>>

const entry = (spec: Spec): CatalogueEntry => ({
  query: [],
  body: NONE,
  required: [],
  credential: 'token',
  ...spec
})

export const CONSOLE_CATALOGUE: readonly CatalogueEntry[] = [
  entry({
    id: 'getcallbackip',
    group: 'basic',
    title: text('WeChat’s callback IPs (is my token alive?)', '获取微信推送服务器 IP（检查 token 是否有效）'),
    method: 'GET',
    path: '/cgi-bin/getcallbackip',
    doc: `${DOCS}/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html`
  }),
  entry({
    id: 'get-api-domain-ip',
    group: 'basic',
    title: text('The IPs behind api.weixin.qq.com', '获取微信 API 接口 IP'),
    method: 'GET',
    path: '/cgi-bin/get_api_domain_ip',
    doc: `${DOCS}/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html`
  }),
  entry({
    id: 'quota-get',
    group: 'basic',
    title: text('An API’s daily quota', '查询接口每日调用额度'),
    method: 'POST',
    path: '/cgi-bin/openapi/quota/get',
    body: json({ cgi_path: '/cgi-bin/message/custom/send' }),
    required: ['cgi_path'],
    doc: `${DOCS}/doc/service/api/apimanage/api_getapiquota`
  }),
  entry({
    id: 'rid-get',
    group: 'basic',
    title: text('Look up a rid', '查询 rid 信息'),
    method: 'POST',
    path: '/cgi-bin/openapi/rid/get',
    body: json({ rid: '' }),
    required: ['rid'],
    doc: `${DOCS}/doc/service/api/apimanage/api_getridinfo`
  }),
  entry({
    id: 'clear-quota',
    group: 'basic',
    title: text('Reset the daily quotas', '重置接口调用次数'),
    method: 'POST',
    path: '/cgi-bin/clear_quota',
    body: json({ appid: '{{appid}}' }),
    required: ['appid'],
    clearsQuota: true,
    doc: `${DOCS}/doc/service/openApi/clear_quota.html`
  }),
  entry({
    id: 'clear-quota-v2',
    group: 'basic',
    title: text('Reset the daily quotas with the AppSecret', '使用 AppSecret 重置接口调用次数'),
    method: 'POST',
    path: '/cgi-bin/clear_quota/v2',
    body: json({}),
    credential: 'secret-body',
    clearsQuota: true,
    doc: `${DOCS}/doc/channels/api/basic/api_clearquotabyappsecret.html`
  }),
  entry({
    id: 'user-get',
    group: 'user',
    title: text('List followers', '获取关注用户列表'),
    method: 'GET',
    path: '/cgi-bin/user/get',
    query: [['next_openid', '']],
    doc: `${DOCS}/doc/service/api/usermanage/userinfo/api_getfans`
  }),
  entry({
    id: 'user-info',
    group: 'user',
    title: text('A follower’s details', '获取用户基本信息'),
    method: 'GET',
    path: '/cgi-bin/user/info',
    query: [
      ['openid', ''],
      ['lang', 'zh_CN']
    ],
    required: ['openid'],
    doc: `${DOCS}/doc/service/api/usermanage/userinfo/api_userinfo`
  }),
  entry({
    id: 'menu-get',
    group: 'menu',
    title: text('The menu (set by API)', '查询自定义菜单'),
    method: 'GET',
    path: '/cgi-bin/menu/get',
    doc: `${DOCS}/doc/offiaccount/Custom_Menus/Getting_Custom_Menu_Configurations.html`
  }),
  entry({
    id: 'selfmenu-info',
    group: 'menu',
    title: text('The menu in use (API or console)', '查询当前使用的自定义菜单'),
    method: 'GET',
    path: '/cgi-bin/get_current_selfmenu_info',
    doc: `${DOCS}/doc/offiaccount/Custom_Menus/Querying_Custom_Menus.html`
  }),
  entry({
    id: 'menu-create',
    group: 'menu',
    title: text('Create the menu', '创建自定义菜单'),
    method: 'POST',
    path: '/cgi-bin/menu/create',
    body: json({
      button: [
        { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
        { type: 'view', name: '官网', url: 'https://www.example.com/' }
      ]
    }),
    required: ['button'],
    doc: `${DOCS}/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html`
  }),
  entry({
    id: 'menu-delete',
    group: 'menu',
    title: text('Delete the menu', '删除自定义菜单'),
    method: 'GET',
    path: '/cgi-bin/menu/delete',
    doc: `${DOCS}/doc/offiaccount/Custom_Menus/Deleting_Custom-Defined_Menu.html`
  }),
  entry({
    id: 'template-list',
    group: 'message',
    title: text('The template list', '获取模板列表'),
    method: 'GET',
    path: '/cgi-bin/template/get_all_private_template',
    doc: `${DOCS}/doc/offiaccount/Message_Management/Template_Message_Interface.html`
  }),
  entry({
    id: 'template-send',
    group: 'message',
    title: text('Send a template message', '发送模板消息'),
    method: 'POST',
    path: '/cgi-bin/message/template/send',
    body: json({
      touser: 'OPENID',
      template_id: 'TEMPLATE_ID',
      url: 'https://www.example.com/',
      data: { thing1: { value: '订单已发货' }, time2: { value: '2026-11-22 14:05' } }
    }),
    required: ['touser', 'template_id', 'data'],
    doc: `${DOCS}/doc/service/api/notify/template/api_sendtemplatemessage`
  }),
  entry({
    id: 'custom-send',
    group: 'message',
    title: text('Send a customer-service message', '发送客服消息'),
    method: 'POST',
    path: '/cgi-bin/message/custom/send',
    body: json({ touser: 'OPENID', msgtype: 'text', text: { content: 'Hello' } }),
    required: ['touser', 'msgtype'],
    doc: `${DOCS}/doc/offiaccount/Message_Management/Service_Center_messages.html`
  }),
  entry({
    id: 'media-upload',
    group: 'media',
    title: text('Upload temporary media', '新增临时素材'),
    method: 'POST',
    path: '/cgi-bin/media/upload',
    query: [['type', 'image']],
    body: { kind: 'multipart', parts: [{ kind: 'file', name: 'media', fileId: null, fileName: '' }] },
    required: ['type', 'media'],
    doc: `${DOCS}/doc/service/api/material/temporary/api_uploadtempmedia`
  }),
  entry({
    id: 'qrcode-create',
    group: 'account',
    title: text('Create a parametric QR code', '生成带参数的二维码'),
    method: 'POST',
    path: '/cgi-bin/qrcode/create',
    body: json({
      expire_seconds: 604800,
      action_name: 'QR_SCENE',
      action_info: { scene: { scene_id: 123 } }
    }),
    required: ['action_name', 'action_info'],
    doc: `${DOCS}/doc/service/api/qrcode/qrcodes/api_createqrcode`
  }),
  entry({
    id: 'jscode2session',
    group: 'mini-program',
    title: text('Log in: code → openid and session_key', '小程序登录（code2Session）'),
    method: 'GET',
    path: '/sns/jscode2session',
    query: [
      ['js_code', ''],
      ['grant_type', 'authorization_code']
    ],
    required: ['js_code'],
    credential: 'secret-query',
    doc: `${DOCS}/miniprogram/dev/OpenApiDoc/user-login/code2Session.html`
  }),
  entry({
    id: 'phone-number',
    group: 'mini-program',
    title: text('A user’s phone number', '获取手机号'),
    method: 'POST',
    path: '/wxa/business/getuserphonenumber',
    body: json({ code: '' }),
    required: ['code'],
    doc: `${DOCS}/miniprogram/dev/server/API/user-info/phone-number/api_getphonenumber`
  }),
  entry({
    id: 'wxacode-unlimit',
    group: 'mini-program',
    title: text('A Mini Program code (unlimited)', '获取不限制的小程序码'),
    method: 'POST',
    path: '/wxa/getwxacodeunlimit',
    body: json({ scene: 'a=1', page: 'pages/index/index', check_path: false, env_version: 'develop' }),
    required: ['scene'],
    image: true,
    doc: `${DOCS}/miniprogram/dev/server/API/qrcode-link/qr-code/api_getunlimitedqrcode`
  }),
  entry({
    id: 'urllink',
    group: 'mini-program',
    title: text('A URL Link', '生成 URL Link'),
    method: 'POST',
    path: '/wxa/generate_urllink',
    body: json({ path: 'pages/index/index', query: 'a=1', expire_type: 1, expire_interval: 30 }),
    doc: `${DOCS}/miniprogram/dev/server/API/qrcode-link/url-link/api_generateurllink`
  }),
  entry({
    id: 'scheme',
    group: 'mini-program',
    title: text('A URL Scheme', '生成 URL Scheme'),
    method: 'POST',
    path: '/wxa/generatescheme',
    body: json({
      jump_wxa: { path: 'pages/index/index', query: 'a=1' },
      expire_type: 1,
      expire_interval: 30
    }),
    doc: `${DOCS}/miniprogram/dev/server/API/qrcode-link/url-scheme/api_generatescheme`
  })
]

const BY_PATH = new Map(CONSOLE_CATALOGUE.map((item) => [item.path, item]))

/** The catalogue's entry for `path`, if it has one. */
export function catalogueEntryAt(path: string): CatalogueEntry | undefined {
  return BY_PATH.get(path)
}

/** What the desk adds to a request for `path`: the catalogue says, and any other path takes the token. */
export const credentialFor = (path: string): ConsoleCredential =>
  catalogueEntryAt(path)?.credential ?? 'token'

/** Query and body fields the desk adds itself, and refuses to take typed (they would be secrets). */
export const DESK_ADDED_FIELDS: readonly string[] = ['access_token', 'secret', 'appsecret']

/** The entry as a request to start from, for the app with `appId`. */
export function requestFromEntry(item: CatalogueEntry, appId: string): ConsoleRequest {
  const body: ConsoleBody =
    item.body.kind === 'json'
      ? { kind: 'json', text: item.body.text.replaceAll('{{appid}}', appId) }
      : item.body.kind === 'multipart'
        ? { kind: 'multipart', parts: item.body.parts.map((part) => ({ ...part })) }
        : item.body
  return {
    method: item.method,
    path: item.path,
    query: item.query.map(([name, value]): [string, string] => [name, value]),
    body
  }
}

/** Entries whose path, title (either language) or group matches every word of `search`, any case. */
export function searchCatalogue(search: string): CatalogueEntry[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...CONSOLE_CATALOGUE]
  return CONSOLE_CATALOGUE.filter((item) => {
    const haystack = [item.path, item.id, item.group, item.title.en, item.title['zh-CN']]
      .join(' ')
      .toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
}
