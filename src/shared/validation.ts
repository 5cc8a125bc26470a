import { text, type FieldIssue, type Localized } from './result'
import { DEFAULT_API_BASE, LOCAL_API_DEFAULT_PORT } from './contract'

const HEX = /^[0-9a-f]$/

function describeBadHex(value: string, from: number): Localized | null {
  for (let i = from; i < value.length; i++) {
    const ch = value[i] ?? ''
    if (!HEX.test(ch)) {
      const pos = i + 1
      if (/^[A-F]$/.test(ch)) {
        return text(
          `character ${pos} "${ch}" is upper-case; WeChat writes these in lower-case hex`,
          `第 ${pos} 个字符“${ch}”是大写；微信使用小写十六进制`
        )
      }
      return text(
        `character ${pos} "${ch}" is not a hex digit (0-9, a-f)`,
        `第 ${pos} 个字符“${ch}”不是十六进制字符（0-9、a-f）`
      )
    }
  }
  return null
}

/** Why `value` is not an AppID (`wx` + 16 lower-case hex digits), or null when it is one. */
export function checkAppId(value: string): Localized | null {
  if (value.length === 0) return text('AppID is required', '请填写 AppID')
  if (/\s/.test(value)) return text('AppID contains spaces', 'AppID 中含有空格')
  if (!value.startsWith('wx')) {
    return text(
      `AppID must start with "wx" (got "${value.slice(0, 2)}")`,
      `AppID 必须以 “wx” 开头（当前为 “${value.slice(0, 2)}”）`
    )
  }
  if (value.length !== 18) {
    return text(
      `AppID is "wx" + 16 hex digits = 18 characters; this one has ${value.length}`,
      `AppID 为 “wx” + 16 位十六进制，共 18 个字符；当前为 ${value.length} 个`
    )
  }
  const bad = describeBadHex(value, 2)
  return bad ? text(`AppID: ${bad.en}`, `AppID：${bad['zh-CN']}`) : null
}

/** Why `value` is not an AppSecret (32 lower-case hex digits), or null when it is one. */
export function checkAppSecret(value: string): Localized | null {
  if (value.length === 0) return text('AppSecret is required', '请填写 AppSecret')
  if (/\s/.test(value)) return text('AppSecret contains spaces', 'AppSecret 中含有空格')
  if (value.length !== 32) {
    return text(
      `AppSecret is 32 hex digits; this one has ${value.length} characters`,
      `AppSecret 为 32 位十六进制；当前为 ${value.length} 个字符`
    )
  }
  const bad = describeBadHex(value, 0)
  return bad ? text(`AppSecret: ${bad.en}`, `AppSecret：${bad['zh-CN']}`) : null
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** A normalised URL, or why it cannot be used. */
type ParsedUrl = { ok: true; value: string } | { ok: false; message: Localized }

/** Normalises an API base URL (no trailing slash) or explains why it cannot be used. */
export function parseApiBase(value: string): ParsedUrl {
  const raw = value.trim() === '' ? DEFAULT_API_BASE : value.trim()
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return {
      ok: false,
      message: text(
        `"${raw}" is not a URL (expected e.g. ${DEFAULT_API_BASE})`,
        `“${raw}”不是有效的 URL（例如 ${DEFAULT_API_BASE}）`
      )
    }
  }
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return {
      ok: false,
      message: text(
        'http:// is only allowed for 127.0.0.1 or localhost; use https:// (WeChat answers plain http with 43003)',
        'http:// 仅允许用于 127.0.0.1 或 localhost；请使用 https://（微信对 http 返回 43003）'
      )
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      ok: false,
      message: text(
        `API base must be https:// (got ${url.protocol})`,
        `API 地址必须为 https://（当前为 ${url.protocol}）`
      )
    }
  }
  return bareBase(url, text('API base', 'API 地址'))
}

export function checkName(value: string): Localized | null {
  if (value.trim().length === 0) return text('Name is required', '请填写名称')
  if (value.length > 80) return text('Name is longer than 80 characters', '名称超过 80 个字符')
  return null
}

export function issue(path: string, message: Localized | null): FieldIssue[] {
  return message ? [{ path, message }] : []
}

const PRIVATE_V4 = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/

/**
 * The base URL of another 中控 for remote mode. https anywhere; http only on this machine or a private
 * LAN address (a team server in the office), since the API key travels in a header.
 */
export function parseRemoteUrl(value: string): ParsedUrl {
  const raw = value.trim()
  if (raw === '') {
    return {
      ok: false,
      message: text(
        `Token server URL is required in remote mode (e.g. http://127.0.0.1:${LOCAL_API_DEFAULT_PORT})`,
        `远程模式需要填写令牌服务器地址（例如 http://127.0.0.1:${LOCAL_API_DEFAULT_PORT}）`
      )
    }
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, message: text(`"${raw}" is not a URL`, `“${raw}”不是有效的 URL`) }
  }
  const local = LOOPBACK_HOSTS.has(url.hostname) || PRIVATE_V4.test(url.hostname)
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    return {
      ok: false,
      message: text(
        'Use https://, or http:// only for this machine or a private LAN address: the API key is sent with every request',
        '请使用 https://；http:// 仅限本机或局域网私有地址，因为每次请求都会发送 API 密钥'
      )
    }
  }
  return bareBase(url, text('Token server URL', '令牌服务器地址'))
}

/** The base URL without its trailing slash, when it carries no query, fragment or credentials. */
function bareBase(url: URL, subject: Localized): ParsedUrl {
  if (url.search || url.hash || url.username || url.password) {
    return {
      ok: false,
      message: text(
        `${subject.en} must not carry a query, fragment or credentials`,
        `${subject['zh-CN']}不能包含查询参数、片段或账号密码`
      )
    }
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` }
}
