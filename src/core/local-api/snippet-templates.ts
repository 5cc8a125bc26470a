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
  customApiBase: boolean
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

function wxJava({ input, tokenUrl, label, miniProgram }: SnippetContext): string {
  const pkg = miniProgram
    ? 'cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl'
    : 'me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl'
  const base = miniProgram ? 'WxMaDefaultConfigImpl' : 'WxMpDefaultConfigImpl'
  const service = miniProgram
    ? '// WxMaService wxMaService = new WxMaServiceImpl();\n// wxMaService.setWxMaConfig(new DeskConfigStorage());'
    : '// WxMpService wxMpService = new WxMpServiceImpl();\n// wxMpService.setWxMpConfigStorage(new DeskConfigStorage());'
  const key = input.key === null ? `System.getenv(${lit(LOCAL_API_KEY_ENV)})` : lit(input.key)
  return `// WeChat Token Desk as WxJava's token source for ${label}.
// A custom config storage rather than WxMpHostConfig: a host config would send every API call to the desk,
// this sends only the token requests. WxJava never fetches a token itself (it has no secret to do so).
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import me.chanjar.weixin.common.bean.WxAccessToken;
import ${pkg};

public class DeskConfigStorage extends ${base} {
  private static final String DESK = ${lit(tokenUrl)};
  private final String key = ${key};
  private final HttpClient http = HttpClient.newHttpClient();
  private String token;
  private long expiresAtMillis;
  private String refused;

  public DeskConfigStorage() {
    setAppId(${lit(input.appId)});
  }

  @Override
  public synchronized String getAccessToken() {
    if (token == null || System.currentTimeMillis() > expiresAtMillis - 60_000) load();
    return token;
  }

  // getAccessToken() always answers a live token from the desk.
  @Override
  public boolean isAccessTokenExpired() {
    return false;
  }

  // WxJava calls this after WeChat refused the token (40001 / 40014 / 42001): the next read is a passive refresh.
  @Override
  public synchronized void expireAccessToken() {
    refused = token;
    token = null;
  }

  @Override
  public void updateAccessToken(WxAccessToken accessToken) {}

  @Override
  public void updateAccessToken(String accessToken, int expiresInSeconds) {}

  private void load() {
    HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", "Bearer " + key);
    if (refused != null) {
      JsonObject stale = new JsonObject();
      stale.addProperty("stale_token", refused);
      request.uri(URI.create(DESK + "/refresh")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(stale.toString()));
    } else {
      request.uri(URI.create(DESK)).GET();
    }
    try {
      HttpResponse<String> res = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonObject body = JsonParser.parseString(res.body()).getAsJsonObject();
      if (res.statusCode() != 200) {
        throw new IllegalStateException("WeChat Token Desk: " + body.getAsJsonObject("error").get("message").getAsString());
      }
      token = body.get("access_token").getAsString();
      expiresAtMillis = Instant.parse(body.get("expires_at").getAsString()).toEpochMilli();
      refused = null;
    } catch (IOException e) {
      throw new IllegalStateException("WeChat Token Desk is not reachable at " + DESK, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while reading the token from WeChat Token Desk", e);
    }
  }
}

${service}
`
}

function easyWeChat({ input, tokenUrl, label, miniProgram }: SnippetContext): string {
  const app = miniProgram ? 'EasyWeChat\\MiniApp\\Application' : 'EasyWeChat\\OfficialAccount\\Application'
  const key = input.key === null ? `getenv(${phpLit(LOCAL_API_KEY_ENV)}) ?: ''` : phpLit(input.key)
  return `<?php
// WeChat Token Desk as EasyWeChat's access_token for ${label}: EasyWeChat never fetches one itself.
use EasyWeChat\\Kernel\\Contracts\\RefreshableAccessToken;
use ${app};

final class DeskAccessToken implements RefreshableAccessToken
{
    private ?array $held = null;

    public function __construct(private string $url, private string $key)
    {
    }

    public function getToken(): string
    {
        if ($this->held === null || strtotime($this->held['expires_at']) - time() < 60) {
            $this->held = $this->call('GET', $this->url);
        }
        return $this->held['access_token'];
    }

    /** After WeChat refused the token (40001 / 40014 / 42001): a passive refresh. */
    public function refresh(): string
    {
        $stale = json_encode(['stale_token' => $this->held['access_token'] ?? '']);
        $this->held = $this->call('POST', $this->url . '/refresh', $stale);
        return $this->held['access_token'];
    }

    public function toQuery(): array
    {
        return ['access_token' => $this->getToken()];
    }

    private function call(string $method, string $url, string $body = ''): array
    {
        $context = stream_context_create(['http' => [
            'method' => $method,
            'header' => "Authorization: Bearer {$this->key}\\r\\nContent-Type: application/json\\r\\n",
            'content' => $body,
            'ignore_errors' => true,
            'timeout' => 10,
        ]]);
        $data = json_decode((string) file_get_contents($url, false, $context), true);
        if (!isset($data['access_token'])) {
            throw new RuntimeException('WeChat Token Desk: ' . ($data['error']['message'] ?? 'not reachable'));
        }
        return $data;
    }
}

$app = new Application(['app_id' => ${phpLit(input.appId)}, 'secret' => '']); // no secret: only the desk obtains tokens
$app->setAccessToken(new DeskAccessToken(${phpLit(tokenUrl)}, ${key}));
`
}

