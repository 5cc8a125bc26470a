/**
 * The OAuth workbench's strings, registered as the i18next namespace `oauth` on the renderer's one instance
 * (so they switch language with everything else). The main `translation` namespace's types stay untouched;
 * `oauthText` gives typed lookups into this one.
 */
import { oauthEn } from './oauth-en'
import { oauthZhCN } from './oauth-zh-cn'
import { registerNamespace, type Leaves, type TextVars } from './typed-namespace'

export const OAUTH_NAMESPACE = 'oauth'

/** Every string of the namespace, as a dotted key (`link.build`, `auth.sexes.0` …). */
export type OAuthKey = Leaves<typeof oauthEn>

export type OAuthVars = TextVars

/** The string for `key` in `language`, with `{{name}}` placeholders filled from `vars`. */
export const oauthText = registerNamespace(OAUTH_NAMESPACE, { en: oauthEn, 'zh-CN': oauthZhCN })
