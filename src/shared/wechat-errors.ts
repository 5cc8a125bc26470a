/** An error body as WeChat sends it (HTTP 200); the server appends ` rid: …` to `errmsg`. */
export interface WeChatError {
  errcode: number
  errmsg: string
}

/**
 * WeChat's wording for each errcode (wechat-api.md §7): the one table for everything that answers in WeChat's
 * place (the emulator, the Local API's WeChat-compatible endpoints) and for the errcode catalogue's "typical
 * errmsg".
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
  apiUnauthorized: { errcode: 48001, errmsg: 'api unauthorized' },
  // Debug tools: quota and rid look-up (wechat-api.md §6)
  ridNotFound: { errcode: 76001, errmsg: 'rid not found' },
  ridIsError: { errcode: 76002, errmsg: 'rid is error' },
  ridNoPermission: { errcode: 76003, errmsg: 'could not query this rid,no permission' },
  // A cgi_path without its leading `/` or with a host is a 76003 too; its own wording is not on record.
  cgiPathInvalid: { errcode: 76003, errmsg: 'invalid cgi_path' },
  cgiPathNotFound: { errcode: 76021, errmsg: 'cgi_path not found, please check' },
  cgiPathNoPermission: { errcode: 76022, errmsg: 'could not use this cgi_path,no permission' },
  // Official Account tool APIs (wechat-api.md §11.5)
  invalidMediaType: { errcode: 40004, errmsg: 'invalid media type' },
  invalidFileType: { errcode: 40005, errmsg: 'invalid file type' },
  // WeChat's own spelling.
  invalidMediaSize: { errcode: 40006, errmsg: 'invalid meida size' },
  invalidMediaId: { errcode: 40007, errmsg: 'invalid media_id' },
  invalidMessageType: { errcode: 40008, errmsg: 'invalid message type' },
  invalidButtonSize: { errcode: 40016, errmsg: 'invalid button size' },
  invalidButtonType: { errcode: 40017, errmsg: 'invalid button type' },
  invalidButtonNameSize: { errcode: 40018, errmsg: 'invalid button name size' },
  invalidButtonKeySize: { errcode: 40019, errmsg: 'invalid button key size' },
  invalidButtonUrlSize: { errcode: 40020, errmsg: 'invalid button url size' },
  invalidSubButtonSize: { errcode: 40023, errmsg: 'invalid sub button size' },
  invalidSubButtonType: { errcode: 40024, errmsg: 'invalid sub button type' },
  invalidSubButtonNameSize: { errcode: 40025, errmsg: 'invalid sub button name size' },
  invalidSubButtonKeySize: { errcode: 40026, errmsg: 'invalid sub button key size' },
  invalidSubButtonUrlSize: { errcode: 40027, errmsg: 'invalid sub button url size' },
  invalidTemplateId: { errcode: 40037, errmsg: 'invalid template_id' },
  invalidActionInfo: { errcode: 40053, errmsg: 'invalid action info' },
  mediaDataMissing: { errcode: 41005, errmsg: 'media data missing' },
  missingOpenid: { errcode: 41009, errmsg: 'missing openid' },
  requireSubscribe: { errcode: 43004, errmsg: 'require subscribe' },
  emptyContent: { errcode: 44004, errmsg: 'empty content' },
  responseOutOfTimeLimit: {
    errcode: 45015,
    errmsg: 'response out of time limit or subscription is canceled'
  },
  menuNoExist: { errcode: 46003, errmsg: 'menu no exist' },
  weappNotLinked: { errcode: 45064, errmsg: 'no permission to use weapp in menu' },
  // Mini Program tool APIs (wechat-api.md §11.3, §11.4)
  invalidScene: { errcode: 40129, errmsg: 'invalid scene' },
  invalidWeappPagepath: { errcode: 40165, errmsg: 'invalid weapp pagepath' },
  invalidSceneLength: {
    errcode: 40169,
    errmsg: 'invalid length for scene, or the data is not json string'
  },
  invalidQuery: { errcode: 40212, errmsg: 'invalid query' },
  invalidPage: { errcode: 41030, errmsg: 'invalid page' },
  linkTimeLimit: { errcode: 85401, errmsg: 'time limit between 1min and 30days' },
  invalidEnvVersion: { errcode: 85402, errmsg: 'invalid env_version' }
} as const satisfies Record<string, WeChatError>

/** WeChat's usual errmsg for an errcode (the first wording the table has for it). */
export const WECHAT_ERRMSG: ReadonlyMap<number, string> = new Map(
  Object.values(WX)
    .reverse()
    .map((error): [number, string] => [error.errcode, error.errmsg])
)