function wechatpy({ input, tokenUrl, label, customApiBase }: SnippetContext): string {
  const key = input.key === null ? `os.environ[${lit(LOCAL_API_KEY_ENV)}]` : lit(input.key)
  const apiBase = customApiBase ? `    API_BASE_URL = ${lit(`${input.apiBase}/cgi-bin/`)}\n\n` : ''
  return `# WeChat Token Desk as wechatpy's token source for ${label}: wechatpy never fetches one itself.
import os
import time

import requests
from wechatpy import WeChatClient

DESK = ${lit(tokenUrl)}
KEY = ${key}


class DeskWeChatClient(WeChatClient):
${apiBase}    def fetch_access_token(self):
        # wechatpy calls this shortly before its token expires and after WeChat refused it (40001 / 40014 /
        # 42001). Sending the token we hold as stale_token covers both: the desk answers its current token
        # and calls WeChat only if ours is still that one.
        stale = self.session.get(self.access_token_key)
        headers = {"Authorization": f"Bearer {KEY}"}
        if stale:
            res = requests.post(DESK + "/refresh", json={"stale_token": stale}, headers=headers, timeout=10)
        else:
            res = requests.get(DESK, headers=headers, timeout=10)
        data = res.json()
        if res.status_code != 200:
            raise RuntimeError(f"WeChat Token Desk: {data['error']['message']}")
        self.session.set(self.access_token_key, data["access_token"], data["expires_in"])
        self.expires_at = int(time.time()) + data["expires_in"]
        return data


client = DeskWeChatClient(${lit(input.appId)}, None)
print(client.misc.get_wechat_ips())
`
}

function silenceper({ input, tokenUrl, label, miniProgram }: SnippetContext): string {
  const key = input.key === null ? `os.Getenv(${lit(LOCAL_API_KEY_ENV)})` : lit(input.key)
  const configImport = miniProgram
    ? 'miniConfig "github.com/silenceper/wechat/v2/miniprogram/config"'
    : 'offConfig "github.com/silenceper/wechat/v2/officialaccount/config"'
  const account = miniProgram
    ? `app := wc.GetMiniProgram(&miniConfig.Config{AppID: ${lit(input.appId)}, Cache: cache.NewMemory()})`
    : `app := wc.GetOfficialAccount(&offConfig.Config{AppID: ${lit(input.appId)}, Cache: cache.NewMemory()})`
  return `// WeChat Token Desk as silenceper/wechat's token source for ${label}: the SDK never fetches one itself.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
${input.key === null ? '\t"os"\n' : ''}	"sync"
	"time"

	"github.com/silenceper/wechat/v2"
	"github.com/silenceper/wechat/v2/cache"
	${configImport}
)

const deskURL = ${lit(tokenUrl)}

type deskToken struct {
	key       string
	mu        sync.Mutex
	token     string
	expiresAt time.Time
}

type deskAnswer struct {
	AccessToken string    \`json:"access_token"\`
	ExpiresAt   time.Time \`json:"expires_at"\`
	Error       *struct {
		Code    string \`json:"code"\`
		Message string \`json:"message"\`
	} \`json:"error"\`
}

// GetAccessToken implements credential.AccessTokenHandle: the desk's token, re-read shortly before it expires.
func (d *deskToken) GetAccessToken() (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.token != "" && time.Until(d.expiresAt) > time.Minute {
		return d.token, nil
	}
	return d.load(d.token)
}

// Refresh asks the desk for a passive refresh after WeChat refused stale (40001 / 40014 / 42001).
func (d *deskToken) Refresh(stale string) (string, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.load(stale)
}

func (d *deskToken) load(stale string) (string, error) {
	method, url, body := http.MethodGet, deskURL, []byte(nil)
	if stale != "" {
		method, url = http.MethodPost, deskURL+"/refresh"
		body, _ = json.Marshal(map[string]string{"stale_token": stale})
	}
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+d.key)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	var answer deskAnswer
	if err := json.NewDecoder(res.Body).Decode(&answer); err != nil {
		return "", err
	}
	if answer.Error != nil {
		return "", fmt.Errorf("wechat token desk: %s", answer.Error.Message)
	}
	d.token, d.expiresAt = answer.AccessToken, answer.ExpiresAt
	return d.token, nil
}

func main() {
	wc := wechat.NewWechat()
	${account}
	app.SetAccessTokenHandle(&deskToken{key: ${key}})
	token, err := app.GetContext().GetAccessToken()
	fmt.Println(len(token) > 0, err)
}
`
}

function coWechatApi({ input, tokenUrl, label, customApiBase }: SnippetContext): string {
  const prefix = customApiBase ? `api.prefix = ${lit(`${input.apiBase}/cgi-bin/`)}\n` : ''
  return `// WeChat Token Desk as co-wechat-api's token store for ${label}: the SDK never fetches one itself.
const API = require('co-wechat-api')

const DESK = ${lit(tokenUrl)}
const headers = { authorization: ${jsBearer(input.key)}, 'content-type': 'application/json' }
let held = null // { accessToken, expireTime }, the shape co-wechat-api expects

async function fromDesk(stale) {
  const res = stale
    ? await fetch(\`\${DESK}/refresh\`, { method: 'POST', headers, body: JSON.stringify({ stale_token: stale }) })
    : await fetch(DESK, { headers })
  const body = await res.json()
  if (!res.ok) throw new Error(\`WeChat Token Desk: \${body.error.message}\`)
  held = { accessToken: body.access_token, expireTime: Date.parse(body.expires_at) - 60_000 }
  return held
}

const api = new API(
  ${lit(input.appId)},
  '', // no secret: only the desk obtains tokens
  async () => held ?? fromDesk(),
  async () => {} // the desk keeps the token (co-wechat-api passes null here before re-fetching)
)
// co-wechat-api calls this when the held token ran out and after WeChat refused it (40001):
// a passive refresh with the refused token instead of minting a new one.
api.getAccessToken = () => fromDesk(held?.accessToken)
${prefix}
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
