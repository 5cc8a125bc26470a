/**
 * The authorize-link lint: each rule is a pure function of the draft and the app, returning a finding with a
 * localized message and fix, or null. Errors are what the phone would show as an error page; warnings work
 * but bite later.
 */
import { isIpLiteral, matchesOAuthDomain, normalizeOAuthDomain } from '../../shared/oauth-domain'
import type {
  OAuthDomainsSource,
  OAuthLinkDraft,
  OAuthLintFinding,
  OAuthLintRule
} from '../../shared/contract'
import { text, type Localized } from '../../shared/result'
import type { AppKind } from '../../shared/contract'

export interface LintContext {
  draft: OAuthLinkDraft
  kind: AppKind
  /** The app's registered 网页授权 domains (bare host or host:port; `host:*` for the emulator's sandbox). */
  domains: readonly string[]
  domainsSource: OAuthDomainsSource
}

export type LintRule = (ctx: LintContext) => OAuthLintFinding | null

export const MAX_STATE_BYTES = 128

const CONSOLE_DOMAINS =
  '公众平台 → 设置与开发 → 公众号设置 → 功能设置 → 网页授权域名 (测试号: 体验接口权限表 → 网页授权获取用户基本信息)'
const CONSOLE_DOMAINS_ZH =
  '公众平台 → 设置与开发 → 公众号设置 → 功能设置 → 网页授权域名（测试号：体验接口权限表 → 网页授权获取用户基本信息）'

const finding = (
  rule: OAuthLintRule,
  severity: OAuthLintFinding['severity'],
  field: OAuthLintFinding['field'],
  message: Localized,
  fix: Localized
): OAuthLintFinding => ({ rule, severity, field, message, fix })

/** A registered domain as people write it: the emulator's `127.0.0.1:*` reads "127.0.0.1 (any port)". */
const shown = (domain: string): Localized =>
  domain.endsWith(':*')
    ? text(`${domain.slice(0, -2)} (any port)`, `${domain.slice(0, -2)}（任意端口）`)
    : text(domain, domain)

const looksEncoded = (raw: string): boolean => /^https?%3a/i.test(raw) || /^https?:%2f%2f/i.test(raw)

