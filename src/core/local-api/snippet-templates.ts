import { createHash } from 'node:crypto'
import { LOCAL_API_KEY_ENV, type LocalApiSnippet } from '../../shared/contract/local-api'
import type { SnippetInput } from './snippets'

/** What every template is filled with. */
export interface SnippetContext {
  input: SnippetInput
  /** `http://127.0.0.1:17180/v1/apps/wx…/access-token` */
  tokenUrl: string
  /** The app, for comments: control characters removed, the sandbox named in the reader's language. */
  label: string
  miniProgram: boolean
  /** The app's name for the reader. */
  name: string
  /** Comment text in the reader's language. */
  say(en: string, zh: string): string
}

export interface SnippetTemplate extends Pick<LocalApiSnippet, 'id' | 'title' | 'language'> {
  render(context: SnippetContext): string
}

const POSTMAN_PLACEHOLDER = '<paste the API key>'

/** One template per SDK the issue names, in the order the panel shows them (the contract's ids). */
export const SNIPPET_TEMPLATES: readonly SnippetTemplate[] = [
  { id: 'curl', title: 'curl', language: 'bash', render: curl },
  { id: 'node-fetch', title: 'Node.js (fetch / undici)', language: 'javascript', render: nodeFetch },
  { id: 'java-wxjava', title: 'Java · WxJava', language: 'java', render: wxJava },
  { id: 'php-easywechat', title: 'PHP · EasyWeChat 6', language: 'php', render: easyWeChat },
  { id: 'python-wechatpy', title: 'Python · wechatpy', language: 'python', render: wechatpy },
  { id: 'go-silenceper', title: 'Go · silenceper/wechat', language: 'go', render: silenceper },
  { id: 'node-co-wechat-api', title: 'Node.js · co-wechat-api', language: 'javascript', render: coWechatApi },
  { id: 'postman-environment', title: 'Postman environment', language: 'json', render: postman }
]

/** A string literal in JavaScript, Java, Go or Python (JSON's escaping is valid in all four). */
const lit = (value: string): string => JSON.stringify(value)
/** A single-quoted PHP / shell string. */
const phpLit = (value: string): string => `'${value.replace(/[\\']/g, '\\$&')}'`
const shLit = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`
/** The Authorization header value as a JavaScript expression. */
const jsBearer = (key: string | null): string =>
  key === null ? `\`Bearer \${process.env.${LOCAL_API_KEY_ENV}}\`` : lit(`Bearer ${key}`)

/** One command and no comment line: zsh, without `interactivecomments`, would run a pasted `# …` as a command. */
function curl({ input, tokenUrl }: SnippetContext): string {
  const auth =
    input.key === null
      ? `"Authorization: Bearer $${LOCAL_API_KEY_ENV}"`
      : shLit(`Authorization: Bearer ${input.key}`)
  return `curl -sS -H ${auth} ${shLit(tokenUrl)}`
}

function nodeFetch({ input, tokenUrl, label, say }: SnippetContext): string {
  return `// ${say(`The shared access_token of ${label} from WeChat Token Desk (Node 18+: fetch is undici).`, `${label} 的共享 access_token，来自 WeChat Token Desk（Node 18+ 的 fetch 即 undici）。`)}
const DESK = ${lit(tokenUrl)}
const headers = { authorization: ${jsBearer(input.key)}, 'content-type': 'application/json' }
let held = null // ${say("the desk's last answer", '本工具最近一次的回答')}: { access_token, expires_in, expires_at, obtained_at, mode }

async function fromDesk(stale) {
  const res = stale
    ? await fetch(\`\${DESK}/refresh\`, { method: 'POST', headers, body: JSON.stringify({ stale_token: stale }) })
    : await fetch(DESK, { headers })
  const body = await res.json()
  if (!res.ok) throw new Error(\`WeChat Token Desk \${res.status} \${body.error.code}: \${body.error.message}\`)
  return (held = body)
}

/** ${say('The token, re-read from the desk shortly before it expires.', '令牌，在过期前不久重新向本工具读取。')} */
export async function accessToken() {
  if (!held || Date.parse(held.expires_at) - Date.now() < 60_000) await fromDesk(held?.access_token)
  return held.access_token
}

/** ${say('After WeChat refused `token` (40001 / 40014 / 42001): passive refresh, then retry once.', '微信拒绝 `token`（40001 / 40014 / 42001）后：被动刷新，再重试一次。')} */
export async function refreshAfterRefusal(token) {
  return (await fromDesk(token)).access_token
}

// ${say('Example: a WeChat API call, retried once with a refreshed token.', '示例：调用一个微信接口，令牌失效时刷新后重试一次。')}
const TOKEN_ERRORS = new Set([40001, 40014, 42001])
let token = await accessToken()
for (let attempt = 0; ; attempt++) {
  const res = await fetch(${lit(`${input.apiBase}/cgi-bin/getcallbackip?access_token=`)} + encodeURIComponent(token))
  const body = await res.json()
  if (!TOKEN_ERRORS.has(body.errcode) || attempt > 0) {
    console.log(body)
    break
  }
  token = await refreshAfterRefusal(token)
}
`
}

