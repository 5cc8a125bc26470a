/**
 * The OAuth workbench's strings, registered as the i18next namespace `oauth` on the renderer's one instance
 * (so they switch language with everything else). The main `translation` namespace's types stay untouched;
 * `oauthText` gives typed lookups into this one.
 */
import { i18n } from './index'
import type { UiLanguage } from './language'
import { oauthEn } from './oauth-en'
import { oauthZhCN } from './oauth-zh-cn'

export const OAUTH_NAMESPACE = 'oauth'

i18n.addResourceBundle('en', OAUTH_NAMESPACE, oauthEn, true, true)
i18n.addResourceBundle('zh-CN', OAUTH_NAMESPACE, oauthZhCN, true, true)

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every string of the namespace, as a dotted key (`link.build`, `auth.sexes.0` …). */
export type OAuthKey = Leaves<typeof oauthEn>

export type OAuthVars = Record<string, string | number>

const TABLES: Record<UiLanguage, typeof oauthEn> = { en: oauthEn, 'zh-CN': oauthZhCN }

function lookup(table: unknown, key: string): string {
  let node: unknown = table
  for (const part of key.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined
  }
  return typeof node === 'string' ? node : key
}

/** The string for `key` in `language`, with `{{name}}` placeholders filled from `vars`. */
export function oauthText(language: UiLanguage, key: OAuthKey, vars: OAuthVars = {}): string {
  return lookup(TABLES[language], key).replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole
  )
}
