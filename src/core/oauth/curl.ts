import { endpointUrl } from '../wechat'
import type { UserTokens } from './authorization-history'

/** Shell-quotes for POSIX shells (single quotes, with embedded quotes escaped). */
export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`

export type UserTokenCurl = 'userinfo' | 'auth' | 'refresh'

/**
 * A curl for one of the user-token calls, with the user's token in it (the user asked to copy it). None of
 * them needs the AppSecret, so none carries it.
 */
export function curlForUserToken(
  kind: UserTokenCurl,
  target: { apiBase: string; appId: string; openid: string },
  tokens: UserTokens
): string {
  const url =
    kind === 'userinfo'
      ? endpointUrl(target.apiBase, '/sns/userinfo', {
          access_token: tokens.accessToken,
          openid: target.openid,
          lang: 'zh_CN'
        })
      : kind === 'auth'
        ? endpointUrl(target.apiBase, '/sns/auth', {
            access_token: tokens.accessToken,
            openid: target.openid
          })
        : endpointUrl(target.apiBase, '/sns/oauth2/refresh_token', {
            appid: target.appId,
            grant_type: 'refresh_token',
            refresh_token: tokens.refreshToken
          })
  return `curl -sS ${shellQuote(url.href)}`
}
