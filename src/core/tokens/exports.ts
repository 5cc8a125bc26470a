import { randomUUID } from 'node:crypto'
import type { AppCredentials } from '../profiles'
import { remainingSeconds } from '../local-api/token-response'
import type { HeldToken } from './held-token'

/** Shell-quotes for POSIX shells (single quotes, with embedded quotes escaped). */
const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`

/** A curl that uses the token against getcallbackip, WeChat's cheapest "is this token alive?" call. */
export function curlForToken(apiBase: string, token: string): string {
  const url = `${apiBase}/cgi-bin/getcallbackip?access_token=${encodeURIComponent(token)}`
  return `curl -sS ${shellQuote(url)}`
}

export interface PostmanEnvironment {
  id: string
  name: string
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: boolean }[]
  _postman_variable_scope: 'environment'
  _postman_exported_at: string
  _postman_exported_using: string
}

/** A Postman environment: the token as a secret-typed variable, plus the base URL and AppID. */
export function postmanEnvironment(
  creds: Pick<AppCredentials, 'name' | 'appId' | 'apiBase' | 'env'>,
  held: HeldToken,
  now: number,
  version: string
): PostmanEnvironment {
  return {
    id: randomUUID(),
    name: `WeChat · ${creds.name} (${creds.env})`,
    values: [
      { key: 'wechat_api_base', value: creds.apiBase, type: 'default', enabled: true },
      { key: 'appid', value: creds.appId, type: 'default', enabled: true },
      { key: 'access_token', value: held.value, type: 'secret', enabled: true },
      {
        key: 'access_token_expires_at',
        value: new Date(held.expiresAt).toISOString(),
        type: 'default',
        enabled: true
      }
    ],
    _postman_variable_scope: 'environment',
    _postman_exported_at: new Date(now).toISOString(),
    _postman_exported_using: `WeChat Token Desk/${version}`
  }
}

/** A name as a file name that is safe on every OS. */
export const fileSlug = (name: string): string =>
  name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'app'

export function postmanFileName(creds: Pick<AppCredentials, 'name' | 'env'>): string {
  return `${fileSlug(creds.name)}-${creds.env}.postman_environment.json`
}

/** The live collections (the token read from the Local API) for an app named `name`. */
export function collectionFileName(name: string, format: 'postman' | 'bruno'): string {
  return `${fileSlug(name)}.${format}_collection.json`
}

/** The token as JSON, with the fields GET /v1/apps/{appid}/access-token answers, and the AppID. */
export function tokenJson(appId: string, held: HeldToken, now: number): string {
  const answer = {
    appid: appId,
    access_token: held.value,
    expires_in: remainingSeconds(held, now),
    expires_at: new Date(held.expiresAt).toISOString(),
    obtained_at: new Date(held.obtainedAt).toISOString(),
    mode: held.mode
  }
  return JSON.stringify(answer, null, 2)
}
