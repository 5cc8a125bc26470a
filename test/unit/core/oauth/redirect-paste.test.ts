import { describe, expect, it } from 'vitest'
import { parseRedirectPaste, type PasteParse } from '../../../../src/core/oauth'

const CODE = '061Ab2ll2Ft6hd4oE3ol2lM0hN3Ab2lY'
const STATE = 'a1B2c3D4e5F6g7H8'

type Found = Extract<PasteParse, { ok: true }>
type Refused = Extract<PasteParse, { ok: false }>

function found(input: string): Found {
  const parsed = parseRedirectPaste(input)
  if (!parsed.ok) throw new Error(`expected a code in ${JSON.stringify(input)}: ${parsed.message.en}`)
  return parsed
}

function refused(input: string): Refused {
  const parsed = parseRedirectPaste(input)
  if (parsed.ok) throw new Error(`expected no code in ${JSON.stringify(input)}`)
  return parsed
}

const notes = (parsed: PasteParse): string => parsed.notes.map((n) => n.en).join(' | ')

describe('reading a pasted code or redirect URL', () => {
  it('takes a bare code, with stray whitespace around it', () => {
    expect(found(`  ${CODE}\n`)).toMatchObject({ kind: 'bare-code', code: CODE, state: null })
  })

  it('takes the whole redirect URL, the query appended with & to the page’s own', () => {
    const parsed = found(`https://m.example.com/cb?from=menu&code=${CODE}&state=${STATE}`)
    expect(parsed).toMatchObject({ kind: 'url', code: CODE, state: STATE })
    expect(notes(parsed)).toContain('Ignored other parameters: from')
  })

  it('takes a bare query string', () => {
    expect(found(`?code=${CODE}&state=${STATE}`)).toMatchObject({ kind: 'query', code: CODE, state: STATE })
    expect(found(`code=${CODE}`)).toMatchObject({ kind: 'query', code: CODE, state: null })
  })

  it('ignores a fragment after the query, and says so', () => {
    const parsed = found(`https://m.example.com/cb?code=${CODE}&state=${STATE}#/home?tab=1`)
    expect(parsed).toMatchObject({ code: CODE, state: STATE })
    expect(notes(parsed)).toContain('Ignored the fragment #/home?tab=1')
  })

  it('finds the code inside a hash-router fragment', () => {
    const parsed = found(`https://m.example.com/#/oauth?code=${CODE}&state=${STATE}`)
    expect(parsed).toMatchObject({ code: CODE, state: STATE })
    expect(notes(parsed)).toContain('inside the fragment')
  })

  it('joins a URL broken over lines by a chat app, and drops zero-width characters', () => {
    const parsed = found(
      `https://m.example.com/cb?co\nde=${CODE.slice(0, 10)}\u200B${CODE.slice(10)} &state=${STATE}`
    )
    expect(parsed).toMatchObject({ code: CODE, state: STATE })
    expect(notes(parsed)).toContain('Removed spaces and line breaks')
  })

  it('reads full-width punctuation and letters typed with a Chinese IME', () => {
    const wide = `ｈｔｔｐｓ：／／m.example.com／cb？code＝${CODE}＆state＝${STATE}`
    const parsed = found(wide)
    expect(parsed).toMatchObject({ kind: 'url', code: CODE, state: STATE })
    expect(notes(parsed)).toContain('Full-width characters')
  })

  it('strips quotes, angle brackets and trailing punctuation from a chat message', () => {
    expect(found(`“https://m.example.com/cb?code=${CODE}&state=${STATE}”。`)).toMatchObject({
      code: CODE,
      state: STATE
    })
    expect(found(`<https://m.example.com/cb?code=${CODE}&state=${STATE}>,`)).toMatchObject({
      code: CODE,
      state: STATE
    })
  })

  it('decodes a whole URL that was percent-encoded once too often', () => {
    const once = encodeURIComponent(`https://m.example.com/cb?code=${CODE}&state=${STATE}`)
    expect(found(once)).toMatchObject({ code: CODE, state: STATE })
    const twice = encodeURIComponent(once)
    const parsed = found(`https://proxy.example/r?to=${twice}`)
    expect(parsed).toMatchObject({ code: CODE, state: STATE })
    expect(notes(parsed)).toContain('percent-encoded')
  })

  it('decodes a value encoded twice', () => {
    const parsed = found(`https://m.example.com/cb?code=${CODE}&state=ab%2525cd`)
    expect(parsed.state).toBe('ab%cd')
    expect(notes(parsed)).toContain('state was percent-encoded twice')
  })

  it('uses the first code when the callback was hit twice, and says so', () => {
    const parsed = found(
      `https://m.example.com/cb?code=${CODE}&state=${STATE}&code=071xyzABCdef0123456789abcdefGHIJ`
    )
    expect(parsed.code).toBe(CODE)
    expect(notes(parsed)).toContain('2 different codes')
  })

  it('explains a redirect with a state but no code: the user refused', () => {
    expect(refused(`https://m.example.com/cb?state=${STATE}`).message.en).toContain('refused')
  })

  it('recognises the authorize link itself', () => {
    const link = `https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1&redirect_uri=https%3A%2F%2Fm.example.com&response_type=code&scope=snsapi_base&state=${STATE}#wechat_redirect`
    const parsed = refused(link)
    expect(parsed.message.en).toContain('authorize link itself')
    expect(notes(parsed)).toContain('code=')
  })

  it('refuses empty input, prose and codes with characters a code never has', () => {
    expect(refused('   \n').message.en).toContain('Paste the code')
    expect(refused('hello').message.en).toContain('does not look like a code')
    expect(refused('https://m.example.com/cb?from=menu').message.en).toContain('No code=')
    expect(refused(`https://m.example.com/cb?code=ab<script>cd&state=${STATE}`).message.en).toContain(
      'copy it again'
    )
  })

  it('never throws, whatever it is given', () => {
    for (const input of ['%', '%E4%B8', '?code=%', '=&=&', '#', 'code=', '\u0000code=abcdefghij', '？？？']) {
      expect(() => parseRedirectPaste(input)).not.toThrow()
    }
  })
})
