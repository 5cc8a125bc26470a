/**
 * WeChat serves a few things on hosts other than its API host: authorize pages on open.weixin.qq.com (where the
 * WeChat client goes), QR code images (`/cgi-bin/showqrcode`) on mp.weixin.qq.com. An app whose API base is an
 * emulator on this machine (plain http on loopback) gets all of them from that emulator; api.weixin.qq.com, or
 * a proxy in front of it, gets WeChat's own host.
 */
export const OPEN_WEIXIN_BASE = 'https://open.weixin.qq.com'
export const MP_WEIXIN_BASE = 'https://mp.weixin.qq.com'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** The base to use instead of `apiBase` for what WeChat serves on `wechatBase`. */
export function siblingBaseFor(
  apiBase: string,
  wechatBase: typeof OPEN_WEIXIN_BASE | typeof MP_WEIXIN_BASE
): string {
  try {
    const url = new URL(apiBase.trim())
    if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url.origin
  } catch {
    // Not a URL: fall through to WeChat's own host.
  }
  return wechatBase
}

/** Paths WeChat answers on mp.weixin.qq.com rather than on its API host. */
export const MP_HOST_PATHS: ReadonlySet<string> = new Set(['/cgi-bin/showqrcode'])
