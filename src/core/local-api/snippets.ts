import type { LocalApiSnippet } from '../../shared/contract/local-api'
import { displayAppName, type AppKind, type DisplayLanguage } from '../../shared/contract'
import { SNIPPET_TEMPLATES, type SnippetContext } from './snippet-templates'

export interface SnippetInput {
  /** The local API's base URL, e.g. `http://127.0.0.1:17180`. */
  deskUrl: string
  appId: string
  appName: string
  /** The built-in sandbox profile, whose untouched name is shown in the reader's language. */
  isSandbox?: boolean
  kind: AppKind
  /** Where the app's WeChat API calls go (the emulator for the sandbox): used by the examples that call WeChat. */
  apiBase: string
  /** The real API key, or null to read it from `DESK_API_KEY` (Postman: a placeholder). */
  key: string | null
  /** The language of the comments and of the sandbox's name (English by default). */
  language?: DisplayLanguage
}

/**
 * Ready-to-paste code, one per SDK the README names. The SDKs point their one API host setting at the desk, which
 * answers like api.weixin.qq.com: the shared token, every call relayed, token errors healed. curl and plain
 * fetch read the token from the /v1 API with the key, and ask for a passive refresh with a refused token.
 */
export function buildSnippets(input: SnippetInput): LocalApiSnippet[] {
  const context = contextOf(input)
  return SNIPPET_TEMPLATES.map(({ id, title, language, render }) => {
    const code = render(context)
    // The SDK snippets use the WeChat host, which needs no key: they never carry one.
    return { id, title, language, code, keyIncluded: input.key !== null && code.includes(input.key) }
  })
}

function contextOf(input: SnippetInput): SnippetContext {
  const language = input.language ?? 'en'
  const named = displayAppName({ name: input.appName, isSandbox: input.isSandbox ?? false }, language)
  const name = named.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim()
  return {
    input,
    tokenUrl: `${input.deskUrl}/v1/apps/${input.appId}/access-token`,
    name,
    label: language === 'zh-CN' ? `“${name}”（${input.appId}）` : `"${name}" (${input.appId})`,
    miniProgram: input.kind === 'mini-program',
    say: (en, zh) => (language === 'zh-CN' ? zh : en)
  }
}