/** Where the SDK snippets read the AppSecret from: the desk checks it on its token endpoints, as WeChat does. */
const SECRET_ENV = 'WECHAT_SECRET'

// The SDK snippets point the SDK's one API host setting at the desk (README › Point your SDK at the desk):
// the SDK asks the desk for the token as it would ask WeChat (the desk checks the AppSecret and hands out the
// one shared token), every other call is relayed, and a token WeChat rejects is healed once. No desk API key.

function wxJava({ input, label, miniProgram, say }: SnippetContext): string {
  const checked = say('checked by the desk, as WeChat would', '由本工具校验，与微信一致')
  const secret = `System.getenv(${lit(SECRET_ENV)})`
  if (miniProgram) {
    return `// ${say(`WxJava with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.`, `WxJava 以 WeChat Token Desk 为 API 地址（${label}）：令牌和每个调用都经过本工具。`)}
import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;

WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
config.setAppid(${lit(input.appId)});
config.setSecret(${secret}); // ${checked}
config.setApiHostUrl(${lit(input.deskUrl)});
WxMaService wxMaService = new WxMaServiceImpl();
wxMaService.setWxMaConfig(config);
`
  }
  return `// ${say(`WxJava with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.`, `WxJava 以 WeChat Token Desk 为 API 地址（${label}）：令牌和每个调用都经过本工具。`)}
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
config.setAppId(${lit(input.appId)});
config.setSecret(${secret}); // ${checked}
WxMpHostConfig host = new WxMpHostConfig();
host.setApiHost(${lit(input.deskUrl)});
config.setHostConfig(host);
WxMpService wxMpService = new WxMpServiceImpl();
wxMpService.setWxMpConfigStorage(config);
`
}

function easyWeChat({ input, label, miniProgram, say }: SnippetContext): string {
  const app = miniProgram ? 'EasyWeChat\\MiniApp\\Application' : 'EasyWeChat\\OfficialAccount\\Application'
  return `<?php
// ${say(`EasyWeChat 6 with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.`, `EasyWeChat 6 以 WeChat Token Desk 为 API 地址（${label}）：令牌和每个调用都经过本工具。`)}
use ${app};

$app = new Application([
    'app_id' => ${phpLit(input.appId)},
    'secret' => getenv(${phpLit(SECRET_ENV)}), // ${say('checked by the desk, as WeChat would', '由本工具校验，与微信一致')}
    'http' => ['base_uri' => ${phpLit(`${input.deskUrl}/`)}],
]);
`
}

function wechatpy({ input, label, say }: SnippetContext): string {
  return `# ${say(`wechatpy with WeChat Token Desk as its API host for ${label}. wechatpy sends every call to API_BASE_URL but`, `wechatpy 以 WeChat Token Desk 为 API 地址（${label}）。wechatpy 把每个调用发往 API_BASE_URL，`)}
# ${say('fetches the token from a fixed WeChat URL, so that one call is pointed at the desk too.', '但从固定的微信地址获取令牌，所以这一个调用也指向本工具。')}
import os

from wechatpy import WeChatClient


class DeskWeChatClient(WeChatClient):
    API_BASE_URL = ${lit(`${input.deskUrl}/cgi-bin/`)}

    def fetch_access_token(self):
        return self._fetch_access_token(
            url=self.API_BASE_URL + "token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


client = DeskWeChatClient(${lit(input.appId)}, os.environ[${lit(SECRET_ENV)}])  # ${say('secret checked by the desk', '由本工具校验 secret')}
print(client.misc.get_wechat_ips())
`
}

