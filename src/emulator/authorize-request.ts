import { matchesOAuthDomain } from '../shared/oauth-domain'
import type { AppRegistry, AppState } from './app-registry'
import { isSnsScope, type SnsScope } from './oauth-model'

// The checks WeChat's client makes when it opens an authorize link (wechat-api.md §4.1, §4.2), answered with
// in-page errors. `#wechat_redirect` never reaches a server — browsers keep the fragment to themselves — so
// the emulator cannot check it; the desk's link lint does.

export type AuthorizeEndpoint = 'authorize' | 'qrconnect'

/** The parameters WeChat's strict pattern expects, in this order; extras may follow `state`. */
export const STRICT_ORDER = ['appid', 'redirect_uri', 'response_type', 'scope', 'state'] as const

/** An error WeChat shows in the page (HTML, HTTP 200). `code` is WeChat's number, when it shows one. */
export interface PageError {
  code: number | null
  zh: string
  en: string
  /** The emulator's own explanation, so a tester knows what to change. */
  hint: { zh: string; en: string }
}

export interface AuthorizeRequest {
  endpoint: AuthorizeEndpoint
  app: AppState
  appid: string
  redirectUri: URL
  scope: SnsScope
  state: string
}

export type AuthorizeCheck = { ok: true; request: AuthorizeRequest } | { ok: false; error: PageError }

const STATE_PATTERN = /^[A-Za-z0-9]*$/
export const MAX_STATE_BYTES = 128

const SCOPES_OF: Record<AuthorizeEndpoint, readonly SnsScope[]> = {
  authorize: ['snsapi_base', 'snsapi_userinfo'],
  qrconnect: ['snsapi_login']
}

const empty = (code: number, name: string): PageError => ({
  code,
  zh: `${name} 参数不能为空`,
  en: `${name} must not be empty`,
  hint: {
    zh: `链接缺少 ${name} 或其值为空。`,
    en: `The link has no ${name}, or an empty one.`
  }
})

const cannotOpen = (hint: PageError['hint']): PageError => ({
  code: null,
  zh: '该链接无法访问',
  en: 'This link cannot be opened',
  hint
})

/**
 * Checks an authorize / qrconnect query string as WeChat would: required parameters (10010-10013), the
 * strict parameter order, response_type, the appid, the scope for this endpoint (10005), the redirect_uri
 * and its 网页授权 domain (10003), then the state's characters and length.
 */
