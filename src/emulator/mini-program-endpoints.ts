import { createHash } from 'node:crypto'
import { admit, hasPlatform, jsonFields } from './api-gate'
import type { ApiDeps } from './api-state'
import { CGI } from './cgi-catalogue'
import { admitCodeExchange } from './code-exchange'
import type { Answer } from './endpoint'
import { openidFor, unionidFor } from './fake-users'
import { WX } from '../core/wechat-wire/errors'
import { encodeJpeg } from './jpeg'
import { encodePng } from './png'
import { BLACK, drawQrCode, WHITE, type Raster, type Rgb } from './raster'
import { bytesReply } from '../core/http/reply'
import {
  failure,
  stringField,
  success,
  type JsonBody,
  type Outcome,
  type WxRequest
} from '../core/wechat-wire/request'
import { factsOf, findAccountUser } from './sandbox-users'

// Mini Program login and codes (wechat-api.md §11.1-11.3). The codes come from the sandbox users through the
// emulator's "simulate wx.login / getPhoneNumber" (mini-program-debug.ts).

/**
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code → `{session_key, openid,
 * unionid?}` (no errcode). Order: 41002, 41004, 41008, 40002, 40013, 40125, an account without Mini Program
 * APIs (48001), then the code: 40163 once spent, 40029 unknown, expired or another Mini Program's.
 */
export function jscode2session(deps: ApiDeps, req: WxRequest): Outcome {
  const exchange = admitCodeExchange(deps.apps, req, 'js_code')
  if (!exchange.ok) return failure(exchange.error)
  const { appid, code } = exchange
  const { config } = exchange.app
  if (!hasPlatform(config.platform, 'mini-program')) return failure(WX.apiUnauthorized)
  const redeemed = deps.state.codes.redeem('login', appid, code, req.now)
  if (!redeemed.ok) return failure(redeemed.reason === 'used' ? WX.codeBeenUsed : WX.invalidCode)
  const user = findAccountUser(redeemed.userId)
  if (!user) return failure(WX.systemError)
  // 16 bytes, base64: fixed per login, like the key WeChat keeps for the session that code opened.
  const sessionKey = createHash('sha256')
    .update(`session:${appid}:${user.id}:${code}`)
    .digest()
    .subarray(0, 16)
  const body: JsonBody = { session_key: sessionKey.toString('base64'), openid: openidFor(appid, user) }
  if (config.unionBound) body['unionid'] = unionidFor(user)
  return success(body)
}

/**
 * POST /wxa/business/getuserphonenumber `{code, openid?}` → `{errcode:0, errmsg:"ok", phone_info}`. An empty,
 * unknown, spent or expired code is 40029; a code of another Mini Program 40013 (the token's account must be
 * the code's); an `openid` that is not the code's user 40003.
 */
export function phoneNumber(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.phoneNumber)
  if (!admitted.ok) return failure(admitted.error)
  const read = jsonFields(req, { tokenInBodyRefused: true })
  if (!read.ok) return failure(read.error)
  const code = stringField(read.fields, 'code')
  const openid = stringField(read.fields, 'openid')
  if (code === null || openid === null) return failure(WX.dataFormat)
  if (code === '') return failure(WX.invalidCode)
  const { appid } = admitted.app.config
  const redeemed = deps.state.codes.redeem('phone', appid, code, req.now)
  if (!redeemed.ok) return failure(redeemed.reason === 'other-app' ? WX.invalidAppid : WX.invalidCode)
  const user = findAccountUser(redeemed.userId)
  const facts = user && factsOf(user)
  if (!user || !facts) return failure(WX.systemError)
  if (openid !== '' && openid !== openidFor(appid, user)) return failure(WX.invalidOpenid)
  return success({
    errcode: 0,
    errmsg: 'ok',
    phone_info: {
      phoneNumber: facts.phoneNumber,
      purePhoneNumber: facts.phoneNumber,
      // A string in the doc's field table, a number in its sample; real answers send the string.
      countryCode: '86',
      watermark: { timestamp: Math.floor(req.now / 1000), appid }
    }
  })
}

