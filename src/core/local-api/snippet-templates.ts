import { createHash } from 'node:crypto'
import { LOCAL_API_KEY_ENV, type LocalApiSnippet } from '../../shared/contract/local-api'
import type { SnippetInput } from './snippets'

/** What every template is filled with. */
export interface SnippetContext {
  input: SnippetInput
  /** `http://127.0.0.1:17180/v1/apps/wx…/access-token` */
  tokenUrl: string
  /** The app, for comments: control characters removed. */
  label: string
  miniProgram: boolean
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

function curl({ input, tokenUrl, label }: SnippetContext): string {
  const auth =
    input.key === null
      ? `"Authorization: Bearer $${LOCAL_API_KEY_ENV}"`
      : shLit(`Authorization: Bearer ${input.key}`)
  return [
    `# The shared access_token of ${label}, from WeChat Token Desk.`,
    `curl -sS -H ${auth} ${shLit(tokenUrl)}`
  ].join('\n')
}

function nodeFetch({ input, tokenUrl, label }: SnippetContext): string {
  return `// The shared access_token of ${label} from WeChat Token Desk (Node 18+: fetch is undici).
const DESK = ${lit(tokenUrl)}
const headers = { authorization: ${jsBearer(input.key)}, 'content-type': 'application/json' }
let held = null // the desk's last answer: { access_token, expires_in, expires_at, obtained_at, mode }

async function fromDesk(stale) {
  const res = stale
    ? await fetch(\`\${DESK}/refresh\`, { method: 'POST', headers, body: JSON.stringify({ stale_token: stale }) })
    : await fetch(DESK, { headers })
  const body = await res.json()
  if (!res.ok) throw new Error(\`WeChat Token Desk \${res.status} \${body.error.code}: \${body.error.message}\`)
  return (held = body)
}

/** The token, re-read from the desk shortly before it expires. */
export async function accessToken() {
  if (!held || Date.parse(held.expires_at) - Date.now() < 60_000) await fromDesk(held?.access_token)
  return held.access_token
}

/** After WeChat refused \`token\` (40001 / 40014 / 42001): passive refresh, then retry once. */
export async function refreshAfterRefusal(token) {
  return (await fromDesk(token)).access_token
}

// Example: a WeChat API call, retried once with a refreshed token.
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

function wxJava({ input, label, miniProgram }: SnippetContext): string {
  const secret = `System.getenv(${lit(SECRET_ENV)})`
  if (miniProgram) {
    return `// WxJava with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.
import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;

WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
config.setAppid(${lit(input.appId)});
config.setSecret(${secret}); // checked by the desk, as WeChat would
config.setApiHostUrl(${lit(input.deskUrl)});
WxMaService wxMaService = new WxMaServiceImpl();
wxMaService.setWxMaConfig(config);
`
  }
  return `// WxJava with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
config.setAppId(${lit(input.appId)});
config.setSecret(${secret}); // checked by the desk, as WeChat would
WxMpHostConfig host = new WxMpHostConfig();
host.setApiHost(${lit(input.deskUrl)});
config.setHostConfig(host);
WxMpService wxMpService = new WxMpServiceImpl();
wxMpService.setWxMpConfigStorage(config);
`
}

function easyWeChat({ input, label, miniProgram }: SnippetContext): string {
  const app = miniProgram ? 'EasyWeChat\\MiniApp\\Application' : 'EasyWeChat\\OfficialAccount\\Application'
  return `<?php
// EasyWeChat 6 with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.
use ${app};

$app = new Application([
    'app_id' => ${phpLit(input.appId)},
    'secret' => getenv(${phpLit(SECRET_ENV)}), // checked by the desk, as WeChat would
    'http' => ['base_uri' => ${phpLit(`${input.deskUrl}/`)}],
]);
`
}

function wechatpy({ input, label }: SnippetContext): string {
  return `# wechatpy with WeChat Token Desk as its API host for ${label}. wechatpy sends every call to API_BASE_URL but
# fetches the token from a fixed WeChat URL, so that one call is pointed at the desk too.
import os

from wechatpy import WeChatClient


class DeskWeChatClient(WeChatClient):
    API_BASE_URL = ${lit(`${input.deskUrl}/cgi-bin/`)}

    def fetch_access_token(self):
        return self._fetch_access_token(
            url=self.API_BASE_URL + "token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )


client = DeskWeChatClient(${lit(input.appId)}, os.environ[${lit(SECRET_ENV)}])  # secret checked by the desk
print(client.misc.get_wechat_ips())
`
}

function silenceper({ input, label, miniProgram }: SnippetContext): string {
  // Not parsed as a URL: before the API first listens on port 0 the address reads `…:PORT`.
  const host = input.deskUrl.replace(/^https?:\/\//, '')
  const configImport = miniProgram
    ? 'miniConfig "github.com/silenceper/wechat/v2/miniprogram/config"'
    : 'offConfig "github.com/silenceper/wechat/v2/officialaccount/config"'
  const account = miniProgram
    ? `app := wc.GetMiniProgram(&miniConfig.Config{AppID: ${lit(input.appId)}, AppSecret: os.Getenv(${lit(SECRET_ENV)}), Cache: cache.NewMemory()})`
    : `app := wc.GetOfficialAccount(&offConfig.Config{AppID: ${lit(input.appId)}, AppSecret: os.Getenv(${lit(SECRET_ENV)}), Cache: cache.NewMemory()})`
  return `// silenceper/wechat with WeChat Token Desk as its API host for ${label}. The SDK has no host setting (its URLs are
// fixed) and sends everything through http.DefaultClient, so one transport sends api.weixin.qq.com to the desk.
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
	${account} // secret checked by the desk
	token, err := app.GetContext().GetAccessToken()
	fmt.Println(len(token) > 0, err)
}
`
}

function coWechatApi({ input, label }: SnippetContext): string {
  return `// co-wechat-api with WeChat Token Desk as its API host for ${label}: the token and every call go through the desk.
const API = require('co-wechat-api')

const api = new API(${lit(input.appId)}, process.env.${SECRET_ENV}) // secret checked by the desk, as WeChat would
api.prefix = ${lit(`${input.deskUrl}/cgi-bin/`)}

api.getIp().then(console.log, console.error)
`
}

function postman({ input }: SnippetContext): string {
  const digest = createHash('sha256').update(`${input.deskUrl} ${input.appId}`).digest('hex')
  const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`
  const environment = {
    id,
    name: `WeChat Token Desk · ${input.appName}`,
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
