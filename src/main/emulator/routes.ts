import type { AppRegistry } from './app-registry'
import type { TokenLedger } from './credential-model'
import { callbackIp, clearQuotaV2 } from './debug-endpoints'
import type { Attribution, StatsBucket } from './stats'
import { classicToken, stableToken } from './token-endpoints'
import { isPlainObject, type Outcome, type WxRequest } from './wx-request'

export interface Route {
  /** Whether queued faults are served to requests on this path. */
  readonly faultable: boolean
  handle(req: WxRequest): Outcome
  /** The account and counter the request is charged to in the stats, when the request names one. */
  attribute(req: WxRequest): Attribution | undefined
}

/** The emulated endpoints by path. */
export function createRoutes(apps: AppRegistry, ledger: TokenLedger): ReadonlyMap<string, Route> {
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
        handle: (req) => callbackIp(ledger, req),
        attribute: (req) => chargedTo(ledger.find(req.query.get('access_token') ?? '')?.appid, 'probe')
      }
    ],
    [
      '/cgi-bin/clear_quota/v2',
      { faultable: false, handle: (req) => clearQuotaV2(apps, req), attribute: () => undefined }
    ]
  ])
}

function chargedTo(appid: string | null | undefined, bucket: StatsBucket): Attribution | undefined {
  return appid ? { appid, bucket } : undefined
}

function stableAttribution(req: WxRequest): Attribution | undefined {
  if (req.body.kind !== 'json' || !isPlainObject(req.body.value)) return undefined
  const { appid, force_refresh: force } = req.body.value
  return typeof appid === 'string' ? chargedTo(appid, force === true ? 'force' : 'stable') : undefined
}
