/**
 * JS接口安全域名: the hosts whose pages may call wx.config for an Official Account. The console keeps them like
 * the 网页授权 domains (a bare host, matched exactly), up to five.
 */
import { checkDomainList, type CheckedDomains } from './oauth-domain'
import { text } from './result'

export const MAX_JS_DOMAINS = 5

/** Validates and normalises a profile's JS接口安全域名 (duplicates dropped, at most five). */
export function checkJsDomains(values: readonly string[]): CheckedDomains {
  return checkDomainList(values, MAX_JS_DOMAINS, text('JS接口安全域名', '个 JS 接口安全域名'))
}
