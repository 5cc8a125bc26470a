export {
  OAuthService,
  ownOAuthDomains,
  REFRESH_TOKEN_LIFETIME_MS,
  type OAuthDomains,
  type OAuthServiceDeps
} from './oauth-service'
export { oauthHandlers } from './handlers'
export { buildAuthorizeUrl, authorizeBaseFor, endpointForScope, OPEN_WEIXIN_BASE } from './authorize-url'
export { lintLink, LINT_RULES, type LintContext } from './link-lint'
export { parseRedirectPaste, type PasteParse } from './redirect-paste'
export { CallbackCatcher, DEFAULT_CATCHER_PATH, type CatcherOptions } from './callback-catcher'
export { generateState } from './state'
export { StateRegistry } from './state-registry'
