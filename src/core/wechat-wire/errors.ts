import { type WeChatError } from '../../shared/wechat-errors'

export { WX, type WeChatError } from '../../shared/wechat-errors'

/** 47003 names the template field whose `value` is missing or not a string: `data.first.value`. */
export function templateArgumentInvalid(key: string, problem: 'is empty' | 'invalid'): WeChatError {
  return { errcode: 47003, errmsg: `argument invalid! data.${key}.value ${problem}` }
}

/** 40164 names the caller twice, the second time as an IPv4-mapped IPv6 address. */
export function ipNotWhitelisted(ip: string): WeChatError {
  const ipv6 = ip.includes(':') ? ip : `::ffff:${ip}`
  return { errcode: 40164, errmsg: `invalid ip ${ip} ipv6 ${ipv6}, not in whitelist` }
}
