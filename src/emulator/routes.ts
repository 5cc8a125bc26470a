import type { ApiState } from './api-state'
import type { AppRegistry } from './app-registry'
import { catalogueRoutes } from './catalogue-routes'
import type { TokenLedger } from './credential-model'
import { callbackIp, clearQuotaV2 } from './debug-endpoints'
import { SNS_JSON_TYPE } from '../core/wechat-wire/content-types'
import { snsAccessToken, snsAuth, snsRefreshToken, snsUserInfo, type SnsDeps } from './oauth-endpoints'
import type { OAuthLedger } from './oauth-model'
import type { Attribution, StatsBucket } from './stats'
import { getTicket, TicketBook } from './ticket-endpoint'
import { classicToken, stableToken } from './token-endpoints'
import type { Answer, EmulatorRequest } from './endpoint'
import type { WeChatError } from '../core/wechat-wire/errors'
import type { Outcome, WxRequest } from '../core/wechat-wire/request'

export interface Route {
  /** Whether queued faults are served to requests on this path. */
  readonly faultable: boolean
  handle(req: EmulatorRequest): Answer
  /** The account and counter the request is charged to in the stats, when the request names one. */
  attribute(req: WxRequest): Attribution | undefined
  /** The Content-Type of every answer, when not the cgi-bin JSON one. */
  readonly contentType?: string
  /** The biggest request body read, when not the usual 16 KB (uploads). */
  readonly maxBodyBytes?: number
  /** How WeChat refuses a body over that size, when not with the emulator's own HTTP 413. */
  readonly oversize?: WeChatError
}

/** The emulated endpoints by path. */
export function createRoutes(
  apps: AppRegistry,
  ledger: TokenLedger,
  oauth: OAuthLedger,
  api: ApiState
): ReadonlyMap<string, Route> {
  const tickets = new TicketBook()
  const sns = (handle: (deps: SnsDeps, req: WxRequest) => Outcome): Route => ({
    faultable: false,
    handle: (req) => handle({ apps, oauth }, req),
    attribute: () => undefined,
    contentType: SNS_JSON_TYPE
  })
  return new Map<string, Route>([
    [
      '/cgi-bin/token',
      {
        faultable: true,
        handle: (req) => classicToken(apps, req),
        attribute: (req) => chargedTo(req.query.get('appid'), 'classic')
      }
    ],
    [
      '/cgi-bin/stable_token',
      { faultable: true, handle: (req) => stableToken(apps, req), attribute: stableAttribution }
    ],
    [
      '/cgi-bin/getcallbackip',
      {
        faultable: true,
        handle: (req) => callbackIp({ apps, ledger }, req),
        attribute: (req) => chargedTo(ledger.find(req.query.get('access_token') ?? '')?.appid, 'probe')
      }
    ],
    [
      '/cgi-bin/ticket/getticket',
      {
        faultable: true,
        handle: (req) => getTicket({ apps, ledger }, tickets, req),
        attribute: (req) => chargedTo(ledger.find(req.query.get('access_token') ?? '')?.appid, 'ticket')
      }
    ],
    [
      '/cgi-bin/clear_quota/v2',
      { faultable: false, handle: (req) => clearQuotaV2(apps, req), attribute: () => undefined }
    ],
    ['/sns/oauth2/access_token', sns(snsAccessToken)],
    ['/sns/oauth2/refresh_token', sns(snsRefreshToken)],
    ['/sns/auth', sns(snsAuth)],
    ['/sns/userinfo', sns(snsUserInfo)],
    ...catalogueRoutes({ apps, ledger, state: api })
  ])
}

function chargedTo(appid: string | null | undefined, bucket: StatsBucket): Attribution | undefined {
  return appid ? { appid, bucket } : undefined
}

function stableAttribution(req: WxRequest): Attribution | undefined {
  if (!req.body.ok) return undefined
  const { appid, force_refresh: force } = req.body.value
  return typeof appid === 'string' ? chargedTo(appid, force === true ? 'force' : 'stable') : undefined
}
