import { describe, expect, it } from 'vitest'
import { redactText, redactUrl } from '../../../../src/core/wechat/redact'

const SECRET = 'f3a9c1d2e4b5a6978877665544332211'
const TOKEN = '84_vWP_BMIMqPz8Xo3LkTqW9sYd2Fh7Jn4Rb6Uc1Ve5Ga8Hm0Kp3Ls6Nt9Qw2Ex5Zy7Ab0Cd3Ef6Gh9Ij2Kl5Mn8Op1Qr4'

describe('redactUrl', () => {
  it('masks secret and access_token values and keeps everything else', () => {
    const url = new URL(
      `https://proxy.example/wx/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=${SECRET}`
    )
    expect(redactUrl(url)).toBe(
      'https://proxy.example/wx/cgi-bin/token?grant_type=client_credential&appid=wx1&secret=***'
    )
    expect(redactUrl(new URL(`https://a.example/cgi-bin/getcallbackip?access_token=${TOKEN}`))).toBe(
      'https://a.example/cgi-bin/getcallbackip?access_token=***'
    )
  })

  it('masks userinfo in the base URL', () => {
    expect(redactUrl(new URL('https://user:pass@proxy.example/wx'))).toBe('https://***:***@proxy.example/wx')
  })
})

describe('redactText', () => {
  it('masks known values, also URL-encoded', () => {
    expect(redactText('a=b+c/d= and a%3Db%2Bc%2Fd%3D', ['a=b+c/d='])).toBe('*** and ***')
  })

  it('masks query-style and JSON-style credential values', () => {
    expect(redactText('GET /x?appid=wx1&secret=abc&y=1')).toBe('GET /x?appid=wx1&secret=***&y=1')
    expect(redactText('{"access_token":"abc","expires_in":7200}')).toBe(
      '{"access_token":"***","expires_in":7200}'
    )
    expect(redactText('{"secret": "abc')).toBe('{"secret": "***')
  })

  it('masks token- and secret-shaped strings it was not told about', () => {
    expect(redactText(`token ${TOKEN} secret ${SECRET}.`)).toBe('token *** secret ***.')
  })

  it('leaves rids, IPs and ordinary errmsgs intact', () => {
    const errmsg =
      'invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 611740a4-27f9a8ba-065da01b'
    expect(redactText(errmsg, [SECRET])).toBe(errmsg)
  })

  it('ignores known values too short to search for safely', () => {
    expect(redactText('a b c', ['a'])).toBe('a b c')
  })
})

describe('redactText, encodings', () => {
  it('masks form-encoded and JSON-escaped forms of a known value', () => {
    const value = 'odd~va"lue!'
    const text = `q=${new URLSearchParams({ v: value }).toString().slice(2)} j=${JSON.stringify(value)}`
    expect(redactText(text, [value])).toBe('q=*** j="***"')
  })
})

describe('redactText finds a known value in the forms a server echoes it in', () => {
  const KEY = 'k3Y-live_Secret+Value/0123456789abcdefXYZ'
  const render = (label: string, text: string): [string, string] => [label, text]

  it.each([
    render('as sent', `refused key ${KEY}`),
    render('upper-cased', `REFUSED KEY ${KEY.toUpperCase()}`),
    render('lower-cased', `refused key ${KEY.toLowerCase()}`),
    render('URL-encoded', `key=${encodeURIComponent(KEY)}`),
    render('URL-encoded twice', `key=${encodeURIComponent(encodeURIComponent(KEY))}`),
    render('form-encoded', `key=${new URLSearchParams({ v: KEY }).toString().slice(2)}`),
    render(
      'URL-encoded, lower-case hex',
      `key=${encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}`
    ),
    render('base64', `key: ${Buffer.from(KEY).toString('base64')}`),
    render('base64url', `key: ${Buffer.from(KEY).toString('base64url')}`),
    render('inside a Basic header', `Authorization: Basic ${Buffer.from(`desk:${KEY}`).toString('base64')}`),
    render('inside a longer base64 blob', Buffer.from(`{"token":"${KEY}","x":1}`).toString('base64')),
    render('hex', `key ${Buffer.from(KEY).toString('hex')}`),
    render('split by spaces', `key ${KEY.match(/.{1,4}/g)!.join(' ')}`),
    render('wrapped over lines', `key ${KEY.slice(0, 20)}\n  ${KEY.slice(20)}`)
  ])('%s', (_form, text) => {
    const redacted = redactText(text, [KEY])
    expect(redacted).toContain('***')
    // Nothing of the key is left in any of its forms: not even a long piece of it.
    for (const piece of [KEY.slice(0, 12), KEY.slice(-12)]) {
      expect(redacted.toLowerCase()).not.toContain(piece.toLowerCase())
      expect(redacted).not.toContain(Buffer.from(piece).toString('base64').slice(0, 12))
    }
  })

  it('leaves ordinary text alone', () => {
    const text = 'invalid appsecret rid: 611740a4-27f9a8ba-065da01b (HTTP 401: key rejected)'
    expect(redactText(text, [KEY])).toBe(text)
  })
})
