import { parseArgs } from 'node:util'
import { ConfigError } from '../compose/headless'
import {
  PUSH_ACCOUNTS,
  PUSH_FORMATS,
  PUSH_MODES,
  templatesFor,
  type PushAccount,
  type PushFormat,
  type PushMode,
  type TemplateId
} from '../core/push'

/** The environment variables the Token and the EncodingAESKey may come from, so they stay out of `ps` and shell history. */
export const PUSH_TOKEN_ENV = 'WECHAT_PUSH_TOKEN'
export const PUSH_AES_KEY_ENV = 'WECHAT_PUSH_AES_KEY'

export type PushAction =
  | { kind: 'verify' }
  | { kind: 'template'; template: TemplateId; values: Record<string, string> }
  | { kind: 'body'; bodyFile: string }

export interface PushArgs {
  command: 'push'
  url: string
  /** From --token, else the environment (resolved by the runner). */
  token: string | null
  aesKey: string | null
  appId: string | null
  mode: PushMode
  account: PushAccount
  format: PushFormat
  accountId: string | null
  openid: string | null
  action: PushAction
  retry: boolean
}

export const PUSH_USAGE = `Usage: wechat-token-desk push --url URL --token TOKEN [options] ACTION

Sends WeChat's URL verification or a message / event push to your own server, signed (and in compat or
safe mode encrypted) exactly as WeChat does, and judges the answer as WeChat would. Prints one JSON
object: the verdict, the findings (en + zh-CN), what the user would see, the decoded reply, each delivery
and the request as curl. Exit code 0 only when WeChat would accept the answer; 1 when it would not (the
reason on stderr); 2 for a bad command line.

Action (one):
  --verify               the verification GET (signature, timestamp, nonce, echostr)
  --type TYPE            a user message: text | image | voice | video | shortvideo | location | link
                         (Mini Program: text | image | miniprogrampage)
  --event EVENT          an event: subscribe | unsubscribe | SCAN | LOCATION | CLICK | VIEW |
                         TEMPLATESENDJOBFINISH (Mini Program: user_enter_tempsession)
  --body FILE            send FILE as the plaintext message (XML, or JSON for a Mini Program in JSON)

Message fields:
  --content TEXT         Content of a text message
  --scene SCENE          subscribe from a parametric QR code (EventKey qrscene_SCENE + Ticket); SCAN's EventKey
  --field NAME=VALUE     any field of the message, repeatable (e.g. --field EventKey=MENU_1)

Server configuration (服务器配置):
  --url URL              your server's URL; the only place anything is sent
  --token TOKEN          the Token (3-32 letters and digits)
  --aes-key KEY          the EncodingAESKey (43 characters), for compat and safe mode
  --appid APPID          the account's AppID, sealed into every encrypted message
  --mode MODE            plain | compat | safe (default plain)
  --account KIND         official-account | mini-program (default official-account)
  --format FORMAT        xml | json (Mini Program only; default xml)
  --to ID                ToUserName: the account's original id (default gh_d3e07d51b513)
  --openid OPENID        FromUserName and ?openid: the user who writes (default o6_bmjrPTlm6_2sgVt7hMZOPfL2M)
  --retry                when no answer comes within 5 s, resend as WeChat does: up to 3 deliveries
  --help

Environment:
  ${PUSH_TOKEN_ENV}      the Token, when --token is not given
  ${PUSH_AES_KEY_ENV}    the EncodingAESKey, when --aes-key is not given
`

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  problems: string[]
): T {
  if (value === undefined) return fallback
  if ((allowed as readonly string[]).includes(value)) return value as T
  problems.push(`--${name}: expected ${allowed.join(' | ')} (got "${value}")`)
  return fallback
}

