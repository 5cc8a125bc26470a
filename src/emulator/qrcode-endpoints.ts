import { createHash } from 'node:crypto'
import { admit, jsonFields } from './api-gate'
import type { ApiDeps } from './api-state'
import { CGI } from './cgi-catalogue'
import type { Answer } from './endpoint'
import { WX } from '../core/wechat-wire/errors'
import { encodeJpeg } from './jpeg'
import { BLACK, drawQrCode, WHITE } from './raster'
import { bytesReply, textReply } from '../core/http/reply'
import { failure, success, type Outcome, type WxRequest } from '../core/wechat-wire/request'

// Parametric QR codes (wechat-api.md §11.5): qrcode/create hands out a ticket, and showqrcode — on
// mp.weixin.qq.com in WeChat, on the emulator at the same path — turns it into the image.

export const TEMPORARY_DEFAULT_S = 60
export const TEMPORARY_MAX_S = 2_592_000
export const PERMANENT_MAX_SCENE_ID = 100_000
const MAX_TEMPORARY_SCENE_ID = 0xffff_ffff
const MAX_SCENE_STR = 64
/** showqrcode's images are 430 pixels square. */
export const SHOWQRCODE_SIZE = 430
/** What mp.weixin.qq.com labels them. */
export const SHOWQRCODE_TYPE = 'image/jpg'

const ACTIONS = {
  QR_SCENE: { permanent: false, byString: false },
  QR_STR_SCENE: { permanent: false, byString: true },
  QR_LIMIT_SCENE: { permanent: true, byString: false },
  QR_LIMIT_STR_SCENE: { permanent: true, byString: true }
} as const

const isAction = (value: unknown): value is keyof typeof ACTIONS =>
  typeof value === 'string' && value in ACTIONS

/** The scene an action_info names, as text; null when it does not fit the action (40053). */
function sceneOf(actionInfo: unknown, byString: boolean, permanent: boolean): string | null {
  if (typeof actionInfo !== 'object' || actionInfo === null) return null
  const scene = (actionInfo as Record<string, unknown>)['scene']
  if (typeof scene !== 'object' || scene === null) return null
  const fields = scene as Record<string, unknown>
  if (byString) {
    const value = fields['scene_str']
    return typeof value === 'string' && value.length >= 1 && value.length <= MAX_SCENE_STR ? value : null
  }
  const id = fields['scene_id']
  const max = permanent ? PERMANENT_MAX_SCENE_ID : MAX_TEMPORARY_SCENE_ID
  return typeof id === 'number' && Number.isInteger(id) && id >= 1 && id <= max ? String(id) : null
}

/**
 * A ticket in WeChat's shape: base64 of a small binary record that carries the code's URL (so it needs
 * URL-encoding in showqrcode's query, as WeChat's doc warns).
 */
function ticketFor(url: string, seed: string, issuedS: number, expireS: number): string {
  const head = createHash('sha256').update(seed).digest().subarray(0, 4)
  const tail = Buffer.alloc(13)
  tail.set([0x00, 0x02, 0x04], 0)
  tail.writeUInt32LE(issuedS >>> 0, 3)
  tail.set([0x03, 0x04], 7)
  tail.writeUInt32LE(expireS >>> 0, 9)
  return Buffer.concat([
    Buffer.from([0x81, 0x01]),
    head,
    Buffer.alloc(8),
    Buffer.from([0x01, url.length]),
    Buffer.from(url, 'latin1'),
    tail
  ]).toString('base64')
}

/**
 * POST /cgi-bin/qrcode/create → `{ticket, expire_seconds, url}` (permanent codes: no expire_seconds). An
 * action_name, scene_id or scene_str that does not fit is 40053; a temporary code lives `expire_seconds`
 * (default 60, at most 30 days). The same permanent scene keeps its ticket.
 */
export function qrcodeCreate(deps: ApiDeps, req: WxRequest): Outcome {
  const admitted = admit(deps, req, CGI.qrcodeCreate)
  if (!admitted.ok) return failure(admitted.error)
  const read = jsonFields(req)
  if (!read.ok) return failure(read.error)
  const { fields } = read
  const action = fields['action_name']
  if (!isAction(action)) return failure(typeof action === 'string' ? WX.invalidActionInfo : WX.dataFormat)
  const { permanent, byString } = ACTIONS[action]
  const scene = sceneOf(fields['action_info'], byString, permanent)
  if (scene === null) return failure(WX.invalidActionInfo)
  const requested = fields['expire_seconds']
  if (requested !== undefined && (typeof requested !== 'number' || !Number.isFinite(requested))) {
    return failure(WX.dataFormat)
  }
  const { appid } = admitted.app.config
  const { qrcodes } = deps.state
  if (permanent) {
    const known = qrcodes.permanentTicket(appid, scene)
    if (known) return success({ ticket: known.ticket, url: known.record.url })
  }
  const expireSeconds =
    requested === undefined || requested <= 0
      ? TEMPORARY_DEFAULT_S
      : Math.min(TEMPORARY_MAX_S, Math.floor(requested))
  const url = `http://weixin.qq.com/q/${deps.state.id('qrcode', appid, 22, 'alphanumeric')}`
  const issuedS = Math.floor(req.now / 1000)
  const ticket = ticketFor(url, `${appid}:${url}`, issuedS, permanent ? 0 : expireSeconds)
  const expiresAt = permanent ? null : req.now + expireSeconds * 1000
  qrcodes.add(ticket, { appid, url, expiresAt }, permanent ? scene : undefined)
  return success(permanent ? { ticket, url } : { ticket, expire_seconds: expireSeconds, url })
}

/** GET /cgi-bin/showqrcode?ticket= (no token): the code as a 430-pixel JPEG; unknown or expired → HTTP 404. */
export function showQrCode(deps: ApiDeps, req: WxRequest): Answer {
  const code = deps.state.qrcodes.find(req.query.get('ticket') ?? '', req.now)
  if (!code)
    return textReply(404, 'emulator: no QR code for this ticket (unknown, expired, or not URL-encoded)\n')
  const image = drawQrCode({ text: code.url, size: SHOWQRCODE_SIZE, dark: BLACK, light: WHITE })
  return bytesReply(200, SHOWQRCODE_TYPE, encodeJpeg(image))
}
