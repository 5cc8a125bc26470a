import type { CallDetail, CallLogEntry } from '../../shared/contract'
import { shellQuote } from '../oauth/curl'
import { MASK } from '../wechat/redact'

/** The shell variable that stands for each masked credential field. */
const VARIABLES: Readonly<Record<string, string>> = {
  access_token: 'ACCESS_TOKEN',
  secret: 'APPSECRET',
  appsecret: 'APPSECRET',
  refresh_token: 'REFRESH_TOKEN',
  ticket: 'TICKET',
  jsapi_ticket: 'TICKET',
  session_key: 'SESSION_KEY'
}

const WHERE: Readonly<Record<string, string>> = {
  ACCESS_TOKEN: "the app's access_token (the desk's Token panel, or GET /v1/apps/{appid}/access-token)",
  APPSECRET: "the app's AppSecret",
  REFRESH_TOKEN: "the user's refresh_token (the OAuth workbench)",
  TICKET: 'the ticket',
  SESSION_KEY: 'the session_key'
}

const FIELDS = Object.keys(VARIABLES).join('|')
const escapedMask = MASK.replace(/\*/g, '\\*')
/** `field=***` in a query or form, `"field":"***"` in JSON. */
const MASKED = new RegExp(`((?:\\b|")(${FIELDS})"?\\s*[=:]\\s*"?)${escapedMask}`, 'gi')

/** Header fields curl sets itself, or that would only get in the way of a replay. */
const SKIPPED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'accept-encoding',
  'transfer-encoding'
])

type Part = { literal: string } | { variable: string }

/**
 * The call as a curl command that runs as pasted once its variables are set: every masked credential is a
 * shell variable (`$ACCESS_TOKEN`, `$APPSECRET` …), never a value. A body the log could not keep whole (binary,
 * cut at its limit) is left out, and the command says so.
 */
export function curlForCall(entry: CallLogEntry, detail: CallDetail | null): string {
  const used = new Set<string>()
  const render = (text: string): string => quote(variables(text, used))
  const parts = ['curl -sS']
  if (entry.method !== 'GET') parts.push(`-X ${entry.method}`)
  parts.push(render(entry.url))
  const notes: string[] = []
  for (const [name, value] of detail?.request.headers ?? []) {
    if (SKIPPED_HEADERS.has(name.toLowerCase()) || value.includes(MASK)) continue
    parts.push(`-H ${render(`${name}: ${value}`)}`)
  }
  const body = detail?.request.body ?? null
  if (body?.text != null && !body.truncated) parts.push(`--data-binary ${render(body.text)}`)
  else if (body) {
    notes.push(
      `# The request body (${body.bytes} bytes${body.contentType ? `, ${body.contentType}` : ''}) is not in ` +
        'the log: add it with --data-binary @file (or -F for multipart).'
    )
  }
  const lines = [...used].map((name) => `# Set ${name} to ${WHERE[name] ?? name} first.`)
  return [...lines, ...notes, parts.join(' ')].join('\n')
}

function variables(text: string, used: Set<string>): Part[] {
  const parts: Part[] = []
  let last = 0
  for (const match of text.matchAll(MASKED)) {
    const prefix = match[1] ?? ''
    const field = (match[2] ?? '').toLowerCase()
    const variable = VARIABLES[field]
    if (variable === undefined) continue
    const start = match.index ?? 0
    parts.push({ literal: text.slice(last, start) + prefix }, { variable })
    used.add(variable)
    last = start + match[0].length
  }
  parts.push({ literal: text.slice(last) })
  return parts
}

const quote = (parts: Part[]): string =>
  parts
    .map((part) =>
      'variable' in part ? `"$${part.variable}"` : part.literal === '' ? '' : shellQuote(part.literal)
    )
    .join('') || "''"
