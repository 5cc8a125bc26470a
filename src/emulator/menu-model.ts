import { WX, type WeChatError } from '../core/wechat-wire/errors'
import type { JsonBody, JsonValue } from '../core/wechat-wire/request'

// The custom menu (wechat-api.md §11.5): what menu/create accepts, checked in the order a button is read
// (count, then each button's name, type, and the field its type needs), and how menu/get and
// get_current_selfmenu_info show it back.

const LIMITS = {
  topButtons: 3,
  subButtons: 5,
  nameBytes: 16,
  subNameBytes: 60,
  keyBytes: 128,
  urlBytes: 1024
} as const

const KEY_TYPES = [
  'click',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select'
]
const MEDIA_TYPES = ['media_id', 'view_limited']
const ARTICLE_TYPES = ['article_id', 'article_view_limited']
const BUTTON_TYPES = [...KEY_TYPES, ...MEDIA_TYPES, ...ARTICLE_TYPES, 'view', 'miniprogram']

/** A button as stored: its name, and either a type with that type's fields or sub-buttons. */
export interface MenuButton {
  name: string
  type?: string
  fields: Record<string, string>
  sub?: MenuButton[]
}

/** The error codes of one level: top-level buttons and sub-buttons have their own. */
interface LevelErrors {
  name: WeChatError
  type: WeChatError
  key: WeChatError
  url: WeChatError
  nameBytes: number
}

const TOP: LevelErrors = {
  name: WX.invalidButtonNameSize,
  type: WX.invalidButtonType,
  key: WX.invalidButtonKeySize,
  url: WX.invalidButtonUrlSize,
  nameBytes: LIMITS.nameBytes
}
const SUB: LevelErrors = {
  name: WX.invalidSubButtonNameSize,
  type: WX.invalidSubButtonType,
  key: WX.invalidSubButtonKeySize,
  url: WX.invalidSubButtonUrlSize,
  nameBytes: LIMITS.subNameBytes
}

export type MenuRead = { ok: true; buttons: MenuButton[] } | { ok: false; error: WeChatError }

/** Whether a Mini Program appid may be opened from this account's menu (else 45064 in WeChat). */
export type LinkedMiniProgram = (appid: string) => boolean

const bytes = (value: string): number => Buffer.byteLength(value, 'utf8')
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads menu/create's `{"button":[…]}`. */
export function readMenu(fields: Record<string, unknown>, linked: LinkedMiniProgram): MenuRead {
  const list = fields['button']
  if (!Array.isArray(list)) return { ok: false, error: WX.dataFormat }
  if (list.length === 0 || list.length > LIMITS.topButtons) return { ok: false, error: WX.invalidButtonSize }
  const buttons: MenuButton[] = []
  for (const raw of list) {
    const read = readButton(raw, TOP, linked)
    if (!read.ok) return read
    buttons.push(read.button)
  }
  return { ok: true, buttons }
}

type ButtonRead = { ok: true; button: MenuButton } | { ok: false; error: WeChatError }

function readButton(raw: unknown, level: LevelErrors, linked: LinkedMiniProgram): ButtonRead {
  if (!isObject(raw)) return { ok: false, error: WX.dataFormat }
  const name = raw['name']
  if (typeof name !== 'string' || name === '' || bytes(name) > level.nameBytes) {
    return { ok: false, error: level.name }
  }
  const subList = raw['sub_button']
  // A top-level button with sub-buttons is only a parent; an empty list (as menu/get shows leaves) is a leaf.
  if (level === TOP && Array.isArray(subList) && subList.length > 0) {
    if (subList.length > LIMITS.subButtons) return { ok: false, error: WX.invalidSubButtonSize }
    const sub: MenuButton[] = []
    for (const rawSub of subList) {
      const read = readButton(rawSub, SUB, linked)
      if (!read.ok) return read
      sub.push(read.button)
    }
    return { ok: true, button: { name, fields: {}, sub } }
  }
  if (subList !== undefined && !Array.isArray(subList)) return { ok: false, error: WX.dataFormat }
  const type = raw['type']
  if (typeof type !== 'string' || !BUTTON_TYPES.includes(type)) return { ok: false, error: level.type }
  const read = typeFields(raw, type, level, linked)
  return read.ok ? { ok: true, button: { name, type, fields: read.fields } } : read
}

type FieldsRead = { ok: true; fields: Record<string, string> } | { ok: false; error: WeChatError }

/** The field a button's type needs: a `key`, a `url`, a `media_id` / `article_id`, or a Mini Program's three. */
function typeFields(
  raw: Record<string, unknown>,
  type: string,
  level: LevelErrors,
  linked: LinkedMiniProgram
): FieldsRead {
  const text = (field: string): string => {
    const value = raw[field]
    return typeof value === 'string' ? value : ''
  }
  const sized = (field: string, max: number, error: WeChatError): FieldsRead => {
    const value = text(field)
    return value === '' || bytes(value) > max
      ? { ok: false, error }
      : { ok: true, fields: { [field]: value } }
  }
  if (KEY_TYPES.includes(type)) return sized('key', LIMITS.keyBytes, level.key)
  if (type === 'view') return sized('url', LIMITS.urlBytes, level.url)
  if (MEDIA_TYPES.includes(type)) return sized('media_id', LIMITS.urlBytes, WX.invalidMediaId)
  if (ARTICLE_TYPES.includes(type)) return sized('article_id', LIMITS.urlBytes, WX.invalidMediaId)
  // miniprogram: `url` (for clients too old for Mini Programs), then `appid`, then `pagepath`.
  const url = sized('url', LIMITS.urlBytes, level.url)
  if (!url.ok) return url
  const appid = text('appid')
  if (appid === '') return { ok: false, error: WX.invalidAppid }
  if (!linked(appid)) return { ok: false, error: WX.weappNotLinked }
  const pagepath = text('pagepath')
  if (pagepath === '') return { ok: false, error: WX.invalidWeappPagepath }
  return { ok: true, fields: { url: text('url'), appid, pagepath } }
}

/** menu/get: every button carries `sub_button`, an empty list on a leaf. */
export function menuGetButtons(buttons: readonly MenuButton[]): JsonValue[] {
  const show = (button: MenuButton): JsonBody => ({
    ...(button.type === undefined ? {} : { type: button.type }),
    name: button.name,
    ...button.fields,
    sub_button: (button.sub ?? []).map(show)
  })
  return buttons.map(show)
}

/**
 * get_current_selfmenu_info: leaves without `sub_button`, parents with `sub_button: {list: […]}`; the field of
 * a media button is called `value` there.
 */
export function selfMenuButtons(buttons: readonly MenuButton[]): JsonValue[] {
  const show = (button: MenuButton): JsonBody => {
    if (button.sub) return { name: button.name, sub_button: { list: button.sub.map(show) } }
    const fields: JsonBody = { ...button.fields }
    const media = fields['media_id'] ?? fields['article_id']
    if (media !== undefined) {
      delete fields['media_id']
      delete fields['article_id']
      fields['value'] = media
    }
    return { type: button.type ?? '', name: button.name, ...fields }
  }
  return buttons.map(show)
}
