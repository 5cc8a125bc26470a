import type { PartialHandlers } from '../handler-table'
import type { OAuthService } from './oauth-service'

type OAuthCalls =
  | 'getOAuthState'
  | 'getOAuthSetup'
  | 'newOAuthState'
  | 'previewOAuthLink'
  | 'buildOAuthLink'
  | 'copyOAuthLink'
  | 'startOAuthCatcher'
  | 'stopOAuthCatcher'
  | 'confirmOAuthCapture'
  | 'parseOAuthRedirect'
  | 'exchangeOAuthCode'
  | 'refreshOAuthToken'
  | 'checkOAuthToken'
  | 'getOAuthUserInfo'
  | 'copyOAuthField'
  | 'clearOAuthHistory'

/** The OAuth workbench's calls: thin, since inputs arrive validated and the service throws DeskFailure. */
export function oauthHandlers(oauth: OAuthService): PartialHandlers<OAuthCalls> {
  return {
    getOAuthState: () => oauth.state(),
    getOAuthSetup: ({ id }) => oauth.setup(id),
    newOAuthState: () => ({ state: oauth.newState() }),
    previewOAuthLink: ({ id, draft }) => oauth.preview(id, draft),
    buildOAuthLink: ({ id, draft }) => oauth.build(id, draft),
    copyOAuthLink: ({ linkId, format }) => {
      oauth.copyLink(linkId, format)
      return { copied: true }
    },
    startOAuthCatcher: ({ id, host, port, path }) => oauth.startCatcher(id, { host, port, path }),
    stopOAuthCatcher: () => oauth.stopCatcher(),
    confirmOAuthCapture: () => oauth.confirmCapture(),
    parseOAuthRedirect: ({ id, input }) => oauth.parse(id, input),
    exchangeOAuthCode: ({ id, input }) => oauth.exchangePasted(id, input),
    refreshOAuthToken: ({ authId }) => oauth.refresh(authId),
    checkOAuthToken: ({ authId }) => oauth.check(authId),
    getOAuthUserInfo: ({ authId, lang }) => oauth.userInfo(authId, lang),
    copyOAuthField: ({ authId, field }) => {
      oauth.copyField(authId, field)
      return { copied: true }
    },
    clearOAuthHistory: () => oauth.clearHistory()
  }
}
