import type { OAuthEndpoint, OAuthLinkDraft } from '../../shared/contract'

import { OPEN_WEIXIN_BASE, siblingBaseFor } from '../../shared/wechat-hosts'

export { OPEN_WEIXIN_BASE }

export const ENDPOINT_PATHS: Record<OAuthEndpoint, string> = {
  authorize: '/connect/oauth2/authorize',
  qrconnect: '/connect/qrconnect'
}

/**
 * The host authorize links point at for a profile: an emulator on this machine (the sandbox, or any profile
 * whose API base is plain http on loopback) serves the authorize pages itself; everything else —
 * api.weixin.qq.com or a proxy in front of it — uses open.weixin.qq.com, where the WeChat client goes.
 */
export const authorizeBaseFor = (apiBase: string): string => siblingBaseFor(apiBase, OPEN_WEIXIN_BASE)

/** The scope that goes with an endpoint by default (snsapi_login ↔ qrconnect). */
export const endpointForScope = (scope: OAuthLinkDraft['scope']): OAuthEndpoint =>
  scope === 'snsapi_login' ? 'qrconnect' : 'authorize'

/**
 * The authorize link in WeChat's strict order (wechat-api.md §4.1, §4.2): appid, redirect_uri, response_type,
 * scope, state, then the extras (forcePopup, connect_redirect, lang — in that order), then `#wechat_redirect`.
 * The redirect URI is trimmed and encoded exactly once, with encodeURIComponent semantics; `state=` is always
 * present, even when empty.
 */
export function buildAuthorizeUrl(base: string, appId: string, draft: OAuthLinkDraft): string {
  const params: [string, string][] = [
    ['appid', appId.trim()],
    ['redirect_uri', draft.redirectUri.trim()],
    ['response_type', 'code'],
    ['scope', draft.scope],
    ['state', draft.state]
  ]
  if (draft.forcePopup) params.push(['forcePopup', 'true'])
  if (draft.connectRedirect) params.push(['connect_redirect', '1'])
  if (draft.endpoint === 'qrconnect' && draft.lang !== null) params.push(['lang', draft.lang])
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')
  return `${base.replace(/\/+$/, '')}${ENDPOINT_PATHS[draft.endpoint]}?${query}#wechat_redirect`
}
