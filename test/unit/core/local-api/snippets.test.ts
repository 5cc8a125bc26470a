import { describe, expect, it } from 'vitest'
import { buildSnippets, type SnippetInput } from '../../../../src/core/local-api/snippets'
import { LOCAL_API_SNIPPET_IDS } from '../../../../src/shared/contract/local-api'

const base: SnippetInput = {
  deskUrl: 'http://127.0.0.1:17181',
  appId: 'wx1234567890abcdef',
  appName: 'Shop\nOA',
  kind: 'official-account',
  apiBase: 'https://api.weixin.qq.com',
  key: null
}
const KEY = 'Zq3_abcdefghijklmnopqrstuvwxyz-0123456789AB'
/** Each snippet's code by id, for `base` with `changes`. */
const codes = (changes: Partial<SnippetInput> = {}): { [id: string]: string } =>
  Object.fromEntries(buildSnippets({ ...base, ...changes }).map((s) => [s.id, s.code]))

describe('snippets', () => {
  it('cover every SDK the issue names, each filled with the port and the AppID', () => {
    const snippets = buildSnippets(base)
    expect(snippets.map((s) => s.id)).toEqual([...LOCAL_API_SNIPPET_IDS])
    for (const s of snippets) {
      expect(s.code, s.id).toContain('17181')
      expect(s.code, s.id).toContain('wx1234567890abcdef')
      expect(s.code, s.id).not.toContain('Shop\nOA') // names are flattened into comments
      expect(s.keyIncluded).toBe(false)
      expect(s.title).not.toBe('')
    }
  })

  const SDKS = ['java-wxjava', 'php-easywechat', 'python-wechatpy', 'go-silenceper', 'node-co-wechat-api']

  it('read the key from DESK_API_KEY unless it is filled in, where the /v1 API is used', () => {
    const placeholders = buildSnippets(base)
    for (const s of placeholders.filter((s) => ['curl', 'node-fetch'].includes(s.id)))
      expect(s.code, s.id).toContain('DESK_API_KEY')
    expect(placeholders.find((s) => s.id === 'postman-environment')?.code).toContain('<paste the API key>')
    for (const s of buildSnippets({ ...base, key: KEY })) {
      expect(s.code.includes(KEY), s.id).toBe(!SDKS.includes(s.id))
      expect(s.keyIncluded, s.id).toBe(!SDKS.includes(s.id))
    }
  })

  it('point each SDK’s one API host setting at the desk, with no desk key and no token code of their own', () => {
    const byId = codes({ key: KEY })
    for (const id of SDKS) {
      expect(byId[id], id).not.toContain(KEY)
      expect(byId[id], id).not.toContain('stale_token')
      expect(byId[id], id).toContain('WECHAT_SECRET')
    }
    expect(byId['java-wxjava']).toContain('host.setApiHost("http://127.0.0.1:17181")')
    expect(byId['php-easywechat']).toContain("'http' => ['base_uri' => 'http://127.0.0.1:17181/']")
    expect(byId['python-wechatpy']).toContain('API_BASE_URL = "http://127.0.0.1:17181/cgi-bin/"')
    expect(byId['go-silenceper']).toContain(
      'req.URL.Scheme, req.URL.Host, req.Host = "http", "127.0.0.1:17181", ""'
    )
    expect(byId['node-co-wechat-api']).toContain('api.prefix = "http://127.0.0.1:17181/cgi-bin/"')
  })

  it('tell plain callers to ask for a passive refresh with the refused token instead of minting', () => {
    expect(codes()['node-fetch']).toContain('/refresh')
    expect(codes()['node-fetch']).toContain('stale_token')
  })

  it('use the SDK’s API names', () => {
    const byId = codes()
    expect(byId['java-wxjava']).toContain('new WxMpHostConfig()')
    expect(byId['java-wxjava']).toContain('config.setHostConfig(host)')
    expect(byId['php-easywechat']).toContain('EasyWeChat\\OfficialAccount\\Application')
    expect(byId['python-wechatpy']).toContain('def fetch_access_token(self)')
    expect(byId['go-silenceper']).toContain('http.DefaultClient.Transport = toDesk{')
    expect(byId['node-co-wechat-api']).toContain("require('co-wechat-api')")
    expect(byId['curl']).toMatch(/^curl -sS -H "Authorization: Bearer \$DESK_API_KEY" /m)
  })

  it('switch to the Mini Program classes for mini programs', () => {
    const byId = codes({ kind: 'mini-program' })
    expect(byId['java-wxjava']).toContain('WxMaDefaultConfigImpl')
    expect(byId['java-wxjava']).toContain('config.setApiHostUrl("http://127.0.0.1:17181")')
    expect(byId['php-easywechat']).toContain('EasyWeChat\\MiniApp\\Application')
    expect(byId['go-silenceper']).toContain('GetMiniProgram(')
  })

  it('point the plain example that calls WeChat at the app’s own API base (the emulator for the sandbox)', () => {
    const byId = codes({ apiBase: 'http://127.0.0.1:9999' })
    expect(byId['node-fetch']).toContain('http://127.0.0.1:9999/cgi-bin/getcallbackip')
  })

  it('give a Postman environment Postman can import', () => {
    const code = codes({ key: KEY })['postman-environment'] ?? ''
    const env = JSON.parse(code) as { id: string; values: { key: string; value: string; type: string }[] }
    expect(env).toMatchObject({ _postman_variable_scope: 'environment' })
    expect(env.values).toContainEqual({
      key: 'desk_url',
      value: 'http://127.0.0.1:17181',
      type: 'default',
      enabled: true
    })
    expect(env.values).toContainEqual({ key: 'desk_api_key', value: KEY, type: 'secret', enabled: true })
    expect(codes()['postman-environment']).toContain(env.id)
  })

  it('produce JavaScript that parses, with and without the key', async () => {
    const { parseAst } = await import('vite')
    for (const key of [null, KEY]) {
      for (const id of ['node-fetch', 'node-co-wechat-api']) {
        const code = codes({ key })[id] ?? ''
        expect(() => parseAst(code), id).not.toThrow()
      }
    }
  })

  it('fill in the address as it is, even before the API has a port', () => {
    expect(codes({ deskUrl: 'http://127.0.0.1:PORT' })['go-silenceper']).toContain('"127.0.0.1:PORT"')
  })

  it('import what they use (Go refuses unused imports)', () => {
    const go = codes()['go-silenceper'] ?? ''
    for (const name of ['fmt', 'net/http', 'os']) expect(go).toContain(`\t"${name}"\n`)
  })

  it('give curl as one command with no comment line (zsh would run a pasted `# …` as a command)', () => {
    const curl = codes().curl ?? ''
    expect(curl.split('\n')).toHaveLength(1)
    expect(curl.startsWith('curl ')).toBe(true)
  })

  it('write their comments in the reader’s language, and name the untouched sandbox in it', () => {
    const sandbox = { appName: 'Sandbox (offline emulator)', isSandbox: true }
    const zh = codes({ ...sandbox, language: 'zh-CN' })
    expect(zh['java-wxjava']).toContain('以 WeChat Token Desk 为 API 地址（“沙箱（离线模拟器）”')
    expect(zh['node-fetch']).toContain('的共享 access_token')
    expect(zh['postman-environment']).toContain('WeChat Token Desk · 沙箱（离线模拟器）')
    for (const code of Object.values(zh)) expect(code).not.toContain('Sandbox (offline emulator)')
    const en = codes(sandbox)
    expect(en['java-wxjava']).toContain(
      'with WeChat Token Desk as its API host for "Sandbox (offline emulator)"'
    )
    // A renamed sandbox keeps its name in every language.
    expect(codes({ appName: 'My sandbox', isSandbox: true, language: 'zh-CN' })['java-wxjava']).toContain(
      'My sandbox'
    )
  })
})
