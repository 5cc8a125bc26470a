import type { AppRegistry } from './app-registry'
import { checkAuthorizeRequest, redirectWith, type AuthorizeEndpoint } from './authorize-request'
import { consentPage, errorPage, redirectPage } from './consent-page'
import type { ConsentTickets } from './consent-tickets'
import { FAKE_USERS, findFakeUser } from './fake-users'
import type { Reply } from '../core/http/reply'
import type { OAuthLedger } from './oauth-model'

// The pages WeChat shows inside its client: the authorize link (H5 and website-app qrconnect) and the
// consent form the emulator puts in place of "the user taps Allow".

/** A request to one of the emulator's pages, already read. */
export interface PageRequest {
  method: string
  /** The query string exactly as sent (without `?`): the parameter order matters here. */
  rawQuery: string
  /** The request body as text (the consent form posts application/x-www-form-urlencoded). */
  body: string
  now: number
}

export type PageRoute = (req: PageRequest) => Reply

export const CONSENT_PATH = '/connect/oauth2/consent'

export interface OAuthPagesDeps {
  apps: AppRegistry
  oauth: OAuthLedger
  tickets: ConsentTickets
}

const wrongMethod = (allowed: string): Reply =>
  errorPage({
    code: null,
    zh: '请求方式错误',
    en: 'Wrong request method',
    hint: { zh: `此页面只接受 ${allowed}。`, en: `This page accepts ${allowed} only.` }
  })

/** GET /connect/oauth2/authorize and /connect/qrconnect: checks the link, then shows the consent page. */
export function authorizePage(deps: OAuthPagesDeps, endpoint: AuthorizeEndpoint): PageRoute {
  return (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return wrongMethod('GET')
    const checked = checkAuthorizeRequest(endpoint, req.rawQuery, deps.apps)
    if (!checked.ok) return errorPage(checked.error)
    const { request } = checked
    return consentPage({
      ticket: deps.tickets.issue(request, req.now),
      appName: request.app.config.name ?? request.appid,
      appid: request.appid,
      scope: request.scope,
      users: FAKE_USERS,
      action: CONSENT_PATH
    })
  }
}

/**
 * POST /connect/oauth2/consent: Allow → 302 to `redirect_uri?code=…&state=…`; Refuse → 302 with `state` only
 * (the older documented behaviour, which lets the desk say "refused"; newer docs say no redirect at all).
 */
export function consentAnswer(deps: OAuthPagesDeps): PageRoute {
  return (req) => {
    if (req.method !== 'POST') return wrongMethod('POST')
    const form = new URLSearchParams(req.body)
    const request = deps.tickets.take(form.get('ticket') ?? '', req.now)
    if (!request) {
      return errorPage({
        code: null,
        zh: '授权页面已过期',
        en: 'This authorization page has expired',
        hint: {
          zh: '每个授权页面只能提交一次，且 10 分钟内有效。请重新打开授权链接。',
          en: 'Each authorization page can be answered once, within 10 minutes. Open the authorize link again.'
        }
      })
    }
    const decision = form.get('decision')
    if (decision === 'deny') return redirectPage(redirectWith(request.redirectUri, { state: request.state }))
    const user = findFakeUser(form.get('user') ?? '')
    if (decision !== 'allow' || !user) {
      return errorPage({
        code: null,
        zh: '请选择一个模拟用户后点击“允许”',
        en: 'Choose a sandbox user, then press Allow',
        hint: { zh: '请重新打开授权链接。', en: 'Open the authorize link again.' }
      })
    }
    const code = deps.oauth.issueCode(request.appid, request.scope, user.id, req.now)
    return redirectPage(redirectWith(request.redirectUri, { code, state: request.state }))
  }
}

export function createPageRoutes(deps: OAuthPagesDeps): ReadonlyMap<string, PageRoute> {
  return new Map<string, PageRoute>([
    ['/connect/oauth2/authorize', authorizePage(deps, 'authorize')],
    ['/connect/qrconnect', authorizePage(deps, 'qrconnect')],
    [CONSENT_PATH, consentAnswer(deps)]
  ])
}
