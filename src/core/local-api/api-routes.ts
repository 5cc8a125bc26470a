import type { Clock } from '../time/clock'
import { apiError, tokenFailureReply } from './api-error'
import { parseJsonObject } from '../http/read-body'
import { jsonReply, type Reply } from '../http/reply'
import { APPID_SHAPE, type AppIndex, type CatalogApp } from './app-index'
import type { TokenResponses } from './token-response'
import type { TokenAccess } from './token-access'

export interface ApiRouteDeps {
  index: AppIndex
  tokens: TokenAccess
  clock: Clock
  responses: TokenResponses
  logError: (error: unknown) => void
}

const MAX_STALE_TOKEN_LENGTH = 2048

/**
 * `GET /v1/apps`: every app with whether a token is held and until when, the error the desk remembers for it
 * (answered without calling WeChat until `next_try_at`), and whether another system is killing its tokens.
 * Never secrets or tokens.
 */
export function listApps(deps: ApiRouteDeps): Reply {
  const iso = (ms: number): string => new Date(ms).toISOString()
  const apps = deps.index.list().map((app) => {
    const held = deps.tokens.current(app.profileId)
    const view = deps.tokens.view(app.profileId)
    const { remembered, stomping } = view
    return {
      appid: app.appId,
      name: app.name,
      kind: app.kind,
      env: app.env,
      mode: app.mode,
      token_held: held !== null,
      expires_at: held ? iso(held.expiresAt) : null,
      error: remembered && {
        errcode: remembered.error.errcode ?? null,
        message: remembered.error.message.en,
        next_try_at: iso(remembered.nextTryAt)
      },
      stomping: stomping && {
        count_today: stomping.countToday,
        last_at: iso(stomping.lastAt),
        lifetime_seconds: stomping.lifetimeSeconds,
        message: stomping.message.en
      }
    }
  })
  return jsonReply(200, JSON.stringify({ apps }))
}

/**
 * `GET /v1/apps/{appid}/access-token`: the held token, or — when none is held — one obtained through the
 * keeper's single flight, shared with every concurrent caller.
 */
export function accessToken(deps: ApiRouteDeps, appid: string, now: number): Reply | Promise<Reply> {
  const found = resolveApp(deps, appid)
  if (!('profileId' in found)) return found
  const held = deps.tokens.current(found.profileId, now)
  if (held) return deps.responses.desk(found.profileId, held, now)
  return obtain(deps, found)
}

async function obtain(deps: ApiRouteDeps, app: CatalogApp): Promise<Reply> {
  try {
    // Prod + classic apps ask for confirmation before minting, because minting kills the token production
    // uses. Enabling the local API was the user's explicit choice to have the desk serve tokens to callers
    // who ask, so a caller asking when none is held counts as that confirmation.
    const held = await deps.tokens.ensure(app.profileId, { confirmed: true })
    return deps.responses.desk(app.profileId, held, deps.clock.now())
  } catch (error) {
    return tokenFailureReply(error, deps.logError)
  }
}

/**
 * `POST /v1/apps/{appid}/access-token/refresh` with `{"stale_token":"…"}`: passive refresh (被动刷新). A
 * stale token that is no longer current gets the current one back (`refreshed: false`, no WeChat call);
 * the current one is refreshed once, however many callers report it at the same moment.
 */
export async function passiveRefresh(deps: ApiRouteDeps, appid: string, body: string): Promise<Reply> {
  const found = resolveApp(deps, appid)
  if (!('profileId' in found)) return found
  const parsed = parseJsonObject(body)
  if (!parsed.ok) {
    return parsed.reason === 'not-json'
      ? apiError(400, 'bad-json', 'The request body is not valid JSON. Send {"stale_token":"…"}.')
      : apiError(400, 'invalid-input', 'The request body must be a JSON object: {"stale_token":"…"}.')
  }
  const stale = parsed.value['stale_token']
  if (typeof stale !== 'string' || stale === '' || stale.length > MAX_STALE_TOKEN_LENGTH) {
    return apiError(
      400,
      'invalid-input',
      'stale_token is required: the access_token WeChat refused (40001, 40014 or 42001), as a string.'
    )
  }
  try {
    const { token, refreshed } = await deps.tokens.passiveRefresh(found.profileId, stale)
    return deps.responses.desk(found.profileId, token, deps.clock.now(), refreshed)
  } catch (error) {
    return tokenFailureReply(error, deps.logError)
  }
}

function resolveApp(deps: ApiRouteDeps, appid: string): CatalogApp | Reply {
  const lookup = deps.index.lookup(appid)
  switch (lookup.kind) {
    case 'found':
      return lookup.app
    case 'unknown':
      return apiError(
        404,
        'unknown-app',
        APPID_SHAPE.test(appid)
          ? `No app with AppID ${appid} is set up in the desk.`
          : 'No app with that AppID is set up in the desk.'
      )
    case 'ambiguous':
      return apiError(
        409,
        'ambiguous-app',
        `${lookup.apps.length} profiles use AppID ${appid} (${lookup.apps.map((a) => `"${a.name}"`).join(', ')}), ` +
          'each with its own API base URL, so the desk cannot tell which token you mean. Keep one of them.'
      )
  }
}
