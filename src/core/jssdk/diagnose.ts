import type { JssdkSignatureCause } from '../../shared/contract'
import { text, type Localized } from '../../shared/result'
import { jsapiSignature, type JsapiSignature } from './signature'

/** What the page used: the four values of its wx.config, and the address it was on. */
export interface PageSignature {
  /** location.href as the page saw it (a fragment is fine: it is stripped, as WeChat does). */
  pageUrl: string
  nonceStr: string
  timestamp: string
  /** The signature the page passed to wx.config. */
  signature: string
}

export type SignatureCause = JssdkSignatureCause

export interface SignatureDiagnosis {
  cause: SignatureCause
  /** What the desk signs for these inputs with the current ticket. */
  expected: JsapiSignature
  /** The inputs that reproduce the page's signature, when one of the known mistakes explains it. */
  reproducedBy: JsapiSignature | null
  message: Localized
}

interface Candidate {
  cause: Exclude<SignatureCause, 'matches' | 'unexplained'>
  ticket: string
  url: string
  timestamp: string
}

/**
 * "Why does my page say invalid signature?" Signs what the page should have signed with the current ticket;
 * when that is not the page's signature, tries the mistakes people make (an old ticket, the URL with its
 * fragment, encoded or decoded, another scheme, a trailing slash, no query, a timestamp in ms) and says which
 * one reproduces it.
 */
export function diagnoseSignature(
  page: PageSignature,
  tickets: { current: string; previous: readonly string[] }
): SignatureDiagnosis {
  const href = page.pageUrl.trim()
  const url = href.split('#')[0] ?? href
  const sign = (ticket: string, signedUrl: string, timestamp = page.timestamp): JsapiSignature =>
    jsapiSignature({ ticket, nonceStr: page.nonceStr, timestamp, url: signedUrl })
  const expected = sign(tickets.current, url)
  const wanted = page.signature.trim().toLowerCase()
  if (expected.signature === wanted) {
    return {
      cause: 'matches',
      expected,
      reproducedBy: expected,
      message: text(
        'The signature is right for this page and the current ticket. If wx.config still fails, check that appId, timestamp and nonceStr in wx.config are exactly these values.',
        '对此页面和当前 ticket 而言签名是正确的。若 wx.config 仍报错，请确认其中的 appId、timestamp、nonceStr 与这里完全一致。'
      )
    }
  }
  for (const candidate of candidates(url, href, page.timestamp, tickets)) {
    const reproduced = sign(candidate.ticket, candidate.url, candidate.timestamp)
    if (reproduced.signature === wanted) {
      return {
        cause: candidate.cause,
        expected,
        reproducedBy: reproduced,
        message: explain(candidate, url, page.timestamp)
      }
    }
  }
  return {
    cause: 'unexplained',
    expected,
    reproducedBy: null,
    message: text(
      'None of the usual mistakes reproduces this signature. Compare the string your backend signed with the one above: the nonceStr or timestamp it signed may differ from the ones it passed to wx.config, or it used a ticket of another app.',
      '常见错误都无法复现此签名。请把后端签名的字符串与上面的对比：它签名用的 nonceStr 或 timestamp 可能与传给 wx.config 的不同，或用了其他应用的 ticket。'
    )
  }
}

function candidates(
  url: string,
  href: string,
  timestamp: string,
  tickets: { current: string; previous: readonly string[] }
): Candidate[] {
  const { current } = tickets
  const list: Candidate[] = tickets.previous.map((ticket) => ({
    cause: 'ticket-stale',
    ticket,
    url,
    timestamp
  }))
  const variant = (cause: Candidate['cause'], other: string): void => {
    if (other !== url) list.push({ cause, ticket: current, url: other, timestamp })
  }
  variant('url-fragment', href)
  variant(
    'url-encoding',
    safe(() => encodeURI(decodeURI(url)))
  )
  variant(
    'url-encoding',
    safe(() => decodeURI(url))
  )
  variant(
    'url-encoding',
    safe(() => decodeURIComponent(url))
  )
  variant('url-encoding', encodeURIComponent(url))
  variant('url-scheme', url.startsWith('https:') ? `http:${url.slice(6)}` : url.replace(/^http:/, 'https:'))
  variant('url-trailing-slash', url.endsWith('/') ? url.slice(0, -1) : `${url}/`)
  variant('url-query', url.split('?')[0] ?? url)
  if (/^\d{10}$/.test(timestamp))
    list.push({ cause: 'timestamp-unit', ticket: current, url, timestamp: `${timestamp}000` })
  if (/^\d{13}$/.test(timestamp)) {
    list.push({ cause: 'timestamp-unit', ticket: current, url, timestamp: timestamp.slice(0, 10) })
  }
  return list
}

const safe = (make: () => string): string => {
  try {
    return make()
  } catch {
    return ''
  }
}

function explain(candidate: Candidate, url: string, passed: string): Localized {
  switch (candidate.cause) {
    case 'ticket-stale':
      return text(
        'Your backend signed with an old jsapi_ticket. Use the one the desk keeps (GET /cgi-bin/ticket/getticket through the desk, or /v1/apps/{appid}/jssdk-config): fetching your own replaces the shared one.',
        '后端用了旧的 jsapi_ticket 签名。请使用本工具保管的 ticket（经本工具调用 /cgi-bin/ticket/getticket，或 /v1/apps/{appid}/jssdk-config）：自行获取会替换共享的 ticket。'
      )
    case 'url-fragment':
      return text(
        `Your backend signed the URL with its #fragment. Sign ${url}: location.href.split('#')[0].`,
        `后端签名时带上了 # 片段。应签名 ${url}：location.href.split('#')[0]。`
      )
    case 'url-encoding':
      return text(
        `Your backend signed the URL ${candidate.url.includes('%') && !url.includes('%') ? 'encoded' : 'decoded'} (${candidate.url}). Sign it exactly as the page has it, with no escaping: ${url}.`,
        `后端签名的是${candidate.url.includes('%') && !url.includes('%') ? '编码后' : '解码后'}的地址（${candidate.url}）。请按页面上的原样签名，不做转义：${url}。`
      )
    case 'url-scheme':
      return text(
        `Your backend signed ${candidate.url}, but the page is on ${url}: the scheme is part of the signed URL (a proxy that terminates TLS often causes this).`,
        `后端签名的是 ${candidate.url}，而页面地址是 ${url}：协议也参与签名（常见于 TLS 由代理终结的情况）。`
      )
    case 'url-trailing-slash':
      return text(
        `Your backend signed ${candidate.url}; the page is ${url}. A trailing slash makes a different URL.`,
        `后端签名的是 ${candidate.url}；页面是 ${url}。末尾的斜杠也会让地址不同。`
      )
    case 'url-query':
      return text(
        `Your backend signed the URL without its query string (${candidate.url}). The query is part of it: sign ${url}.`,
        `后端签名时去掉了查询参数（${candidate.url}）。查询参数也要签名：${url}。`
      )
    case 'timestamp-unit':
      return text(
        `Your backend signed timestamp ${candidate.timestamp}, but the page passed ${passed} to wx.config: use the same Unix seconds in both.`,
        `后端签名的 timestamp 是 ${candidate.timestamp}，而页面传给 wx.config 的是 ${passed}：两处应使用同一个 Unix 秒数。`
      )
  }
}
