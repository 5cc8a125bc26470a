import { afterEach } from 'vitest'
import type { OAuthService } from '../../src/core/oauth'
import { ManualClock } from '../../src/core/time/clock'
import type { OAuthAuthorizationView, OAuthLink, OAuthLinkDraft } from '../../src/shared/contract'
import { startTestDesk, type TestDesk } from './desk'
import { approve } from './oauth-phone'

/** Any port on 127.0.0.1 is a registered 网页授权 domain of the sandbox account; nothing needs to listen here. */
export const SANDBOX_CALLBACK = 'http://127.0.0.1:8080/oauth/callback'

export interface OAuthWorld {
  desk: TestDesk
  clock: ManualClock
  oauth: OAuthService
  /** Builds a sandbox link (snsapi_userinfo unless told) with a fresh state. */
  build(redirectUri: string, draft?: Partial<OAuthLinkDraft>): Promise<OAuthLink>
  /** A sign-in as `user` (li-lei unless told): a link to SANDBOX_CALLBACK, approved, its redirect pasted. */
  authorize(user?: string, draft?: Partial<OAuthLinkDraft>): Promise<OAuthAuthorizationView>
  /** Upstream code exchanges the desk made (from the call log). */
  exchanges(): number
  /** Closes the desk; closing again does nothing. */
  close(): Promise<void>
}

type WorldOptions = { encryption?: boolean; dataDir?: string }

/** The real desk services (sandbox emulator included) on a fresh data folder, with a manual clock. */
export async function oauthWorld(options: WorldOptions = {}): Promise<OAuthWorld> {
  const clock = new ManualClock()
  const desk = await startTestDesk({ clock, ...options })
  const oauth = desk.services.oauth
  let closed: Promise<void> | null = null
  const build: OAuthWorld['build'] = (redirectUri, draft = {}) =>
    oauth.build('sandbox', {
      redirectUri,
      scope: 'snsapi_userinfo',
      endpoint: 'authorize',
      state: oauth.newState(),
      forcePopup: false,
      connectRedirect: true,
      lang: null,
      ...draft
    })
  return {
    desk,
    clock,
    oauth,
    build,
    authorize: async (user, draft) => {
      const landed = await approve((await build(SANDBOX_CALLBACK, draft)).url, user)
      return (await oauth.exchangePasted('sandbox', landed)).authorization
    },
    exchanges: () =>
      desk.services.callLog.list().filter((entry) => entry.endpoint === '/sns/oauth2/access_token').length,
    close: () => (closed ??= desk.close())
  }
}

/** For a test file: opens worlds on demand and closes each after its test. */
export function oauthWorlds(): (options?: WorldOptions) => Promise<OAuthWorld> {
  const open: OAuthWorld[] = []
  afterEach(async () => {
    for (const world of open.splice(0)) await world.close()
  })
  return async (options) => {
    const world = await oauthWorld(options)
    open.push(world)
    return world
  }
}

/** Waits (real time, a few ms at a time) until `check` holds: for work started by an incoming request. */
export async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
