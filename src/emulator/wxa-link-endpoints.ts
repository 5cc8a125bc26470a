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

/**
 * The page to open: a path without query or leading `/` (40165), a query of allowed characters (40212), an
 * env_version (85402).
 */
function jumpError(fields: Record<string, unknown>): WeChatError | null {
  const path = stringField(fields, 'path')
  const query = stringField(fields, 'query')
  const envVersion = stringField(fields, 'env_version')
  if (path === null || query === null || envVersion === null) return WX.dataFormat
  if (path.startsWith('/') || path.includes('?')) return WX.invalidWeappPagepath
  if (query.length > QUERY_MAX || !QUERY_CHARS.test(query)) return WX.invalidQuery
  const known = envVersion === '' || (ENV_VERSIONS as readonly string[]).includes(envVersion)
  return known ? null : WX.invalidEnvVersion
}

/**
 * When the link dies: `expire_type` 0 with `expire_time` (Unix s) or 1 with `expire_interval` (days), between
 * one minute and 30 days away (85401). Without either, 30 days: the longest any link lives since 2023.
 */
function expiryError(fields: Record<string, unknown>, now: number): WeChatError | null {
  const type = fields['expire_type'] ?? 0
  if (type !== 0 && type !== 1) return WX.invalidArgs
  if (type === 0) {
    const time = fields['expire_time']
    if (time === undefined) return null
    if (typeof time !== 'number' || !Number.isInteger(time)) return WX.dataFormat
    const at = time * 1000
    return at >= now + MINUTE_MS && at <= now + LINK_MAX_DAYS * DAY_MS ? null : WX.linkTimeLimit
  }
  const days = fields['expire_interval']
  const fits = typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= LINK_MAX_DAYS
  return fits ? null : WX.linkTimeLimit
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
  const jump = jumpOf(read.fields)
  const error = jump === null ? WX.dataFormat : (jumpError(jump) ?? expiryError(read.fields, req.now))
  return error ? { ok: false, error } : { ok: true, appid: admitted.app.config.appid }
}

/** POST /wxa/generate_urllink `{path, query, env_version, expire_type, …}` → `{…, url_link}` on wxaurl.cn. */
export function generateUrlLink(deps: ApiDeps, req: WxRequest): Outcome {
  const read = readLink(deps, req, CGI.urlLink, (fields) => fields)
  if (!read.ok) return failure(read.error)
  const ticket = deps.state.id('urllink', read.appid, 11, 'alphanumeric')
  return success({ errcode: 0, errmsg: 'ok', url_link: `https://wxaurl.cn/${ticket}` })
}

/**
 * POST /wxa/generatescheme `{jump_wxa: {path, query, env_version}, expire_type, …}` →
 * `{…, openlink: "weixin://dl/business/?t=…"}`.
 */
export function generateScheme(deps: ApiDeps, req: WxRequest): Outcome {
  const read = readLink(deps, req, CGI.scheme, (fields) => objectField(fields, 'jump_wxa'))
  if (!read.ok) return failure(read.error)
  const ticket = deps.state.id('scheme', read.appid, 11, 'alphanumeric')
  return success({ errcode: 0, errmsg: 'ok', openlink: `weixin://dl/business/?t=${ticket}` })
}
