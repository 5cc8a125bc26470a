/**
 * The Local API panel's strings, registered as the i18next namespace `localApi` on the renderer's one
 * instance; `localApiText` gives typed lookups into it.
 */
import { localApiEn } from './local-api-en'
import { localApiZhCN } from './local-api-zh-cn'
import { registerNamespace, type Leaves, type TextVars } from './typed-namespace'

export const LOCAL_API_NAMESPACE = 'localApi'

export type LocalApiKey = Leaves<typeof localApiEn>

export type LocalApiVars = TextVars

/** The string for `key` in `language`, with `{{name}}` placeholders filled from `vars`. */
export const localApiText = registerNamespace(LOCAL_API_NAMESPACE, { en: localApiEn, 'zh-CN': localApiZhCN })
