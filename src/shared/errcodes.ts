/**
 * The WeChat errcode catalogue: what each code means and how a developer fixes it, in both languages.
 * Shared by main and the renderer, so it must stay free of Node imports.
 */
import { text, type Localized } from './result'
import { WECHAT_ERRMSG } from './wechat-errors'

/** Where the errcode came from; some codes mean different things in different places. */
export type ErrcodeContext = 'token-fetch' | 'token-use' | 'oauth' | 'mini-program' | 'other'

export interface ErrcodeExplanation {
  errcode: number
  /** False when the code is not in the catalogue; title and fix are then generic and quote the errmsg. */
  known: boolean
  title: Localized
  fix: Localized
  /** True only for transient failures that a later automatic retry may fix (-1, 45011). */
  retryable: boolean
  /** The caller IP WeChat saw, read from 40164 / 61004 errmsgs. */
  callerIp?: string
  rid?: string
  /** Epoch ms decoded from the rid's first hex group (the request's Unix time). */
  ridTime?: number
}

/** One catalogue row as a reference table shows it (fix and title for the generic context). */
export interface ErrcodeInfo {
  errcode: number
  /** The errmsg WeChat typically sends (without the rid suffix). */
  errmsg: string
  title: Localized
  fix: Localized
  retryable: boolean
}

interface Facts {
  errmsg: string
  callerIp: string | null
}

type Wording = Localized | ((facts: Facts) => Localized)

interface Variant {
  title?: Localized
  fix?: Wording
}

interface Entry {
  /** Only where WeChat's wording is not in its errmsg table (`WX`), e.g. a sample with a caller IP. */
  errmsg?: string
  title: Localized
  fix: Wording
  retryable?: boolean
  /** Wording for contexts where the code means something more specific. */
  in?: Partial<Record<ErrcodeContext, Variant>>
}

const CONSOLE_SECRET = '公众平台 → 设置与开发 → 基本配置 (Mini Program: 开发管理 → 开发设置)'
const CONSOLE_SECRET_ZH = '公众平台 → 设置与开发 → 基本配置（小程序：开发管理 → 开发设置）'
const CONSOLE_WHITELIST = '公众平台 → 设置与开发 → 基本配置 / 开发管理 → IP 白名单'

const WRONG_SECRET_TITLE = text('The AppSecret is wrong', 'AppSecret 错误')
const WRONG_SECRET_FIX = text(
  `Copy the AppSecret again from ${CONSOLE_SECRET} and check it belongs to this AppID and has no stray spaces. ` +
    'WeChat shows a secret only once, when it is generated or reset: if nobody kept it, reset it there ' +
    '(every server still using the old secret stops working) and paste the new one into this profile.',
  `从 ${CONSOLE_SECRET_ZH} 重新复制 AppSecret，确认它属于这个 AppID 且没有多余空格。` +
    'AppSecret 只在生成或重置时显示一次：如果没人保存，请在那里重置（仍在使用旧 AppSecret 的服务器都会失效），' +
    '再把新的 AppSecret 填入此配置。'
)

/** Appended to every token-use explanation: the most common cause of "my token died" in practice. */
const OTHER_FETCHER = text(
  'If this keeps happening, someone else is probably fetching tokens for the same AppID with /cgi-bin/token ' +
    '(another server, a test environment, a colleague’s Postman): every such call mints a new token and the ' +
    'previous one dies about 5 minutes later. Switch every consumer to stable_token (normal mode never ' +
    'invalidates other holders) or let them all share the one token this desk serves.',
  '如果反复出现，多半是有人用 /cgi-bin/token 为同一个 AppID 获取 token（另一台服务器、测试环境、同事的 Postman）：' +
    '每次调用都会生成新 token，旧 token 约 5 分钟后失效。请让所有调用方改用 stable_token（普通模式不会让其他持有者失效），' +
    '或者都使用本工具提供的同一个 token。'
)

const withOtherFetcher = (first: Localized): Localized =>
  text(`${first.en} ${OTHER_FETCHER.en}`, `${first['zh-CN']}${OTHER_FETCHER['zh-CN']}`)

const whitelistFix = ({ callerIp }: Facts): Localized => {
  const ip = callerIp ?? 'this machine’s public IP'
  const ipZh = callerIp ?? '本机的出口公网 IP'
  return text(
    `Add ${ip} to the IP whitelist (${CONSOLE_WHITELIST}), then try again. ` +
      'It is the address WeChat saw — your public egress IP, not your LAN address; behind a VPN or proxy, ' +
      'whitelist the egress IP of that. Mini Programs check the whitelist only when it is switched on.',
    `把 ${ipZh} 加入 IP 白名单（${CONSOLE_WHITELIST}）后重试。` +
      '这是微信看到的地址，即你的出口公网 IP，而不是局域网地址；使用 VPN 或代理时，请添加其出口 IP。' +
      '小程序仅在开启 IP 白名单时才校验。'
  )
}

