import type { AppDraft } from '../../../../shared/contract'
import type {
  OAuthAuthorizationView,
  OAuthCopyField,
  OAuthExchangeOutcome,
  OAuthCatcherView,
  UserInfoLang
} from '../../../../shared/contract'
import type { Result } from '../../../../shared/result'
import type { AppView } from '../../../../shared/contract'
import { callDesk } from '../../lib/desk'
import {
  receiveOAuthState,
  setOAuthBusy,
  showArrivedAuthorization,
  setOAuthError,
  setOAuthNotice,
  type OAuthArea,
  type OAuthNotice
} from './oauth-store'

/**
 * Runs a call as `busy`, routes its failure to `area`'s error slot and its success to a notice. The area's old
 * error goes as the new attempt starts: a callout always belongs to the latest attempt.
 */
async function run<T>(
  busy: string,
  area: OAuthArea,
  call: () => Promise<Result<T>>,
  notice?: OAuthNotice | ((value: T) => OAuthNotice)
): Promise<T | null> {
  setOAuthBusy(busy)
  setOAuthNotice(null)
  setOAuthError(area, null)
  const result = await call()
  setOAuthBusy(null)
  if (!result.ok) {
    setOAuthError(area, result.error)
    return null
  }
  if (notice) setOAuthNotice(typeof notice === 'function' ? notice(result.value) : notice)
  return result.value
}

export async function loadOAuthState(): Promise<void> {
  const result = await callDesk((desk) => desk.getOAuthState())
  if (result.ok) receiveOAuthState(result.value)
  else setOAuthError('history', result.error)
}

export function startCatcher(
  id: string,
  host: string,
  port: number,
  path: string
): Promise<OAuthCatcherView | null> {
  return run('start-catcher', 'catcher', () =>
    callDesk((desk) =>
      desk.startOAuthCatcher({ id, host, port, path: path.trim() === '' ? undefined : path })
    )
  )
}

export function stopCatcher(): Promise<OAuthCatcherView | null> {
  return run('stop-catcher', 'catcher', () => callDesk((desk) => desk.stopOAuthCatcher()))
}

/** Exchanges a caught code whose state this desk did not issue, after the user said it is theirs. */
export function confirmCapture(): Promise<OAuthCatcherView | null> {
  return run('confirm-capture', 'catcher', () => callDesk((desk) => desk.confirmOAuthCapture()))
}

export async function exchangePasted(id: string, input: string): Promise<OAuthExchangeOutcome | null> {
  const outcome = await run(
    'exchange',
    'exchange',
    () => callDesk((desk) => desk.exchangeOAuthCode({ id, input })),
    (value) => ({ kind: 'authorized', openid: value.authorization.openid })
  )
  if (outcome) showArrivedAuthorization(outcome.authorization.id)
  return outcome
}

const tokenCommand = (
  busy: string,
  call: () => Promise<Result<OAuthAuthorizationView>>,
  notice: (view: OAuthAuthorizationView) => OAuthNotice
): Promise<OAuthAuthorizationView | null> => run(busy, 'token', call, notice)

/** Says what a refresh gave: main's clock stamps when, and the new token's end says for how long. */
export const refreshUserToken = (authId: string): Promise<OAuthAuthorizationView | null> =>
  tokenCommand(
    'refresh',
    () => callDesk((desk) => desk.refreshOAuthToken({ authId })),
    (view) => ({ kind: 'user-token-refreshed', at: Date.now(), expiresAt: view.accessExpiresAt })
  )

export const checkUserToken = (authId: string): Promise<OAuthAuthorizationView | null> =>
  tokenCommand(
    'check',
    () => callDesk((desk) => desk.checkOAuthToken({ authId })),
    (view) => ({ kind: 'user-token-checked', at: view.lastCheck?.at ?? Date.now() })
  )

export const getUserInfo = (authId: string, lang: UserInfoLang): Promise<OAuthAuthorizationView | null> =>
  tokenCommand(
    'userinfo',
    () => callDesk((desk) => desk.getOAuthUserInfo({ authId, lang })),
    () => ({ kind: 'userinfo-loaded' })
  )

/** Opens a built link in the system browser (main checks the scheme first). */
export async function openLink(url: string): Promise<void> {
  await run('open-link', 'link', () => callDesk((desk) => desk.openExternal({ url })), {
    kind: 'link-opened'
  })
}

export async function copyField(authId: string, field: OAuthCopyField): Promise<void> {
  await run(`copy-${field}`, 'token', () => callDesk((desk) => desk.copyOAuthField({ authId, field })), {
    kind: 'field-copied',
    field
  })
}

export async function copyLink(linkId: string, format: 'link' | 'chat'): Promise<void> {
  await run(`copy-link-${format}`, 'link', () => callDesk((desk) => desk.copyOAuthLink({ linkId, format })), {
    kind: 'link-copied',
    format
  })
}

export async function clearHistory(): Promise<void> {
  const view = await run('clear-history', 'history', () => callDesk((desk) => desk.clearOAuthHistory()), {
    kind: 'history-cleared'
  })
  if (view) receiveOAuthState(view)
}

/** Saves the app's 网页授权 domains through the ordinary profile update (the AppSecret is kept). */
export async function saveDomains(app: AppView, domains: string[]): Promise<boolean> {
  const draft: AppDraft = {
    name: app.name,
    appId: app.appId,
    kind: app.kind,
    env: app.env,
    mode: app.mode,
    ...(app.isSandbox ? {} : { apiBase: app.apiBase }),
    ...(app.remoteUrl === null ? {} : { remoteUrl: app.remoteUrl }),
    oauthDomains: domains
  }
  const saved = await run(
    'save-domains',
    'domains',
    () => callDesk((desk) => desk.updateApp({ id: app.id, draft })),
    {
      kind: 'domains-saved'
    }
  )
  return saved !== null
}
