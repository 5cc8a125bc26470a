import { text, type Localized } from '../../shared/result'

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Only https links (and http to this machine) leave the app; everything else is refused with a reason. */
export function checkExternalUrl(raw: string): { ok: true; url: string } | { ok: false; reason: Localized } {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, reason: text('Not a URL', '不是有效的 URL') }
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { ok: true, url: url.toString() }
  }
  return {
    ok: false,
    reason: text(
      `Refused to open a ${url.protocol} link: only https:// (or http:// to this machine) is opened.`,
      `已拒绝打开 ${url.protocol} 链接：仅允许 https://（或指向本机的 http://）。`
    )
  }
}