const waitForAdmin = (which: string, whichZh: string): Entry => ({
  errmsg: 'waiting for the administrator to confirm',
  title: text(`Waiting for the administrator (${which})`, `等待管理员确认（${whichZh}）`),
  fix: text(
    'WeChat asked the account administrator to confirm this call (usually a new or unusual IP). ' +
      'Ask the administrator to approve it in WeChat, then try again; do not retry in a loop meanwhile.',
    '微信已请求账号管理员确认此次调用（通常是新的或异常的 IP）。请管理员在微信中确认后再试；在此期间不要循环重试。'
  )
})

const CATALOGUE: ReadonlyMap<number, Entry> = new Map<number, Entry>([
  [
    -1,
    {
      title: text('WeChat is busy (system error)', '系统繁忙'),
      fix: text(
        'A transient failure on WeChat’s side. Retry after a short pause (back off: 1 s, 2 s, 4 s …).',
        '微信后台的临时故障。稍等片刻后重试（逐步加大间隔：1 秒、2 秒、4 秒……）。'
      ),
      retryable: true,
      in: {
        'token-fetch': {
          fix: text(
            'A transient failure on WeChat’s side: asking again shortly usually works. The desk’s own timer ' +
              'retries by itself with a growing pause; after a Fetch or Refresh, press Retry.',
            '微信后台的临时故障，稍后再次请求通常即可成功。本工具的定时刷新会自动重试并逐步加大间隔；' +
              '手动“获取”或“刷新”失败后，请点击“重试”。'
          )
        },
        oauth: {
          fix: text(
            'A transient failure on WeChat’s side. If it happened while exchanging a code, the code may already ' +
              'be spent: a retry with the same code can answer 40163, so restart the authorisation instead.',
            '微信后台的临时故障。如果发生在用 code 换取 token 时，这个 code 可能已被消耗：用同一个 code 重试可能返回 40163，' +
              '请重新发起授权。'
          )
        }
      }
    }
  ],
  [
    40001,
    {
      title: text(
        'Invalid credential: wrong AppSecret, or the access_token is invalid / not the latest',
        'AppSecret 错误，或 access_token 无效/不是最新'
      ),
      fix: text(
        'When fetching a token this means the AppSecret is wrong — copy it again from the console (reset it ' +
          'if nobody kept it; it is shown only once). When using a token it means the token was superseded, ' +
          'expired or belongs to another account: fetch a fresh one once, and if it keeps happening make sure ' +
          'nobody else fetches tokens for this AppID with /cgi-bin/token (use stable_token or share one token).',
        '获取 token 时出现表示 AppSecret 错误——请从后台重新复制（没人保存时需重置，AppSecret 只显示一次）。' +
          '使用 token 时出现表示 token 已被新 token 取代、已过期或属于其他账号：重新获取一次；若反复出现，' +
          '请确认没有别人用 /cgi-bin/token 为该 AppID 获取 token（改用 stable_token 或共用一个 token）。'
      ),
      in: {
        'token-fetch': { title: WRONG_SECRET_TITLE, fix: WRONG_SECRET_FIX },
        'token-use': {
          title: text('The access_token is invalid or no longer the latest', 'access_token 无效或不是最新'),
          fix: withOtherFetcher(
            text(
              'The token was superseded by a newer one (or force-refreshed with stable_token, or belongs to ' +
                'another account). Fetch a fresh token once and retry the call.',
              'token 已被新 token 取代（或被 stable_token 强制刷新，或属于其他账号）。请重新获取一次 token 后重试。'
            )
          )
        },
        oauth: {
          title: text(
            'Invalid credential: wrong AppSecret or invalid web-OAuth access_token',
            'AppSecret 错误或网页授权 access_token 无效'
          ),
          fix: text(
            'On the code exchange (/sns/oauth2/access_token) the AppSecret is wrong: copy it again from the ' +
              'console (reset it if nobody kept it). On /sns/userinfo or /sns/auth the user access_token is ' +
              'invalid: refresh it with the refresh_token or authorise again. Note that the web-OAuth token is ' +
              'not the base access_token and the two cannot replace each other.',
            '在换取 code（/sns/oauth2/access_token）时出现表示 AppSecret 错误：请从后台重新复制（没人保存时需重置）。' +
              '在 /sns/userinfo 或 /sns/auth 时出现表示用户 access_token 无效：用 refresh_token 刷新或重新授权。' +
              '注意网页授权 access_token 与基础 access_token 不同，不能互相替代。'
          )
        }
      }
    }
  ],
  [
    40002,
    {
      title: text('Invalid grant_type', '不合法的凭证类型（grant_type）'),
      fix: text(
        'Send grant_type=client_credential to /cgi-bin/token and /cgi-bin/stable_token ' +
          '(authorization_code / refresh_token for web OAuth).',
        '/cgi-bin/token 与 /cgi-bin/stable_token 需传 grant_type=client_credential' +
          '（网页授权用 authorization_code / refresh_token）。'
      )
    }
  ],
  [
    40003,
    {
      title: text('Invalid OpenID', '不合法的 OpenID'),
      fix: text(
        'The openid does not belong to this app: openids differ per AppID. Use the openid returned together ' +
          'with this token, and check it was not truncated.',
        '该 openid 不属于此应用：同一用户在不同 AppID 下的 openid 不同。请使用与此 token 一同返回的 openid，并确认没有被截断。'
      )
    }
  ],
  [
    40013,
    {
      title: text('Invalid AppID', '不合法的 AppID'),
      fix: text(
        'Check the AppID: "wx" followed by 16 lower-case hex digits, copied from the console with no spaces. ' +
          'For clear_quota, the AppID must be the account the token belongs to.',
        '检查 AppID：以 “wx” 开头加 16 位小写十六进制，从后台复制且无空格。调用 clear_quota 时，AppID 必须与 token 所属账号一致。'
      ),
      in: {
        'token-fetch': {
          fix: text(
            'WeChat does not know this AppID: check it is "wx" followed by 16 lower-case hex digits, copied from ' +
              `the console (${CONSOLE_SECRET}) with no spaces, and that the AppSecret belongs to the same account.`,
            `微信不认识这个 AppID：请确认它以 “wx” 开头加 16 位小写十六进制，从后台（${CONSOLE_SECRET_ZH}）复制且无空格，` +
              '并且 AppSecret 属于同一个账号。'
          )
        }
      }
    }
  ],
  [
    40014,
    {
      title: text('Invalid access_token', '不合法的 access_token'),
      fix: text(
        'The token is malformed: usually truncated (store at least 512 characters), URL-encoded twice, or ' +
          'sent with surrounding spaces or quotes. Fetch a fresh token once and retry.',
        'token 格式不正确：通常是被截断（请至少预留 512 个字符存储）、被重复 URL 编码，或带有多余空格、引号。请重新获取一次后重试。'
      ),
      in: {
        'token-use': {
          title: text('The access_token is malformed', 'access_token 格式不正确'),
          fix: withOtherFetcher(
            text(
              'Usually a truncated (store at least 512 characters), double-encoded or quoted token. ' +
                'Fetch a fresh token once and retry.',
              '通常是 token 被截断（请至少预留 512 个字符）、被重复编码或带有引号。请重新获取一次后重试。'
            )
          )
        },
        oauth: {
          title: text('Invalid web-OAuth access_token', '不合法的网页授权 access_token'),
          fix: text(
            'Use the access_token returned by /sns/oauth2/access_token for this user (not the base token), ' +
              'unmodified. Refresh it with the refresh_token or authorise again.',
            '请原样使用 /sns/oauth2/access_token 为该用户返回的 access_token（不是基础 access_token）。' +
              '可用 refresh_token 刷新或重新授权。'
          )
        }
      }
    }
  ],
  [
    40029,
    {
      title: text('Invalid or expired OAuth code', 'code 无效或已过期'),
      fix: text(
        'The code is wrong, older than 5 minutes, or was issued for another AppID. Start the authorisation ' +
          'again and exchange the new code right away, with the same AppID that built the authorize URL.',
        'code 错误、已超过 5 分钟，或属于其他 AppID。请重新发起授权，并立即用生成授权链接的同一 AppID 换取新 code。'
      ),
      in: {
        oauth: {
          fix: text(
            'The code is wrong, older than 5 minutes, or was issued for another AppID (e.g. a code from a ' +
              'test account exchanged with a production AppID). Open the authorize URL again and exchange the ' +
              'new code within 5 minutes, once, with the AppID and AppSecret of the same account.',
            'code 错误、已超过 5 分钟，或属于其他 AppID（例如用正式号的 AppID 换取测试号的 code）。' +
              '请重新打开授权链接，并在 5 分钟内用同一账号的 AppID 和 AppSecret 换取一次新 code。'
          )
        },
        'mini-program': {
          title: text(
            'Invalid or expired code (wx.login / getPhoneNumber)',
            'code 无效或已过期（wx.login / 手机号）'
          ),
          fix: text(
            'The code is wrong, older than 5 minutes, or was issued to another Mini Program. Call wx.login (or ' +
              'tap the getPhoneNumber button) again and send the new code to your server at once; exchange it ' +
              'with the AppID and AppSecret of the Mini Program whose page got it.',
            'code 错误、已超过 5 分钟，或属于其他小程序。请重新调用 wx.login（或重新点击手机号按钮），' +
              '立即把新 code 发给服务器，并用获得该 code 的小程序的 AppID 和 AppSecret 换取。'
          )
        }
      }
    }
  ],
  [
    40030,
    {
      title: text('Invalid refresh_token', '不合法的 refresh_token'),
      fix: text(
        'Use the refresh_token from the latest code exchange for this user, unmodified. A later snsapi_base ' +
          'authorisation may have replaced it; if refreshing keeps failing, authorise the user again.',
        '请原样使用该用户最近一次换取 code 得到的 refresh_token。之后的 snsapi_base 授权可能已使其失效；若刷新持续失败，请重新授权。'
      )
    }
  ],
  [
    40125,
    {
      title: WRONG_SECRET_TITLE,
      fix: WRONG_SECRET_FIX
    }
  ],
  [
    40163,
    {
      title: text('The OAuth code was already used', 'code 已被使用'),
      fix: text(
        'A code can be exchanged only once. Start the authorisation again for a new code. If your callback ' +
          'is hit twice (two requests with the same state), add connect_redirect=1 to the authorize URL and ' +
          'ignore the repeated callback.',
        'code 只能使用一次，请重新发起授权获取新 code。如果回调被请求两次（state 相同），' +
          '请在授权链接中加入 connect_redirect=1，并忽略重复的回调。'
      ),
      in: {
        'mini-program': {
          title: text('The wx.login code was already used', 'code 已被使用（wx.login）'),
          fix: text(
            'A js_code can be exchanged only once. Call wx.login again for a new one. If your Mini Program sends ' +
              'the code twice (a retried request, two pages logging in at once), exchange it once on the server ' +
              'and keep the session it opened.',
            'js_code 只能使用一次，请重新调用 wx.login 获取新 code。如果小程序把同一个 code 发送了两次' +
              '（请求重试、两个页面同时登录），请在服务器端只换取一次，并保留它打开的会话。'
          )
        }
      }
    }
  ],
  [
    40226,
    {
      errmsg: 'code blocked',
      title: text('Login blocked: a high-risk user', '高风险等级用户，小程序登录被拦截'),
      fix: text(
        'WeChat’s risk control refused this user’s login (high risk level). Nothing your code sends can change ' +
          'that: tell the user that login is refused and do not retry in a loop; the user can appeal through ' +
          'WeChat’s security centre (微信安全中心).',
        '微信风控拦截了该用户的登录（高风险等级）。修改请求无法解决：请告知用户登录被拒绝，不要循环重试；' +
          '用户可通过微信安全中心申诉。'
      )
    }
  ],
  [
    40164,
    {
      errmsg: 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist',
      title: text('The caller IP is not in the IP whitelist', '调用 IP 不在白名单中'),
      fix: whitelistFix
    }
  ],
  [
    40243,
    {
      title: text('The AppSecret is frozen', 'AppSecret 已被冻结'),
      fix: text(
        `Unfreeze the AppSecret in ${CONSOLE_SECRET} (or reset it). Freezing and unfreezing take about ` +
          '10 minutes to apply — wait, then try again.',
        `在 ${CONSOLE_SECRET_ZH} 解冻（或重置）AppSecret。冻结与解冻约需 10 分钟生效，请稍后再试。`
      )
    }
  ],
  [
    41001,
    {
      title: text('access_token is missing', '缺少 access_token'),
      fix: text(
        'Pass the token as the access_token query parameter (?access_token=…), not in a header or the body.',
        '请通过查询参数 ?access_token=… 传递 token，而不是放在请求头或请求体中。'
      )
    }
  ],
  [
    41002,
    {
      title: text('appid is missing', '缺少 appid'),
      fix: text(
        'Send the appid parameter (query for /cgi-bin/token, JSON body for stable_token).',
        '请传递 appid 参数（/cgi-bin/token 放在查询参数中，stable_token 放在 JSON 请求体中）。'
      )
    }
  ],
  [
    41003,
    {
      title: text('refresh_token is missing', '缺少 refresh_token'),
      fix: text(
        'Send the refresh_token query parameter to /sns/oauth2/refresh_token.',
        '请向 /sns/oauth2/refresh_token 传递 refresh_token 查询参数。'
      )
    }
  ],
  [
    41004,
    {
      title: text('secret is missing', '缺少 secret'),
      fix: text(
        'Send the secret parameter (query for /cgi-bin/token, JSON body for stable_token). Check that this ' +
          'profile has an AppSecret for this session.',
        '请传递 secret 参数（/cgi-bin/token 放在查询参数中，stable_token 放在 JSON 请求体中），并确认此配置在本次会话中有 AppSecret。'
      )
    }
  ],
  [
    41008,
    {
      title: text('The OAuth code is missing', '缺少 code'),
      fix: text(
        'Pass the code from the redirect (…?code=CODE&state=STATE). No code in the redirect means the user ' +
          'refused or the authorize URL was wrong.',
        '请传入回调地址中的 code（…?code=CODE&state=STATE）。回调中没有 code 表示用户拒绝授权或授权链接有误。'
      )
    }
  ],
  [
    42001,
    {
      title: text('The access_token has expired', 'access_token 已过期'),
      fix: text(
        'The token is older than its expires_in (7200 s for /cgi-bin/token). Fetch a fresh one and refresh ahead ' +
          'of expiry next time.',
        'token 已超过 expires_in（/cgi-bin/token 为 7200 秒）。请重新获取，并在过期前提前刷新。'
      ),
      in: {
        'token-use': {
          fix: withOtherFetcher(
            text(
              'The token is older than its expires_in. Fetch a fresh token once and retry; refresh ahead of ' +
                'expiry next time.',
              'token 已超过 expires_in。请重新获取一次后重试，并在过期前提前刷新。'
            )
          )
        },
        oauth: {
          fix: text(
            'The web-OAuth access_token lives 7200 s. Refresh it with /sns/oauth2/refresh_token (the ' +
              'refresh_token lives 30 days) or authorise the user again.',
            '网页授权 access_token 有效期 7200 秒。请用 /sns/oauth2/refresh_token 刷新（refresh_token 有效期 30 天），或重新授权。'
          )
        }
      }
    }
  ],
  [
    42002,
    {
      title: text('The refresh_token has expired', 'refresh_token 已过期'),
      fix: text(
        'A refresh_token lives 30 days and is not extended by refreshing. The user must authorise again.',
        'refresh_token 有效期 30 天，刷新不会延长其有效期。需要用户重新授权。'
      )
    }
  ],
  [
    42003,
    {
      errmsg: 'oauth_code expired',
      title: text('The OAuth code has expired', 'code 已过期'),
      fix: text(
        'Codes expire 5 minutes after they are issued. Authorise again and exchange the code right away.',
        'code 在生成 5 分钟后过期。请重新授权并立即换取。'
      )
    }
  ],
  [
    43002,
    {
      title: text('This API requires POST', '需要 POST 请求'),
      fix: text(
        'Use POST with a JSON body. /cgi-bin/stable_token in particular accepts only POST with ' +
          'content-type: application/json.',
        '请使用 POST 并携带 JSON 请求体。特别是 /cgi-bin/stable_token 只接受 content-type: application/json 的 POST。'
      )
    }
  ],
  [
    43003,
    {
      errmsg: 'require https',
      title: text('This API requires HTTPS', '需要 HTTPS'),
      fix: text(
        'Call https://api.weixin.qq.com, not http://. Check the API base URL of this profile.',
        '请调用 https://api.weixin.qq.com 而不是 http://，并检查此配置的 API 地址。'
      )
    }
  ],
  [
    44002,
    {
      title: text('The POST body is empty', 'POST 数据为空'),
      fix: text(
        'Send the JSON body with the request (and content-type: application/json).',
        '请随请求发送 JSON 请求体（并设置 content-type: application/json）。'
      )
    }
  ],
  [
    45009,
    {
      title: text('The daily API quota is used up', '已超过接口每日调用上限'),
      fix: text(
        '/cgi-bin/token allows 2000 calls a day (200 for a 测试号 test account); stable_token allows 500,000 ' +
          'a day and 20 force refreshes a day. Quotas reset at midnight (Beijing time). To reset now, call ' +
          'POST /cgi-bin/clear_quota/v2 with {"appid","appsecret"} — it needs only the AppID and AppSecret, no ' +
          'token — or clear it in the 公众平台 console; resets are limited to 10 per account per month. Then ' +
          'find what burns the quota: usually code that fetches a new token per request instead of caching it.',
        '/cgi-bin/token 每天 2000 次（测试号 200 次）；stable_token 每天 50 万次，其中强制刷新每天 20 次。' +
          '额度在北京时间零点重置。如需立即恢复，可调用 POST /cgi-bin/clear_quota/v2，请求体 {"appid","appsecret"}' +
          '（只需 AppID 和 AppSecret，无需 token），或在公众平台后台清零；每个账号每月最多清零 10 次。' +
          '之后请找出消耗额度的原因：通常是每次请求都重新获取 token 而没有缓存。'
      ),
      in: {
        'token-fetch': {
          fix: text(
            'Today’s token quota is used up: /cgi-bin/token allows 2000 calls a day (200 for a 测试号 test ' +
              'account), stable_token 500,000 and 20 force refreshes. It resets at 00:00 Beijing time. To reset ' +
              'now, POST /cgi-bin/clear_quota/v2 with the AppID and AppSecret (no token needed; 10 per account per ' +
              'month). Then find what fetches a new token per request.',
            '今日 token 调用额度已用完：/cgi-bin/token 每天 2000 次（测试号 200 次），stable_token 每天 50 万次、' +
              '强制刷新 20 次，北京时间零点重置。如需立即恢复，可用 AppID 和 AppSecret 调用 POST /cgi-bin/clear_quota/v2' +
              '（无需 token；每个账号每月 10 次）。之后请找出每次请求都重新获取 token 的代码。'
          )
        }
      }
    }
  ],
  [
    45011,
    {
      title: text('Too many calls this minute', '调用太频繁（分钟级限额）'),
      fix: text(
        'A per-minute limit was hit (stable_token: 10,000 a minute). Slow down and retry in the next minute.',
        '触发了每分钟调用上限（stable_token 为每分钟 1 万次）。请降低频率，下一分钟再试。'
      ),
      retryable: true,
      in: {
        'mini-program': {
          fix: text(
            'jscode2session allows 100 calls a minute per user (getuserphonenumber has its own limit). Keep the ' +
              'session your server opened instead of logging in on every page, and retry in the next minute.',
            'jscode2session 每个用户每分钟最多 100 次（手机号接口另有限额）。请在服务器端保留已建立的会话，' +
              '不要每个页面都重新登录，下一分钟再试。'
          )
        }
      }
    }
  ],
  [
    47001,
    {
      title: text('The request body is not valid JSON', '数据格式错误'),
      fix: text(
        'Send valid JSON with content-type: application/json; for stable_token, force_refresh must be a ' +
          'boolean (true/false), not a string.',
        '请发送合法的 JSON，并设置 content-type: application/json；stable_token 的 force_refresh 必须是布尔值（true/false），不能是字符串。'
      )
    }
  ],
  [
    48001,
    {
      title: text('API not authorised for this account', '接口未授权'),
      fix: text(
        'The account lacks this permission (not verified, or the wrong account type), or the token belongs to ' +
          'another account. Check 接口权限 in the console and that the token was fetched with this AppID.',
        '账号没有该接口权限（未认证或账号类型不符），或 token 属于其他账号。请在后台“接口权限”中确认，并确认 token 由此 AppID 获取。'
      ),
      in: {
        oauth: {
          fix: text(
            '/sns/userinfo needs a token from an snsapi_userinfo authorisation; a token from snsapi_base gets ' +
              '48001. Also, only verified Service Accounts may use web OAuth.',
            '/sns/userinfo 需要 snsapi_userinfo 授权得到的 token，snsapi_base 的 token 会返回 48001。另外只有已认证的服务号可以使用网页授权。'
          )
        }
      }
    }
  ],
  [
    48006,
    {
      title: text('No quota resets left this month', '本月清零次数已用完'),
      fix: text(
        'clear_quota allows 10 resets per account per month (console and API combined). Wait for the daily ' +
          'quota to reset at midnight (Beijing time), and stop whatever burns it.',
        'clear_quota 每个账号每月最多 10 次（后台与接口合计）。请等待北京时间零点额度重置，并找出消耗额度的原因。'
      )
    }
  ],
  [
    50002,
    {
      errmsg: 'user limited',
      title: text('The account is restricted', '账号受限'),
      fix: text(
        'The account is restricted or banned. Check the notices in the 公众平台 console; API calls will ' +
          'fail until the restriction is lifted.',
        '账号已被限制或封禁。请查看公众平台后台的通知；在解除限制之前接口调用都会失败。'
      )
    }
  ],
  [
    50004,
    {
      errmsg: 'user not allow to use accesstoken, maybe for punishment',
      title: text('This account may not use access_tokens', '禁止使用 access_token'),
      fix: text(
        'Token use is blocked, probably as a penalty. Check the notices in the 公众平台 console; retrying ' +
          'will not help.',
        'token 使用被禁止，可能是处罚所致。请查看公众平台后台的通知；重试无济于事。'
      )
    }
  ],
  [
    61004,
    {
      errmsg: 'access clientip is not registered',
      title: text('The caller IP is not registered in the IP whitelist', '调用 IP 未登记在白名单中'),
      fix: whitelistFix
    }
  ],
  [
    76001,
    {
      title: text('rid not found', '找不到该 rid'),
      fix: text(
        'rids can be looked up for 7 days only, and only with a token of the account that made the request.',
        'rid 只能在 7 天内查询，并且只能用发起该请求的账号的 token 查询。'
      )
    }
  ],
  [
    76002,
    {
      title: text('Malformed rid', 'rid 格式错误'),
      fix: text(
        'Pass the whole rid from the errmsg (three hex groups, e.g. 617682e0-0f4a2c7b-1d2e3f40).',
        '请传入 errmsg 中完整的 rid（三组十六进制，例如 617682e0-0f4a2c7b-1d2e3f40）。'
      )
    }
  ],
  [
    76003,
    {
      title: text(
        'No permission for this rid (or malformed cgi_path)',
        '无权查询该 rid（或 cgi_path 格式错误）'
      ),
      fix: text(
        'Look the rid up with a token of the account that made the request. For openapi/quota/get, pass ' +
          'cgi_path with a leading "/" and no host, e.g. /cgi-bin/message/custom/send.',
        '请使用发起请求的账号的 token 查询该 rid。调用 openapi/quota/get 时，cgi_path 需以 “/” 开头且不含域名，例如 /cgi-bin/message/custom/send。'
      )
    }
  ],
  [
    76021,
    {
      title: text('cgi_path not found', '找不到该 cgi_path'),
      fix: text(
        'Pass the API path exactly as documented, with a leading "/" and no host or query, e.g. ' +
          '/cgi-bin/message/custom/send.',
        '请按文档传入接口路径，以 “/” 开头，不含域名和查询参数，例如 /cgi-bin/message/custom/send。'
      )
    }
  ],
  [
    76022,
    {
      title: text('No permission for this cgi_path', '无权查询该 cgi_path'),
      fix: text(
        'Use a token of the account whose quota you want to see. /sns/ paths (web OAuth) cannot be queried.',
        '请使用要查询额度的账号的 token。/sns/ 开头的路径（网页授权）不支持查询。'
      )
    }
  ],
  [89501, waitForAdmin('89501', '89501')],
  [89502, waitForAdmin('89502', '89502')],
  [
    89503,
    {
      errmsg: 'this IP is at risk, waiting for the administrator to confirm',
      title: text('Administrator must confirm this IP', '需要管理员确认此 IP'),
      fix: text(
        'WeChat considers this IP risky and sent the administrator a confirmation message. Once the ' +
          'administrator approves it in WeChat, calls from this IP work; until then, do not retry in a loop.',
        '微信认为该 IP 存在风险，已向管理员发送确认消息。管理员在微信中确认后，该 IP 即可正常调用；在此之前请不要循环重试。'
      )
    }
  ],
  [89504, waitForAdmin('89504', '89504')],
  [89505, waitForAdmin('89505', '89505')],
  [
    89506,
    {
      errmsg: 'the administrator refused this IP, retry after 24 hours',
      title: text('The administrator refused this IP (24 h)', '管理员拒绝了此 IP（24 小时）'),
      fix: text(
        'The administrator refused the confirmation. Calls from this IP are blocked for 24 hours; ask the ' +
          'administrator before trying again, or call from an IP that is already trusted.',
        '管理员拒绝了确认请求，该 IP 24 小时内无法调用。请先与管理员沟通后再试，或改用已被信任的 IP 调用。'
      )
    }
  ],
  [
    89507,
    {
      errmsg: 'the administrator refused this IP, retry after 1 hour',
      title: text('The administrator refused this IP (1 h)', '管理员拒绝了此 IP（1 小时）'),
      fix: text(
        'The administrator refused the confirmation. Calls from this IP are blocked for 1 hour; ask the ' +
          'administrator before trying again.',
        '管理员拒绝了确认请求，该 IP 1 小时内无法调用。请先与管理员沟通后再试。'
      )
    }
  ]
])

