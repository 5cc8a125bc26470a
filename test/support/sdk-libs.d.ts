/** Types for co-wechat-api (untyped on npm): only what the tests use. */

declare module 'co-wechat-api' {
  class API {
    constructor(appid: string, appsecret: string)
    /** The one host setting: where every `cgi-bin/` call goes (default `https://api.weixin.qq.com/cgi-bin/`). */
    prefix: string
    ensureAccessToken(): Promise<{ accessToken: string; expireTime: number }>
    getIp(): Promise<{ ip_list: string[] }>
    getTicket(type?: 'jsapi' | 'wx_card'): Promise<{ ticket: string; expireTime: number }>
  }
  export = API
}