/** The redirect URI as WeChat will read it, or null when it is not an absolute http(s) URL. */
export function parseRedirectUri(raw: string): URL | null {
  try {
    const url = new URL(raw.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

const redirectInvalid: LintRule = ({ draft }) => {
  const raw = draft.redirectUri.trim()
  if (raw === '') {
    return finding(
      'redirect-invalid',
      'error',
      'redirectUri',
      text('The redirect URI is empty', '回调地址（redirect_uri）为空'),
      text(
        'Enter the page WeChat should send the user back to, e.g. https://www.example.com/oauth/callback, or start the callback catcher and use its address.',
        '请填写授权后微信跳回的页面，例如 https://www.example.com/oauth/callback；或启动回调捕获器并使用它的地址。'
      )
    )
  }
  if (looksEncoded(raw) || parseRedirectUri(raw)) return null
  return finding(
    'redirect-invalid',
    'error',
    'redirectUri',
    text(`"${raw}" is not an absolute http(s) URL`, `“${raw}”不是完整的 http(s) 地址`),
    text(
      'Write the whole URL with its scheme and host, e.g. https://www.example.com/oauth/callback. WeChat answers "redirect_uri 参数错误" otherwise.',
      '请填写带协议和主机名的完整地址，例如 https://www.example.com/oauth/callback；否则微信会提示“redirect_uri 参数错误”。'
    )
  )
}

const redirectEncoded: LintRule = ({ draft }) => {
  const raw = draft.redirectUri.trim()
  if (!looksEncoded(raw)) return null
  let plain = raw
  try {
    plain = decodeURIComponent(raw)
  } catch {
    // Keep the raw text in the fix.
  }
  return finding(
    'redirect-encoded',
    'error',
    'redirectUri',
    text(
      'The redirect URI is already percent-encoded: the link would carry it encoded twice',
      '回调地址已经过 URL 编码：生成的链接中会被编码两次'
    ),
    text(
      `Paste the plain URL (${plain}); the builder encodes it exactly once. WeChat decodes once and would see an encoded string, not a URL.`,
      `请填写未编码的地址（${plain}），生成器只会编码一次。微信只解码一次，看到的仍是编码后的字符串而不是 URL。`
    )
  )
}

const domainUnregistered: LintRule = ({ draft, domains }) => {
  if (domains.length > 0 || !parseRedirectUri(draft.redirectUri)) return null
  return finding(
    'domain-unregistered',
    'warning',
    'redirectUri',
    text(
      'No 网页授权 domain is recorded for this app, so the desk cannot check the redirect host',
      '此应用未记录网页授权域名，无法检查回调地址的域名'
    ),
    text(
      `Add the domain(s) registered in ${CONSOLE_DOMAINS} to this app's 网页授权 domains. WeChat compares the host exactly and answers 10003 on a mismatch.`,
      `请把在${CONSOLE_DOMAINS_ZH}中登记的域名填入此应用的网页授权域名。微信按主机名精确比较，不一致时返回 10003。`
    )
  )
}

const domainMismatch: LintRule = ({ draft, domains }) => {
  const url = parseRedirectUri(draft.redirectUri)
  if (!url || domains.length === 0 || domains.some((domain) => matchesOAuthDomain(url, domain))) return null
  const host = url.host.toLowerCase()
  const list = domains.map((d) => shown(d).en).join(', ')
  const listZh = domains.map((d) => shown(d)['zh-CN']).join('、')
  const first = domains[0] === undefined ? text('', '') : shown(domains[0])
  const samePortless = domains.find(
    (d) => normalizeOAuthDomain(d).split(':')[0] === url.hostname.toLowerCase()
  )
  // www.qq.com vs pay.qq.com, or qq.com vs www.qq.com: the classic "I registered the parent" mistake.
  const parent = (host: string): string => host.split('.').slice(-2).join('.')
  const hostname = url.hostname.toLowerCase()
  const related = isIpLiteral(hostname)
    ? undefined
    : domains.find((d) => {
        const bare = normalizeOAuthDomain(d).split(':')[0] ?? ''
        return !isIpLiteral(bare) && bare.includes('.') && parent(bare) === parent(hostname)
      })
  const fix = samePortless
    ? text(
        `The port is part of the match: register ${host} (test accounts only), or redirect to ${samePortless} exactly.`,
        `端口也参与比较：请登记 ${host}（仅测试号可用），或让回调地址与 ${samePortless} 完全一致。`
      )
    : related
      ? text(
          `WeChat matches hosts exactly: ${related} does not cover ${url.hostname} (nor the reverse). Register ${host} as a second domain (at most 2), or redirect to a page on ${related}.`,
          `微信按主机名精确匹配：${related} 不包含 ${url.hostname}（反之亦然）。请把 ${host} 登记为第二个域名（最多 2 个），或改为跳转到 ${related} 下的页面。`
        )
      : text(
          `Redirect to a page on ${first.en}, or register ${host} in ${CONSOLE_DOMAINS} and add it to this app.`,
          `请改为跳转到 ${first['zh-CN']} 下的页面，或在${CONSOLE_DOMAINS_ZH}中登记 ${host} 并填入此应用。`
        )
  return finding(
    'domain-mismatch',
    'error',
    'redirectUri',
    text(
      `The redirect host ${host} matches none of the registered domains (${list}): WeChat shows error 10003`,
      `回调地址的主机 ${host} 与登记的域名（${listZh}）都不一致：微信会显示错误 10003`
    ),
    fix
  )
}

const portOrIp: LintRule = ({ draft, kind }) => {
  const url = parseRedirectUri(draft.redirectUri)
  if (!url || kind === 'test-account') return null
  const ip = isIpLiteral(url.hostname)
  if (!ip && url.port === '') return null
  const what = ip
    ? text(`an IP address (${url.hostname})`, `IP 地址（${url.hostname}）`)
    : text(`a port (:${url.port})`, `端口（:${url.port}）`)
  return finding(
    'port-or-ip',
    'error',
    'redirectUri',
    text(
      `The redirect URI uses ${what.en}, which only test accounts accept`,
      `回调地址使用了${what['zh-CN']}，只有测试号支持`
    ),
    text(
      'A production account takes a bare, ICP-filed domain on the default port (verified with MP_verify_….txt at its root). Put the callback behind such a domain, or try it with a 测试号 test account first.',
      '正式账号只接受已备案、使用默认端口的域名（需在根目录放置 MP_verify_….txt 验证）。请把回调放到这样的域名下，或先用测试号调试。'
    )
  )
}

const localhost: LintRule = ({ draft }) => {
  const url = parseRedirectUri(draft.redirectUri)
  if (!url || url.hostname.toLowerCase() !== 'localhost') return null
  return finding(
    'localhost',
    'warning',
    'redirectUri',
    text('The redirect URI points at localhost', '回调地址指向 localhost'),
    text(
      'On the phone, localhost is the phone itself, and test accounts are reported to refuse it. Use this computer’s LAN address (start the callback catcher on it) or 127.0.0.1 for the emulator.',
      '在手机上 localhost 指的是手机自己，且有报告称测试号不接受 localhost。请使用本机的局域网地址（在其上启动回调捕获器），或在模拟器中使用 127.0.0.1。'
    )
  )
}

const fragment: LintRule = ({ draft }) => {
  const url = parseRedirectUri(draft.redirectUri)
  if (!url || url.hash === '') return null
  return finding(
    'fragment',
    'warning',
    'redirectUri',
    text(`The redirect URI carries a fragment (${url.hash})`, `回调地址带有片段（${url.hash}）`),
    text(
      'WeChat inserts ?code=…&state=… before the "#", so a hash router (#/page) does not see them in its route query and the page often loops back to authorize. Use a path route for the callback (e.g. /oauth/callback) and read code from location.search.',
      '微信会把 ?code=…&state=… 插在“#”之前，哈希路由（#/page）在自己的参数里取不到，页面常因此反复跳转授权。请为回调使用路径路由（例如 /oauth/callback），并从 location.search 读取 code。'
    )
  )
}

const notHttps: LintRule = ({ draft, kind }) => {
  const url = parseRedirectUri(draft.redirectUri)
  if (!url || url.protocol === 'https:') return null
  return finding(
    'not-https',
    'warning',
    'redirectUri',
    text('The redirect URI is not https', '回调地址不是 https'),
    kind === 'test-account'
      ? text(
          'Fine for a test account or the callback catcher on your LAN; use https for anything users see: the code travels in the URL.',
          '测试号或局域网内的回调捕获器可以使用 http；面向用户时请使用 https，因为 code 在 URL 中传递。'
        )
      : text(
          'WeChat recommends https for the callback: the code travels in the URL. Serve the callback page over https.',
          '微信建议回调使用 https，因为 code 在 URL 中传递。请通过 https 提供回调页面。'
        )
  )
}

const stateEmpty: LintRule = ({ draft }) =>
  draft.state !== ''
    ? null
    : finding(
        'state-empty',
        'warning',
        'state',
        text('The state is empty', 'state 为空'),
        text(
          'Without a state the callback cannot tell its own authorizations from forged ones (CSRF), and the desk cannot match the redirect to this link. Press “New state”.',
          '没有 state，回调无法区分自己发起的授权与伪造的请求（CSRF），本工具也无法把回调与此链接对应。请点击“新 state”。'
        )
      )

const stateCharset: LintRule = ({ draft }) => {
  const bad = [...new Set(draft.state.replace(/[A-Za-z0-9]/g, ''))]
  if (bad.length === 0) return null
  const shown = bad
    .slice(0, 6)
    .map((ch) => (/\s/.test(ch) ? JSON.stringify(ch) : ch))
    .join(' ')
  return finding(
    'state-charset',
    'error',
    'state',
    text(
      `The state contains characters outside a-zA-Z0-9: ${shown}`,
      `state 含有 a-zA-Z0-9 以外的字符：${shown}`
    ),
    text(
      'WeChat allows only letters and digits in state. Keep anything else on your server, keyed by a random state (“New state” makes one).',
      'state 只允许字母和数字。其他数据请保存在服务器端，用随机 state 作为键（“新 state”可生成）。'
    )
  )
}

const stateLength: LintRule = ({ draft }) => {
  const bytes = new TextEncoder().encode(draft.state).length
  if (bytes <= MAX_STATE_BYTES) return null
  return finding(
    'state-length',
    'error',
    'state',
    text(
      `The state is ${bytes} bytes; WeChat allows ${MAX_STATE_BYTES}`,
      `state 为 ${bytes} 字节，微信最多允许 ${MAX_STATE_BYTES} 字节`
    ),
    text(
      'Use a short random key (the generated one is 16 characters) and keep the data it stands for on your server.',
      '请使用较短的随机键（生成的 state 为 16 个字符），把它代表的数据保存在服务器端。'
    )
  )
}

const userinfoOnMiniProgram: LintRule = ({ draft, kind }) =>
  kind !== 'mini-program' || draft.scope !== 'snsapi_userinfo'
    ? null
    : finding(
        'userinfo-mini-program',
        'error',
        'scope',
        text('snsapi_userinfo on a Mini Program', '小程序使用了 snsapi_userinfo'),
        text(
          'Web OAuth (网页授权) belongs to verified Service Accounts; a Mini Program AppID gets an error page. In a Mini Program use wx.login + code2Session for the openid, and the avatar/nickname fill-in components for the profile.',
          '网页授权属于已认证的服务号，小程序 AppID 会得到错误页面。小程序请用 wx.login + code2Session 获取 openid，用头像昵称填写组件获取资料。'
        )
      )

const endpointScope: LintRule = ({ draft }) => {
  const login = draft.scope === 'snsapi_login'
  const qr = draft.endpoint === 'qrconnect'
  if (login === qr) return null
  return login
    ? finding(
        'endpoint-scope',
        'error',
        'endpoint',
        text('snsapi_login with /connect/oauth2/authorize', 'snsapi_login 用在了 /connect/oauth2/authorize'),
        text(
          'snsapi_login is the website-app (PC scan) scope and goes to /connect/qrconnect; the H5 authorize endpoint answers 10005. Switch the endpoint to qrconnect, or use snsapi_base / snsapi_userinfo.',
          'snsapi_login 是网站应用（PC 扫码）的 scope，应使用 /connect/qrconnect；H5 授权接口会返回 10005。请把接口改为 qrconnect，或改用 snsapi_base / snsapi_userinfo。'
        )
      )
    : finding(
        'endpoint-scope',
        'error',
        'endpoint',
        text(`${draft.scope} with /connect/qrconnect`, `${draft.scope} 用在了 /connect/qrconnect`),
        text(
          '/connect/qrconnect (website apps) accepts only snsapi_login. For snsapi_base / snsapi_userinfo use /connect/oauth2/authorize, opened inside WeChat.',
          '/connect/qrconnect（网站应用）只接受 snsapi_login。snsapi_base / snsapi_userinfo 请使用 /connect/oauth2/authorize，并在微信内打开。'
        )
      )
}

/** Every rule, in the order findings are listed. */
export const LINT_RULES: Readonly<Record<OAuthLintRule, LintRule>> = {
  'redirect-invalid': redirectInvalid,
  'redirect-encoded': redirectEncoded,
  'domain-unregistered': domainUnregistered,
  'domain-mismatch': domainMismatch,
  'port-or-ip': portOrIp,
  localhost,
  fragment,
  'not-https': notHttps,
  'state-empty': stateEmpty,
  'state-charset': stateCharset,
  'state-length': stateLength,
  'userinfo-mini-program': userinfoOnMiniProgram,
  'endpoint-scope': endpointScope
}

/** All findings for a draft: errors first, then warnings, then notes, each group in rule order. */
export function lintLink(ctx: LintContext): OAuthLintFinding[] {
  const rank = { error: 0, warning: 1, info: 2 } as const
  return Object.values(LINT_RULES)
    .map((rule) => rule(ctx))
    .filter((f): f is OAuthLintFinding => f !== null)
    .sort((a, b) => rank[a.severity] - rank[b.severity])
}
