import type { AppQuotas, WindowedCounter } from './quota'

// The cgi paths the emulator answers with an access_token (and the two token endpoints, for quota/get): who
// may call each, how, and its daily cap. The caps of 测试号 test accounts and of most tool APIs are not
// published in one place; the numbers below follow WeChat's 接口频率限制 page where it has them
// (token 2000/200, stable_token 500,000, url link and scheme 500,000) and are plausible choices otherwise.

/** Whose APIs: an Official Account's, a Mini Program's, or both kinds'. */
export type ApiPlatform = 'any' | 'official-account' | 'mini-program'

export interface CgiApi {
  path: string
  method: 'GET' | 'POST'
  platform: ApiPlatform
  /** Calls per Beijing day, for a normal account and a 测试号; none: no daily cap (quota/get: 76021). */
  daily?: { normal: number; test: number }
  /** The interval limit quota/get reports; none known: zeros. */
  rate?: { callCount: number; refreshSecond: number }
  /** Where the day's calls are counted, when not in the path's own counter. */
  counter?: (quotas: AppQuotas) => WindowedCounter
}

const api = (
  method: CgiApi['method'],
  path: string,
  platform: ApiPlatform,
  extra: Omit<CgiApi, 'path' | 'method' | 'platform'> = {}
): CgiApi => ({ path, method, platform, ...extra })

export const CGI = {
  token: api('GET', '/cgi-bin/token', 'any', {
    daily: { normal: 2000, test: 200 },
    counter: (quotas) => quotas.classicDay
  }),
  stableToken: api('POST', '/cgi-bin/stable_token', 'any', {
    daily: { normal: 500_000, test: 500_000 },
    rate: { callCount: 10_000, refreshSecond: 60 },
    counter: (quotas) => quotas.stableDay
  }),
  callbackIp: api('GET', '/cgi-bin/getcallbackip', 'any'),
  apiDomainIp: api('GET', '/cgi-bin/get_api_domain_ip', 'any'),
  getTicket: api('GET', '/cgi-bin/ticket/getticket', 'any'),
  clearQuota: api('POST', '/cgi-bin/clear_quota', 'any'),
  quotaGet: api('POST', '/cgi-bin/openapi/quota/get', 'any'),
  ridGet: api('POST', '/cgi-bin/openapi/rid/get', 'any'),
  userGet: api('GET', '/cgi-bin/user/get', 'official-account', { daily: { normal: 500, test: 100 } }),
  userInfo: api('GET', '/cgi-bin/user/info', 'official-account', {
    daily: { normal: 5_000_000, test: 500_000 }
  }),
  menuGet: api('GET', '/cgi-bin/menu/get', 'official-account', { daily: { normal: 10_000, test: 1000 } }),
  selfMenuInfo: api('GET', '/cgi-bin/get_current_selfmenu_info', 'official-account', {
    daily: { normal: 10_000, test: 1000 }
  }),
  menuCreate: api('POST', '/cgi-bin/menu/create', 'official-account', { daily: { normal: 1000, test: 100 } }),
  menuDelete: api('GET', '/cgi-bin/menu/delete', 'official-account', { daily: { normal: 1000, test: 100 } }),
  templateList: api('GET', '/cgi-bin/template/get_all_private_template', 'official-account', {
    daily: { normal: 10_000, test: 1000 }
  }),
  templateSend: api('POST', '/cgi-bin/message/template/send', 'official-account', {
    daily: { normal: 100_000, test: 100_000 }
  }),
  // A Mini Program's customer-service messages go through the same path.
  customSend: api('POST', '/cgi-bin/message/custom/send', 'any', {
    daily: { normal: 500_000, test: 50_000 }
  }),
  mediaUpload: api('POST', '/cgi-bin/media/upload', 'any', { daily: { normal: 100_000, test: 5000 } }),
  qrcodeCreate: api('POST', '/cgi-bin/qrcode/create', 'official-account', {
    daily: { normal: 100_000, test: 10_000 }
  }),
  phoneNumber: api('POST', '/wxa/business/getuserphonenumber', 'mini-program'),
  // "No limit on the number of codes", 5000 a minute.
  wxaCodeUnlimit: api('POST', '/wxa/getwxacodeunlimit', 'mini-program', {
    rate: { callCount: 5000, refreshSecond: 60 }
  }),
  urlLink: api('POST', '/wxa/generate_urllink', 'mini-program', {
    daily: { normal: 500_000, test: 500_000 },
    rate: { callCount: 100, refreshSecond: 1 }
  }),
  scheme: api('POST', '/wxa/generatescheme', 'mini-program', {
    daily: { normal: 500_000, test: 500_000 },
    rate: { callCount: 100, refreshSecond: 1 }
  })
} as const satisfies Record<string, CgiApi>

const BY_PATH = new Map<string, CgiApi>(Object.values(CGI).map((entry) => [entry.path, entry]))

export function cgiApiAt(path: string): CgiApi | undefined {
  return BY_PATH.get(path)
}
