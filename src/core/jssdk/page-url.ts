import type { JssdkFinding } from '../../shared/contract'
import { matchesOAuthDomain } from '../../shared/oauth-domain'
import { text } from '../../shared/result'

/** Something about a page URL that decides whether wx.config will pass. */
export type PageUrlFinding = JssdkFinding & {
  rule: 'not-a-url' | 'fragment-stripped' | 'not-http' | 'plain-http' | 'domain-not-registered' | 'no-domains'
}

export interface CheckedPageUrl {
  /** What the desk signs: the URL as typed, without `#` and what follows; null when it is not a URL. */
  url: string | null
  findings: PageUrlFinding[]
}

/**
 * Checks the URL a page passes to the signature (wechat-api.md §5.2): the signature covers the full URL of
 * the page without its fragment, query included, exactly as the page sees it; its host must be one of the
 * app's JS接口安全域名.
 */
export function checkPageUrl(input: string, jsDomains: readonly string[]): CheckedPageUrl {
  const typed = input.trim()
  const findings: PageUrlFinding[] = []
  const hash = typed.indexOf('#')
  const url = hash === -1 ? typed : typed.slice(0, hash)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return {
      url: null,
      findings: [
        {
          rule: 'not-a-url',
          level: 'error',
          message: text(
            'Paste the full address of the page, e.g. https://www.example.com/pay?order=1.',
            '请粘贴页面的完整地址，例如 https://www.example.com/pay?order=1。'
          )
        }
      ]
    }
  }
  if (hash !== -1) {
    findings.push({
      rule: 'fragment-stripped',
      level: 'info',
      message: text(
        `The fragment "${typed.slice(hash)}" is not signed: the desk signs ${url}. Sign location.href.split('#')[0] in your page too.`,
        `片段“${typed.slice(hash)}”不参与签名：本工具签名的是 ${url}。页面里也要用 location.href.split('#')[0]。`
      )
    })
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    findings.push({
      rule: 'not-http',
      level: 'error',
      message: text('A page URL starts with http:// or https://.', '页面地址须以 http:// 或 https:// 开头。')
    })
  } else if (parsed.protocol === 'http:') {
    findings.push({
      rule: 'plain-http',
      level: 'info',
      message: text(
        'http and https are different URLs to the signature: sign the scheme the page was really loaded with.',
        '对签名而言 http 与 https 是不同的地址：请按页面实际使用的协议签名。'
      )
    })
  }
  if (jsDomains.length === 0) {
    findings.push({
      rule: 'no-domains',
      level: 'warning',
      message: text(
        'No JS接口安全域名 is set for this app: add the page’s domain in the app (as in 公众号设置 → 功能设置).',
        '此应用没有设置 JS 接口安全域名：请在应用中填写页面的域名（同 公众号设置 → 功能设置）。'
      )
    })
  } else if (!jsDomains.some((domain) => matchesOAuthDomain(parsed, domain))) {
    findings.push({
      rule: 'domain-not-registered',
      level: 'error',
      message: text(
        `${parsed.host} is not one of this app’s JS接口安全域名 (${jsDomains.join(', ')}): wx.config fails with "invalid url domain".`,
        `${parsed.host} 不在此应用的 JS 接口安全域名（${jsDomains.join('、')}）中：wx.config 会报 “invalid url domain”。`
      )
    })
  }
  return { url, findings }
}