/** Every errcode the catalogue explains, in ascending order. */
export const KNOWN_ERRCODES: readonly number[] = [...CATALOGUE.keys()].sort((a, b) => a - b)

const render = (wording: Wording, facts: Facts): Localized =>
  typeof wording === 'function' ? wording(facts) : wording

/** The catalogue as a reference table (generic context). */
export function listErrcodes(): ErrcodeInfo[] {
  return KNOWN_ERRCODES.map((errcode) => {
    const entry = CATALOGUE.get(errcode) as Entry
    const errmsg = entry.errmsg ?? WECHAT_ERRMSG.get(errcode) ?? ''
    return {
      errcode,
      errmsg,
      title: entry.title,
      fix: render(entry.fix, { errmsg, callerIp: null }),
      retryable: entry.retryable ?? false
    }
  })
}

/** Explains an errcode for a developer, using what the errmsg reveals (caller IP, rid). */
export function explainErrcode(errcode: number, errmsg: string, context: ErrcodeContext): ErrcodeExplanation {
  const entry = CATALOGUE.get(errcode)
  const rid = parseRid(errmsg)
  const time = rid === null ? null : ridTime(rid)
  const callerIp = errcode === 40164 || errcode === 61004 ? parseCallerIp(errmsg) : null
  const facts: Facts = { errmsg, callerIp }
  const extras = {
    ...(callerIp !== null && { callerIp }),
    ...(rid !== null && { rid }),
    ...(time !== null && { ridTime: time })
  }
  if (!entry) {
    const said = errmsg.trim() === '' ? '(empty errmsg)' : `“${errmsg.trim()}”`
    const saidZh = errmsg.trim() === '' ? '（errmsg 为空）' : `“${errmsg.trim()}”`
    return {
      errcode,
      known: false,
      title: text(`Unrecognised WeChat error ${errcode}`, `未收录的微信错误码 ${errcode}`),
      fix: text(
        `WeChat said: ${said}. This code is not in the desk’s catalogue: look it up in WeChat’s global ` +
          'return-code list (全局返回码说明) for this API' +
          (rid === null ? '.' : `, and query the request with POST /cgi-bin/openapi/rid/get (rid ${rid}).`),
        `微信返回：${saidZh}。本工具未收录此错误码：请在该接口文档的全局返回码说明中查找` +
          (rid === null ? '。' : `，并可用 POST /cgi-bin/openapi/rid/get 查询此次请求（rid ${rid}）。`)
      ),
      retryable: false,
      ...extras
    }
  }
  const variant = entry.in?.[context]
  return {
    errcode,
    known: true,
    title: variant?.title ?? entry.title,
    fix: render(variant?.fix ?? entry.fix, facts),
    retryable: entry.retryable ?? false,
    ...extras
  }
}