const SCENE_MAX = 32
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]*$/
export const WXACODE_WIDTH = { min: 280, max: 1280, default: 430 } as const
export const ENV_VERSIONS = ['release', 'trial', 'develop'] as const
/** auto_color's pick: WeChat derives it from the Mini Program's logo; the emulator always picks green. */
const AUTO_COLOR: Rgb = Object.freeze({ r: 7, g: 193, b: 96 })

type Checked<T> = { ok: true; value: T } | { ok: false }

const optionalBoolean = (value: unknown): Checked<boolean> =>
  value === undefined || typeof value === 'boolean' ? { ok: true, value: value === true } : { ok: false }

/** `{"r":0,"g":0,"b":0}`, channels as numbers or numeric strings (SDKs send both), each 0–255. */
function lineColor(value: unknown): Checked<Rgb | null> {
  if (value === undefined) return { ok: true, value: null }
  if (typeof value !== 'object' || value === null) return { ok: false }
  const channels: number[] = []
  for (const name of ['r', 'g', 'b']) {
    const raw = (value as Record<string, unknown>)[name]
    const channel = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw
    if (typeof channel !== 'number' || !Number.isInteger(channel) || channel < 0 || channel > 255)
      return { ok: false }
    channels.push(channel)
  }
  const [r = 0, g = 0, b = 0] = channels
  return { ok: true, value: { r, g, b } }
}

/**
 * POST /wxa/getwxacodeunlimit → the code as an image (JPEG; PNG with a transparent background for
 * `is_hyaline`), `width` pixels square; failures are JSON with HTTP 200. Order: scene missing, empty or
 * over 32 characters (40169), outside its character set (40129); page with a leading `/` or a query (41030);
 * any other argument of the wrong type or value (40097). The image is a real QR code of the request, since
 * the emulator cannot draw WeChat's round codes.
 */
export function wxaCodeUnlimit(deps: ApiDeps, req: WxRequest): Answer {
  const admitted = admit(deps, req, CGI.wxaCodeUnlimit)
  if (!admitted.ok) return failure(admitted.error)
  const read = jsonFields(req, { tokenInBodyRefused: true })
  if (!read.ok) return failure(read.error)
  const { fields } = read
  const scene = fields['scene']
  if (typeof scene !== 'string' || scene === '' || scene.length > SCENE_MAX)
    return failure(WX.invalidSceneLength)
  if (!SCENE_CHARS.test(scene)) return failure(WX.invalidScene)
  const page = stringField(fields, 'page')
  if (page === null) return failure(WX.invalidArgs)
  if (page.startsWith('/') || page.includes('?')) return failure(WX.invalidPage)
  const env = fields['env_version'] ?? 'release'
  const width = fields['width'] ?? WXACODE_WIDTH.default
  const checkPath = optionalBoolean(fields['check_path'])
  const autoColor = optionalBoolean(fields['auto_color'])
  const hyaline = optionalBoolean(fields['is_hyaline'])
  const color = lineColor(fields['line_color'])
  if (
    !checkPath.ok ||
    !autoColor.ok ||
    !hyaline.ok ||
    !color.ok ||
    !(ENV_VERSIONS as readonly unknown[]).includes(env) ||
    typeof width !== 'number' ||
    !Number.isFinite(width)
  ) {
    return failure(WX.invalidArgs)
  }
  const size = Math.min(WXACODE_WIDTH.max, Math.max(WXACODE_WIDTH.min, Math.round(width)))
  const text = new URLSearchParams({
    appid: admitted.app.config.appid,
    ...(page === '' ? {} : { page }),
    scene,
    env_version: String(env)
  })
  let image: Raster
  try {
    image = drawQrCode({
      text: `wxacode?${text.toString()}`,
      size,
      dark: autoColor.value ? AUTO_COLOR : (color.value ?? BLACK),
      light: hyaline.value ? null : WHITE
    })
  } catch {
    // More than a QR code holds: only a page path far longer than any Mini Program's gets here.
    return failure(WX.invalidPage)
  }
  return hyaline.value
    ? bytesReply(200, 'image/png', encodePng(image))
    : bytesReply(200, 'image/jpeg', encodeJpeg(image))
}