export function checkAuthorizeRequest(
  endpoint: AuthorizeEndpoint,
  rawQuery: string,
  apps: AppRegistry
): AuthorizeCheck {
  const params = [...new URLSearchParams(rawQuery)]
  const first = (name: string): string | null => params.find(([key]) => key === name)?.[1] ?? null
  const fail = (error: PageError): AuthorizeCheck => ({ ok: false, error })

  const appid = first('appid') ?? ''
  const redirect = first('redirect_uri') ?? ''
  const scope = first('scope') ?? ''
  const state = first('state')
  if (appid === '') return fail(empty(10012, 'appid'))
  if (redirect === '') return fail(empty(10011, 'redirect_uri'))
  if (scope === '') return fail(empty(10010, 'scope'))
  // The desk always sends `state=` (possibly empty); whether WeChat accepts a link with no state at all is
  // not on record, and its old error table has a code for it.
  if (state === null) return fail(empty(10013, 'state'))

  const names = params.map(([key]) => key)
  const leading = names.slice(0, STRICT_ORDER.length)
  const repeated = STRICT_ORDER.find((name) => names.filter((n) => n === name).length > 1)
  if (leading.join('&') !== STRICT_ORDER.join('&') || repeated) {
    return fail(
      cannotOpen({
        zh: `参数顺序必须为 ${STRICT_ORDER.join('、')}，其余参数放在 state 之后${repeated ? `；${repeated} 出现了多次（redirect_uri 是否未编码？）` : ''}。当前为：${names.join('、')}。`,
        en: `Parameters must come as ${STRICT_ORDER.join(', ')}, extras after state${repeated ? `; ${repeated} appears more than once (is redirect_uri unencoded?)` : ''}. This link has: ${names.join(', ')}.`
      })
    )
  }
  if (first('response_type') !== 'code') {
    return fail(cannotOpen({ zh: 'response_type 必须为 code。', en: 'response_type must be code.' }))
  }

  const app = apps.find(appid)
  if (!app) {
    return fail({
      code: null,
      zh: 'appid 参数错误',
      en: 'Invalid appid',
      hint: { zh: `模拟器中没有 AppID ${appid}。`, en: `The emulator has no account with AppID ${appid}.` }
    })
  }

  if (!isSnsScope(scope) || !SCOPES_OF[endpoint].includes(scope)) {
    const allowed = SCOPES_OF[endpoint].join(' / ')
    return fail({
      code: 10005,
      zh: '此公众号并没有这些 scope 的权限',
      en: 'This account has no permission for this scope',
      hint: {
        zh: `${endpoint === 'qrconnect' ? '/connect/qrconnect' : '/connect/oauth2/authorize'} 只接受 ${allowed}，当前为 ${scope}。`,
        en: `${endpoint === 'qrconnect' ? '/connect/qrconnect' : '/connect/oauth2/authorize'} accepts only ${allowed}; this link asks for ${scope}.`
      }
    })
  }

  let redirectUri: URL
  try {
    redirectUri = new URL(redirect)
  } catch {
    return fail(badRedirect(redirect))
  }
  if (redirectUri.protocol !== 'http:' && redirectUri.protocol !== 'https:')
    return fail(badRedirect(redirect))

  const domains = app.config.oauthDomains ?? []
  if (!domains.some((domain) => matchesOAuthDomain(redirectUri, domain))) {
    return fail({
      code: 10003,
      zh: 'redirect_uri 域名与后台配置不一致',
      en: 'The redirect_uri domain does not match the one configured',
      hint: {
        zh: `redirect_uri 的主机为 ${redirectUri.host}；已登记的网页授权域名：${domains.join('、') || '无'}。须完全一致（含端口）。`,
        en: `The redirect_uri host is ${redirectUri.host}; registered 网页授权 domains: ${domains.join(', ') || 'none'}. They must match exactly, port included.`
      }
    })
  }

  if (!STATE_PATTERN.test(state) || Buffer.byteLength(state) > MAX_STATE_BYTES) {
    return fail({
      code: null,
      zh: 'state 参数错误',
      en: 'Invalid state',
      hint: {
        zh: `state 只能包含 a-zA-Z0-9，最长 ${MAX_STATE_BYTES} 字节。`,
        en: `state may contain only a-zA-Z0-9, at most ${MAX_STATE_BYTES} bytes.`
      }
    })
  }

  return { ok: true, request: { endpoint, app, appid, redirectUri, scope, state } }
}

function badRedirect(value: string): PageError {
  const encodedTwice = /^https?%3a/i.test(value)
  return {
    code: null,
    zh: 'redirect_uri 参数错误',
    en: 'Invalid redirect_uri',
    hint: encodedTwice
      ? {
          zh: 'redirect_uri 解码一次后仍是编码过的 URL：它被编码了两次。',
          en: 'Decoded once, redirect_uri is still an encoded URL: it was encoded twice.'
        }
      : {
          zh: 'redirect_uri 必须是编码一次的绝对 http(s) 地址。',
          en: 'redirect_uri must be an absolute http(s) URL, encoded once.'
        }
  }
}

/**
 * Where WeChat sends the user back: the redirect_uri with `code` (absent when the user refused) and `state`
 * appended to its query — with `&` when it has one — and before any `#fragment` it carries.
 */
export function redirectWith(redirectUri: URL, params: { code?: string; state: string }): string {
  const [base = '', fragment] = redirectUri.href.split(/#(.*)/s)
  const query = [
    ...(params.code === undefined ? [] : [`code=${encodeURIComponent(params.code)}`]),
    `state=${encodeURIComponent(params.state)}`
  ].join('&')
  const joiner = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'
  return `${base}${joiner}${query}${fragment === undefined ? '' : `#${fragment}`}`
}
