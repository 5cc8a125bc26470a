import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { consoleCurl } from '../../../../src/core/console'

const BASE = 'https://api.weixin.qq.com/'
const APPID = 'wx0123456789abcdef'

/** What the shell makes of the command's arguments once the variables are set (curl itself is not run). */
function argv(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\n' "$a"; done; }; ACCESS_TOKEN=TOKEN APPSECRET=SECRET; ${command}`
  return execFileSync('sh', ['-c', script], { encoding: 'utf8' }).trimEnd().split('\n')
}

describe('copy as curl', () => {
  it('puts the token in as $ACCESS_TOKEN after the typed query', () => {
    const command = consoleCurl(
      { method: 'GET', path: '/cgi-bin/user/info', query: [['openid', "o'1"]], body: { kind: 'none' } },
      BASE,
      APPID
    )
    expect(command).toContain('$ACCESS_TOKEN')
    expect(argv(command)).toContain(
      'https://api.weixin.qq.com/cgi-bin/user/info?openid=o%271&access_token=TOKEN'
    )
  })

  it('sends a JSON body as typed, and the AppSecret of clear_quota/v2 as $APPSECRET', () => {
    const json = consoleCurl(
      {
        method: 'POST',
        path: '/cgi-bin/menu/create',
        query: [],
        body: { kind: 'json', text: '{"a":"it\'s"}' }
      },
      BASE,
      APPID
    )
    expect(argv(json)).toContain('{"a":"it\'s"}')
    const reset = consoleCurl(
      { method: 'POST', path: '/cgi-bin/clear_quota/v2', query: [], body: { kind: 'json', text: '{}' } },
      BASE,
      APPID
    )
    expect(reset).not.toContain('access_token')
    expect(argv(reset)).toContain(`{"appid":"${APPID}","appsecret":"SECRET"}`)
  })

  it('gives jscode2session its appid and the secret as $APPSECRET', () => {
    const command = consoleCurl(
      { method: 'GET', path: '/sns/jscode2session', query: [['js_code', 'C']], body: { kind: 'none' } },
      BASE,
      APPID
    )
    expect(argv(command)).toContain(
      `https://api.weixin.qq.com/sns/jscode2session?js_code=C&appid=${APPID}&secret=SECRET`
    )
  })

  it('uploads a picked file by its name', () => {
    const command = consoleCurl(
      {
        method: 'POST',
        path: '/cgi-bin/media/upload',
        query: [['type', 'image']],
        body: {
          kind: 'multipart',
          parts: [{ kind: 'file', name: 'media', fileId: 'f1', fileName: 'cat.png' }]
        }
      },
      BASE,
      APPID
    )
    expect(argv(command)).toContain('media=@cat.png')
  })
})
