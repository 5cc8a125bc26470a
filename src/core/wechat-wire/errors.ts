/** An error body as WeChat sends it (HTTP 200); the server appends ` rid: …` to `errmsg`. */
export interface WeChatError {
  errcode: number
  errmsg: string
}

/**
 * WeChat's wording for each errcode (wechat-api.md §7): the one table for everything that answers in WeChat's
 * place, the emulator and the local API's WeChat-compatible endpoints alike.
 */
export const WX = {
  systemError: { errcode: -1, errmsg: 'system error' },
  invalidCredential: {
    errcode: 40001,
    errmsg:
      'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r'
  },
  invalidGrantType: { errcode: 40002, errmsg: 'invalid grant_type' },
  invalidAppid: { errcode: 40013, errmsg: 'invalid appid' },
  invalidAccessToken: { errcode: 40014, errmsg: 'invalid access_token' },
  invalidAppsecret: { errcode: 40125, errmsg: 'invalid appsecret' },
  // WeChat's exact text for 40243 is not on record (wechat-api.md §7); this one says what happened.
  appsecretFrozen: { errcode: 40243, errmsg: 'appsecret is frozen' },
  accessTokenMissing: { errcode: 41001, errmsg: 'access_token missing' },
  appidMissing: { errcode: 41002, errmsg: 'appid missing' },
  appsecretMissing: { errcode: 41004, errmsg: 'appsecret missing' },
  accessTokenExpired: { errcode: 42001, errmsg: 'access_token expired' },
  requireGet: { errcode: 43001, errmsg: 'require GET method' },
  requirePost: { errcode: 43002, errmsg: 'require POST method' },
  emptyPostData: { errcode: 44002, errmsg: 'empty post data' },
  dailyQuota: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  minuteQuota: { errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' },
  dataFormat: { errcode: 47001, errmsg: 'data format error' },
  // getticket with a `type` other than jsapi / wx_card; WeChat's generic "invalid args".
  invalidArgs: { errcode: 40097, errmsg: 'invalid args' },
  clearQuotaLimit: { errcode: 48006, errmsg: 'forbid to clear quota because of reaching the limit' },
  // Web OAuth (wechat-api.md §4.3-4.6)
  invalidOpenid: { errcode: 40003, errmsg: 'invalid openid' },
  invalidCode: { errcode: 40029, errmsg: 'invalid code' },
  invalidRefreshToken: { errcode: 40030, errmsg: 'invalid refresh_token' },
  codeBeenUsed: { errcode: 40163, errmsg: 'code been used' },
  refreshTokenMissing: { errcode: 41003, errmsg: 'refresh_token missing' },
  missingCode: { errcode: 41008, errmsg: 'missing code' },
  refreshTokenExpired: { errcode: 42002, errmsg: 'refresh_token expired' },
  apiUnauthorized: { errcode: 48001, errmsg: 'api unauthorized' }
} as const satisfies Record<string, WeChatError>

/** 40164 names the caller twice, the second time as an IPv4-mapped IPv6 address. */
export function ipNotWhitelisted(ip: string): WeChatError {
  const ipv6 = ip.includes(':') ? ip : `::ffff:${ip}`
  return { errcode: 40164, errmsg: `invalid ip ${ip} ipv6 ${ipv6}, not in whitelist` }
}