/**
 * The request id in an errmsg: `rid: 617682e0-0f4a2c7b-1d2e3f40` today, `hint: [X]` (≈2015-17) and
 * `hints: [ req_id: X ]` (≈2017-20) in older answers. Null when there is none.
 */
export function parseRid(errmsg: string): string | null {
  const modern = /\brid:\s*([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)/.exec(errmsg)
  if (modern?.[1]) return modern[1]
  const legacy = /\bhints?:\s*\[\s*(?:req_id:\s*)?([^\]\s]+)\s*\]/.exec(errmsg)
  return legacy?.[1] ?? null
}

/** The request time (epoch ms) encoded in a modern rid's first hex group, or null for other ids. */
export function ridTime(rid: string): number | null {
  const match = /^([0-9a-fA-F]{8})-[0-9a-fA-F]+/.exec(rid)
  if (!match?.[1]) return null
  const seconds = Number.parseInt(match[1], 16)
  return seconds > 0 ? seconds * 1000 : null
}

/** The caller IP WeChat quotes in 40164 / 61004 errmsgs: the IPv4 address, or the IPv6 one when there is no v4. */
export function parseCallerIp(errmsg: string): string | null {
  for (const match of errmsg.matchAll(/(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/g)) {
    const candidate = match[1] ?? ''
    if (candidate.split('.').every((octet) => Number(octet) <= 255 && String(Number(octet)) === octet)) {
      return candidate
    }
  }
  for (const match of errmsg.matchAll(
    /(?<![0-9A-Za-z:])([0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![0-9A-Za-z:])/g
  )) {
    const candidate = match[1] ?? ''
    if (isIpv6(candidate)) return candidate.toLowerCase()
  }
  return null
}

function isIpv6(value: string): boolean {
  const halves = value.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')))
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false
  return halves.length === 2 ? groups.length < 8 : groups.length === 8
}