/** The template for `--type` / `--event` on this kind of account (events match case-insensitively). */
function templateFor(
  account: PushAccount,
  type: string | undefined,
  event: string | undefined,
  fromQr: boolean,
  problems: string[]
): TemplateId | null {
  const templates = templatesFor(account)
  if (type !== undefined) {
    const found = templates.find((t) => t.event === undefined && t.msgType === type)
    if (found) return found.id
    const known = templates.filter((t) => t.event === undefined).map((t) => t.msgType)
    problems.push(`--type: ${account} messages are ${known.join(' | ')} (got "${type}")`)
    return null
  }
  const wanted = (event ?? '').toLowerCase()
  const matches = templates.filter((t) => t.event?.toLowerCase() === wanted)
  const found = matches.find((t) => t.id.endsWith('.qrscene') === fromQr) ?? matches[0]
  if (found) return found.id
  const known = [...new Set(templates.flatMap((t) => (t.event ? [t.event] : [])))]
  problems.push(`--event: ${account} events are ${known.join(' | ')} (got "${event ?? ''}")`)
  return null
}

/** Parses `push …` (the words after `push`); problems are ConfigErrors naming the option. */
export function parsePushArgs(argv: string[]): PushArgs | { command: 'push-help' } {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        'aes-key': { type: 'string' },
        appid: { type: 'string' },
        mode: { type: 'string' },
        account: { type: 'string' },
        format: { type: 'string' },
        to: { type: 'string' },
        openid: { type: 'string' },
        verify: { type: 'boolean' },
        type: { type: 'string' },
        event: { type: 'string' },
        body: { type: 'string' },
        content: { type: 'string' },
        scene: { type: 'string' },
        field: { type: 'string', multiple: true },
        retry: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      }
    })
  } catch (error) {
    throw new ConfigError([error instanceof Error ? error.message : String(error)])
  }
  const { values } = parsed
  if (values.help) return { command: 'push-help' }
  const problems: string[] = []
  if (values.url === undefined)
    problems.push('--url: required (your server, e.g. http://127.0.0.1:8080/wechat)')
  const mode = oneOf('mode', values.mode, PUSH_MODES, 'plain', problems)
  const account = oneOf('account', values.account, PUSH_ACCOUNTS, 'official-account', problems)
  const format = oneOf('format', values.format, PUSH_FORMATS, 'xml', problems)
  const actions = [values.verify ? '--verify' : null, values.type, values.event, values.body].filter(
    (a) => a !== undefined && a !== null
  )
  if (actions.length !== 1) {
    problems.push('choose one action: --verify, --type TYPE, --event EVENT or --body FILE')
  }
  const fields: Record<string, string> = {}
  for (const field of values.field ?? []) {
    const at = field.indexOf('=')
    if (at <= 0) problems.push(`--field: expected NAME=VALUE (got "${field}")`)
    else fields[field.slice(0, at)] = field.slice(at + 1)
  }
  if (values.content !== undefined) fields['Content'] = values.content
  const templated = values.type !== undefined || values.event !== undefined
  if (!templated && (Object.keys(fields).length > 0 || values.scene !== undefined)) {
    problems.push('--content, --scene and --field go with --type or --event')
  }
  let action: PushAction = { kind: 'verify' }
  if (values.body !== undefined) action = { kind: 'body', bodyFile: values.body }
  else if (templated) {
    const fromQr = values.scene !== undefined && values.event?.toLowerCase() === 'subscribe'
    if (values.scene !== undefined) {
      if (values.event?.toLowerCase() === 'subscribe') fields['EventKey'] = `qrscene_${values.scene}`
      else if (values.event?.toUpperCase() === 'SCAN') fields['EventKey'] = values.scene
      else problems.push('--scene: only with --event subscribe or --event SCAN')
    }
    const template = templateFor(account, values.type, values.event, fromQr, problems)
    if (template !== null) action = { kind: 'template', template, values: fields }
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return {
    command: 'push',
    url: values.url ?? '',
    token: values.token ?? null,
    aesKey: values['aes-key'] ?? null,
    appId: values.appid ?? null,
    mode,
    account,
    format,
    accountId: values.to ?? null,
    openid: values.openid ?? null,
    action,
    retry: values.retry === true
  }
}
