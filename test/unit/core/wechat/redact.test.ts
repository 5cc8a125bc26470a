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
