import {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_OPENID,
  PUSH_ACCOUNTS,
  PUSH_FORMATS,
  PUSH_MODES,
  type PushAccount,
  type PushFormat,
  type PushMode
} from '../../shared/contract'
import { text, type FieldIssue, type Localized } from '../../shared/result'
import { checkAppId, issue } from '../../shared/validation'
import { checkEncodingAesKey } from './aes'

/** The 服务器配置 of one app, plus who writes to it: everything a push needs. */
export interface PushTarget {
  /** The developer's server; the only place the desk sends anything. */
  url: string
  token: string
  /** Needed in compatible and safe mode. */
  encodingAesKey: string | null
  /** The account's AppID: the tail of every encrypted message. Needed in compatible and safe mode. */
  appId: string | null
  mode: PushMode
  account: PushAccount
  format: PushFormat
  /** ToUserName of pushes: the account's original id (`gh_…`). */
  accountId: string
  /** FromUserName of pushes and the `openid` query parameter: the user who writes. */
  openid: string
}

/** What a user types; missing optional fields take the defaults above. */
export interface PushTargetInput {
  url: string
  token: string
  encodingAesKey?: string | null
  appId?: string | null
  mode?: PushMode
  account?: PushAccount
  format?: PushFormat
  accountId?: string
  openid?: string
}

/** Why `value` is not a Token (3–32 letters and digits), or null when it is one. */
export function checkPushToken(value: string): Localized | null {
  if (value.length === 0) return text('Token is required', '请填写 Token')
  if (value.length < 3 || value.length > 32) {
    return text(
      `Token is 3 to 32 letters and digits; this one has ${value.length} characters`,
      `Token 为 3 至 32 位字母或数字；当前为 ${value.length} 个字符`
    )
  }
  const bad = /[^A-Za-z0-9]/.exec(value)
  return bad
    ? text(
        `Token: character ${bad.index + 1} "${bad[0]}" is not a letter or digit`,
        `Token：第 ${bad.index + 1} 个字符“${bad[0]}”不是字母或数字`
      )
    : null
}

/** Why `value` cannot be pushed to, or null. Any http(s) URL is fine: it is the developer's own server. */
export function checkPushUrl(value: string): Localized | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return text(
      `"${value}" is not a URL (e.g. http://127.0.0.1:8080/wechat)`,
      `“${value}”不是有效的 URL（例如 http://127.0.0.1:8080/wechat）`
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return text(`The URL must start with http:// or https://`, 'URL 必须以 http:// 或 https:// 开头')
  }
  if (url.username !== '' || url.password !== '' || url.hash !== '') {
    return text(
      'The URL must not carry credentials or a #fragment: WeChat sends neither',
      'URL 不能包含账号密码或 #片段：微信不会发送它们'
    )
  }
  return null
}

/** Why an id (openid, original id) cannot go into a push, or null. */
function checkId(value: string, what: string, zh: string): Localized | null {
  if (value.length === 0) return text(`${what} is required`, `请填写${zh}`)
  if (value.length > 128 || /[\s<>&"]/.test(value)) {
    return text(
      `${what} must be up to 128 characters with no spaces or < > & "`,
      `${zh}最长 128 个字符，且不能包含空白或 < > & "`
    )
  }
  return null
}

/** Who writes to which account, in which format: all that composing a push needs. */
export type PushSender = Pick<PushTarget, 'account' | 'format' | 'accountId' | 'openid'>
export type PushSenderInput = Pick<PushTargetInput, 'account' | 'format' | 'accountId' | 'openid'>

type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] }

/**
 * Validates the sender fields alone, so a template can be previewed before the URL and Token are filled in;
 * missing fields take the defaults.
 */
export function checkPushSender(input: PushSenderInput): Checked<PushSender> {
  const account = input.account ?? 'official-account'
  const format = input.format ?? 'xml'
  const accountId = input.accountId?.trim() || DEFAULT_ACCOUNT_ID
  const openid = input.openid?.trim() || DEFAULT_OPENID
  const issues: FieldIssue[] = [
    ...issue('accountId', checkId(accountId, 'The original id (ToUserName)', '原始 ID（ToUserName）')),
    ...issue('openid', checkId(openid, 'The openid', 'openid'))
  ]
  if (!PUSH_ACCOUNTS.includes(account)) {
    issues.push({
      path: 'account',
      message: text('Account is official-account or mini-program', '账号类型为公众号或小程序')
    })
  }
  if (!PUSH_FORMATS.includes(format)) {
    issues.push({ path: 'format', message: text('Format is xml or json', '数据格式为 XML 或 JSON') })
  } else if (format === 'json' && account === 'official-account') {
    issues.push({
      path: 'format',
      message: text(
        'Official Accounts push XML only; JSON is a Mini Program option',
        '公众号只推送 XML；JSON 是小程序的选项'
      )
    })
  }
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, value: { account, format, accountId, openid } }
}

/** Validates a push target; every problem is reported, each with the field it belongs to. */
export function checkPushTarget(input: PushTargetInput): Checked<PushTarget> {
  const mode = input.mode ?? 'plain'
  const encodingAesKey = input.encodingAesKey?.trim() || null
  const appId = input.appId?.trim() || null
  const url = input.url.trim()
  const sender = checkPushSender(input)
  const issues: FieldIssue[] = [
    ...issue('url', checkPushUrl(url)),
    ...issue('token', checkPushToken(input.token)),
    ...(sender.ok ? [] : sender.issues)
  ]
  if (!PUSH_MODES.includes(mode)) {
    issues.push({ path: 'mode', message: text('Mode is plain, compat or safe', '模式为明文、兼容或安全') })
  }
  if (mode !== 'plain') {
    const needs = text(
      `is required in ${mode === 'safe' ? 'safe' : 'compatible'} mode`,
      `${mode === 'safe' ? '安全' : '兼容'}模式下必填`
    )
    if (encodingAesKey === null) {
      issues.push({ path: 'encodingAesKey', message: prefixed('EncodingAESKey', needs) })
    } else issues.push(...issue('encodingAesKey', checkEncodingAesKey(encodingAesKey)))
    if (appId === null) issues.push({ path: 'appId', message: prefixed('AppID', needs) })
    else issues.push(...issue('appId', checkAppId(appId)))
  } else if (encodingAesKey !== null) {
    issues.push(...issue('encodingAesKey', checkEncodingAesKey(encodingAesKey)))
  }
  if (issues.length > 0 || !sender.ok) return { ok: false, issues }
  return { ok: true, value: { url, token: input.token, encodingAesKey, appId, mode, ...sender.value } }
}

const prefixed = (field: string, message: Localized): Localized =>
  text(`${field} ${message.en}`, `${field} ${message['zh-CN']}`)
