import type { OAuthService } from '../../src/core/oauth'
import { ManualClock } from '../../src/core/time/clock'
import type { OAuthLink, OAuthLinkDraft } from '../../src/shared/contract'
import { startTestDesk, type TestDesk } from './desk'

export interface OAuthWorld {
  desk: TestDesk
  clock: ManualClock
  oauth: OAuthService
  /** Builds a sandbox link (snsapi_userinfo unless told) with a fresh state. */
  build(redirectUri: string, draft?: Partial<OAuthLinkDraft>): Promise<OAuthLink>
  /** Upstream code exchanges the desk made (from the call log). */
  exchanges(): number
  close(): Promise<void>
}

/** The real desk services (sandbox emulator included) on a fresh data folder, with a manual clock. */
export async function oauthWorld(
  options: { encryption?: boolean; dataDir?: string } = {}
): Promise<OAuthWorld> {
  const clock = new ManualClock()
  const desk = await startTestDesk({ clock, ...options })
  const oauth = desk.services.oauth
  return {
    desk,
    clock,
    oauth,
    build: (redirectUri, draft = {}) =>
      oauth.build('sandbox', {
        redirectUri,
        scope: 'snsapi_userinfo',
        endpoint: 'authorize',
        state: oauth.newState(),
        forcePopup: false,
        connectRedirect: true,
        lang: null,
        ...draft
      }),
    exchanges: () =>
      desk.services.callLog.list().filter((entry) => entry.endpoint === '/sns/oauth2/access_token').length,
    close: () => desk.close()
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
