import type { AppRegistry, AppState } from './app-registry'
import { WX, type WeChatError } from '../core/wechat-wire/errors'
import type { WxRequest } from '../core/wechat-wire/request'

/** A code exchange that passed WeChat's checks up to the code itself. */
export type CodeExchange =
  { ok: true; appid: string; code: string; app: AppState } | { ok: false; error: WeChatError }

/**
 * What WeChat checks, in its order, before it looks at the code of a code exchange (网页授权's
 * `/sns/oauth2/access_token`, the Mini Program's `jscode2session`): GET, 41002 appid, 41004 secret,
 * 41008 code, 40002 grant_type, then 40013 / 40125 against the app.
 */
export function admitCodeExchange(
  apps: AppRegistry,
  req: WxRequest,
  codeParam: 'code' | 'js_code'
): CodeExchange {
  if (req.method !== 'GET') return { ok: false, error: WX.requireGet }
  const q = req.query
  const appid = q.get('appid') ?? ''
  const secret = q.get('secret') ?? ''
  const code = q.get(codeParam) ?? ''
  if (appid === '') return { ok: false, error: WX.appidMissing }
  if (secret === '') return { ok: false, error: WX.appsecretMissing }
  if (code === '') return { ok: false, error: WX.missingCode }
  if (q.get('grant_type') !== 'authorization_code') return { ok: false, error: WX.invalidGrantType }
  const admission = apps.authenticate(appid, secret)
  if (!admission.ok) return admission
  return { ok: true, appid, code, app: admission.app }
}
