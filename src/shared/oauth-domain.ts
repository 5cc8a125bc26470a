/**
 * 网页授权 callback domains: what a profile may store, and how WeChat matches a redirect_uri against them
 * (wechat-api.md §4.1: a bare host, no scheme, exact host match; test accounts also accept IP and IP:port).
 * Shared by the profile validation, the link lint and the emulator, so all three agree.
 */
import { text, type Localized } from './result'

/** WeChat's console takes at most two 网页授权 domains. */
export const MAX_OAUTH_DOMAINS = 2

const HOST_PORT = /^([^:]+)(?::(\d{1,5}))?$/
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/

/** Whether `hostname` is an IP literal (IPv4, or IPv6 with or without brackets). */
export function isIpLiteral(hostname: string): boolean {
  if (hostname.includes(':') || hostname.startsWith('[')) return true
  const match = IPV4.exec(hostname)
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255)
}

/** A domain as the desk stores it: trimmed and lower-case. */
export const normalizeOAuthDomain = (value: string): string => value.trim().toLowerCase()

/** Why `value` cannot be a 网页授权 domain (bare host or host:port), or null when it can. */
export function checkOAuthDomain(value: string): Localized | null {
  const domain = normalizeOAuthDomain(value)
  if (domain === '') return text('The domain is empty', '域名为空')
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(domain)) {
    return text(
      `Enter the bare host without a scheme, e.g. "${domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0] ?? ''}"`,
      `请只填写主机名，不带协议，例如“${domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0] ?? ''}”`
    )
  }
  if (/[\s/?#@\\]/.test(domain)) {
    return text(
      'Only the host (and a port on test accounts): no path, query, spaces or user name',
      '只填写主机名（测试号可带端口）：不能包含路径、查询参数、空格或用户名'
    )
  }
  if (domain.includes('*')) {
    return text(
      'WeChat matches the host exactly: wildcards are not allowed (register www.example.com itself)',
      '微信按主机名精确匹配，不支持通配符（请直接登记 www.example.com）'
    )
  }
  const match = HOST_PORT.exec(domain)
  if (!match) {
    return text(
      'Write it as host or host:port (IPv6 is not accepted)',
      '请写成 主机名 或 主机名:端口（不支持 IPv6）'
    )
  }
  const host = match[1] ?? ''
  const port = match[2]
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return text(`Port ${port} is out of range (1-65535)`, `端口 ${port} 超出范围（1-65535）`)
  }
  if (IPV4.test(host)) {
    return isIpLiteral(host)
      ? null
      : text(`"${host}" is not a valid IPv4 address`, `“${host}”不是有效的 IPv4 地址`)
  }
  const labels = host.split('.')
  if (!labels.every((label) => LABEL.test(label))) {
    return text(
      `"${host}" is not a host name: letters, digits and "-" between dots`,
      `“${host}”不是有效的主机名：只能由点分隔的字母、数字和“-”组成`
    )
  }
  return null
}

export type CheckedDomains = { ok: true; value: string[] } | { ok: false; message: Localized }

/** Validates and normalises a profile's domain list (duplicates dropped, at most two). */
export function checkOAuthDomains(values: readonly string[]): CheckedDomains {
  return checkDomainList(values, MAX_OAUTH_DOMAINS, text('网页授权 domains', '个网页授权域名'))
}

/**
 * A list of domains as the WeChat console keeps them (网页授权, JS接口安全域名): each a bare host or host:port,
 * normalised, duplicates dropped, at most `max`. `kind` names them in a sentence ("at most 2 网页授权 domains").
 */
export function checkDomainList(values: readonly string[], max: number, kind: Localized): CheckedDomains {
  const cleaned = [...new Set(values.map(normalizeOAuthDomain).filter((d) => d !== ''))]
  if (cleaned.length > max) {
    return {
      ok: false,
      message: text(
        `WeChat takes at most ${max} ${kind.en}; this list has ${cleaned.length}`,
        `微信最多登记 ${max} ${kind['zh-CN']}；当前为 ${cleaned.length} 个`
      )
    }
  }
  for (const domain of cleaned) {
    const problem = checkOAuthDomain(domain)
    if (problem) {
      return { ok: false, message: text(`${domain}: ${problem.en}`, `${domain}：${problem['zh-CN']}`) }
    }
  }
  return { ok: true, value: cleaned }
}

/**
 * Whether WeChat would accept `url` as a redirect for `domain`: the URL's host (with its port, unless it is
 * the scheme's default) must equal the domain exactly. `host:*` means "this host on any port": only the
 * built-in emulator's sandbox account is registered that way.
 */
export function matchesOAuthDomain(url: URL, domain: string): boolean {
  const wanted = normalizeOAuthDomain(domain)
  if (wanted.endsWith(':*')) return url.hostname.toLowerCase() === wanted.slice(0, -2)
  return url.host.toLowerCase() === wanted
}
