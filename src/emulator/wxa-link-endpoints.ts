import { admit, jsonFields } from './api-gate'
import type { ApiDeps } from './api-state'
import { CGI, type CgiApi } from './cgi-catalogue'
import { ENV_VERSIONS } from './mini-program-endpoints'
import { WX, type WeChatError } from '../core/wechat-wire/errors'
import {
  failure,
  objectField,
  stringField,
  success,
  type Outcome,
  type WxRequest
} from '../core/wechat-wire/request'

// URL links and URL schemes that open a Mini Program from outside WeChat (wechat-api.md §11.4). Both expire
// within 30 days; nothing resolves them on the emulator.

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000
export const LINK_MAX_DAYS = 30
const QUERY_MAX = 1024
const QUERY_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~%]*$/

interface Jump {
  path: string
  query: string
  envVersion: string
}

type Read<T> = { ok: true; value: T } | { ok: false; error: WeChatError }

/** The page to open: a path without query or leading `/` (40165), a query of allowed characters (40212), an env_version (85402). */
function readJump(fields: Record<string, unknown>): Read<Jump> {
  const path = stringField(fields, 'path')
  const query = stringField(fields, 'query')
  const envVersion = stringField(fields, 'env_version')
  if (path === null || query === null || envVersion === null) return { ok: false, error: WX.dataFormat }
  if (path.startsWith('/') || path.includes('?')) return { ok: false, error: WX.invalidWeappPagepath }
  if (query.length > QUERY_MAX || !QUERY_CHARS.test(query)) return { ok: false, error: WX.invalidQuery }
  const env = envVersion === '' ? 'release' : envVersion
  if (!(ENV_VERSIONS as readonly string[]).includes(env)) return { ok: false, error: WX.invalidEnvVersion }
  return { ok: true, value: { path, query, envVersion: env } }
}

/**
 * When the link dies: `expire_type` 0 with `expire_time` (Unix s) or 1 with `expire_interval` (days), between
 * one minute and 30 days away (85401). Without either, 30 days: the longest any link lives since 2023.
 */
function readExpiry(fields: Record<string, unknown>, now: number): Read<number> {
  const type = fields['expire_type'] ?? 0
  if (type !== 0 && type !== 1) return { ok: false, error: WX.invalidArgs }
  if (type === 0) {
    const time = fields['expire_time']
    if (time === undefined) return { ok: true, value: now + LINK_MAX_DAYS * DAY_MS }
    if (typeof time !== 'number' || !Number.isInteger(time)) return { ok: false, error: WX.dataFormat }
    const at = time * 1000
    return at >= now + MINUTE_MS && at <= now + LINK_MAX_DAYS * DAY_MS
      ? { ok: true, value: at }
      : { ok: false, error: WX.linkTimeLimit }
  }
  const days = fields['expire_interval']
  return typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= LINK_MAX_DAYS
    ? { ok: true, value: now + days * DAY_MS }
    : { ok: false, error: WX.linkTimeLimit }
}

type LinkRead = { ok: true; appid: string } | { ok: false; error: WeChatError }

function readLink(
  deps: ApiDeps,
  req: WxRequest,
  api: CgiApi,
  jumpOf: (fields: Record<string, unknown>) => Record<string, unknown> | null
): LinkRead {
  const admitted = admit(deps, req, api)
  if (!admitted.ok) return admitted
  const read = jsonFields(req, { tokenInBodyRefused: true })
  if (!read.ok) return read
  const jumpFields = jumpOf(read.fields)
  if (jumpFields === null) return { ok: false, error: WX.dataFormat }
  const jump = readJump(jumpFields)
  if (!jump.ok) return jump
  const expiry = readExpiry(read.fields, req.now)
  if (!expiry.ok) return expiry
  return { ok: true, appid: admitted.app.config.appid }
}

/** POST /wxa/generate_urllink `{path, query, env_version, expire_type, …}` → `{…, url_link: "https://wxaurl.cn/…"}`. */
export function generateUrlLink(deps: ApiDeps, req: WxRequest): Outcome {
  const read = readLink(deps, req, CGI.urlLink, (fields) => fields)
  if (!read.ok) return failure(read.error)
  const ticket = deps.state.id('urllink', read.appid, 11, 'alphanumeric')
  return success({ errcode: 0, errmsg: 'ok', url_link: `https://wxaurl.cn/${ticket}` })
}

/** POST /wxa/generatescheme `{jump_wxa: {path, query, env_version}, expire_type, …}` → `{…, openlink: "weixin://dl/business/?t=…"}`. */
export function generateScheme(deps: ApiDeps, req: WxRequest): Outcome {
  const read = readLink(deps, req, CGI.scheme, (fields) => objectField(fields, 'jump_wxa'))
  if (!read.ok) return failure(read.error)
  const ticket = deps.state.id('scheme', read.appid, 11, 'alphanumeric')
  return success({ errcode: 0, errmsg: 'ok', openlink: `weixin://dl/business/?t=${ticket}` })
}