function silenceper({ input, label, miniProgram, say }: SnippetContext): string {
  // Not parsed as a URL: before the API first listens on port 0 the address reads `…:PORT`.
  const host = input.deskUrl.replace(/^https?:\/\//, '')
  const configImport = miniProgram
    ? 'miniConfig "github.com/silenceper/wechat/v2/miniprogram/config"'
    : 'offConfig "github.com/silenceper/wechat/v2/officialaccount/config"'
  const account = miniProgram
    ? `app := wc.GetMiniProgram(&miniConfig.Config{AppID: ${lit(input.appId)}, AppSecret: os.Getenv(${lit(SECRET_ENV)}), Cache: cache.NewMemory()})`
    : `app := wc.GetOfficialAccount(&offConfig.Config{AppID: ${lit(input.appId)}, AppSecret: os.Getenv(${lit(SECRET_ENV)}), Cache: cache.NewMemory()})`
  return `// ${say(`silenceper/wechat with WeChat Token Desk as its API host for ${label}. The SDK has no host setting (its URLs are`, `silenceper/wechat 以 WeChat Token Desk 为 API 地址（${label}）。该 SDK 没有地址设置（URL 写死），`)}
// ${say('fixed) and sends everything through http.DefaultClient, so one transport sends api.weixin.qq.com to the desk.', '且都经过 http.DefaultClient，所以用一个 transport 把 api.weixin.qq.com 转到本工具。')}
package main

import (
	"fmt"
	"net/http"
	"os"

	"github.com/silenceper/wechat/v2"
	"github.com/silenceper/wechat/v2/cache"
	${configImport}
)

type toDesk struct{ next http.RoundTripper }

func (t toDesk) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host == "api.weixin.qq.com" {
		req = req.Clone(req.Context())
		req.URL.Scheme, req.URL.Host, req.Host = "http", ${lit(host)}, ""
	}
	return t.next.RoundTrip(req)
}

func main() {
	http.DefaultClient.Transport = toDesk{next: http.DefaultTransport}
	wc := wechat.NewWechat()
	${account} // ${say('secret checked by the desk', '由本工具校验 secret')}
	token, err := app.GetContext().GetAccessToken()
	fmt.Println(len(token) > 0, err)
}
`
}

function coWechatApi({ input, label, say }: SnippetContext): string {
  return `// ${say(`co-wechat-api with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.`, `co-wechat-api 以 WeChat Token Desk 为 API 地址（${label}）：令牌和每个调用都经过本工具。`)}
const API = require('co-wechat-api')

const api = new API(${lit(input.appId)}, process.env.${SECRET_ENV}) // ${say('secret checked by the desk, as WeChat would', '由本工具校验 secret，与微信一致')}
api.prefix = ${lit(`${input.deskUrl}/cgi-bin/`)}

api.getIp().then(console.log, console.error)
`
}

function postman({ input, name }: SnippetContext): string {
  const digest = createHash('sha256').update(`${input.deskUrl} ${input.appId}`).digest('hex')
  const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`
  const environment = {
    id,
    name: `WeChat Token Desk · ${name}`,
    values: [
      { key: 'desk_url', value: input.deskUrl, type: 'default', enabled: true },
      { key: 'desk_api_key', value: input.key ?? POSTMAN_PLACEHOLDER, type: 'secret', enabled: true },
      { key: 'appid', value: input.appId, type: 'default', enabled: true },
      {
        key: 'desk_token_url',
        value: '{{desk_url}}/v1/apps/{{appid}}/access-token',
        type: 'default',
        enabled: true
      },
      { key: 'wechat_api_base', value: input.apiBase, type: 'default', enabled: true }
    ],
    _postman_variable_scope: 'environment'
  }
  return `${JSON.stringify(environment, null, 2)}\n`
}
