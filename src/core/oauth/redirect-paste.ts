/**
 * Reads what a user pastes after authorizing on a phone: the bare code, or the whole redirect URL as a chat
 * app, a browser's address bar or a log line hands it over — with stray whitespace and line breaks, quotes,
 * trailing punctuation, full-width characters from an IME, a fragment, extra parameters, or encoded once
 * too often. Says what it found and what it cleaned up.
 */
import { text, type Localized } from '../../shared/result'

export type PasteParse =
  | { ok: true; kind: 'bare-code' | 'url' | 'query'; code: string; state: string | null; notes: Localized[] }
  | { ok: false; message: Localized; notes: Localized[] }

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/
const BARE_CODE = /^[A-Za-z0-9_-]{8,256}$/
const WRAPPERS = /^["'“”‘’「」『』<>《》`]+|["'“”‘’「」『』<>《》`]+$/g
const TRAILING_PUNCTUATION = /[.,;:!?)\]}。，；：！？）】]+$/
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF]/g

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Values in a query or fragment, in order: `?a=1&b=2#x?c=3` → a, b, c. */
function paramsOf(value: string): [string, string][] {
  const found: [string, string][] = []
  // A value stops at `?` too, so a URL nested (decoded) inside another's parameter yields its own parameters.
  for (const match of value.matchAll(/(?:^|[?&#;])([A-Za-z0-9_.[\]-]+)=([^&#;?]*)/g)) {
    found.push([match[1] ?? '', match[2] ?? ''])
  }
  return found
}

/** A parameter value decoded once, or twice when it was evidently encoded twice. */
function decodeValue(raw: string, name: string, notes: Localized[]): string {
  const once = safeDecode(raw.replace(/\+/g, ' '))
  if (!/%[0-9A-Fa-f]{2}/.test(once)) return once
  notes.push(
    text(`The ${name} was percent-encoded twice; decoded it twice`, `${name} 被 URL 编码了两次，已解码两次`)
  )
  return safeDecode(once)
}

export function parseRedirectPaste(input: string): PasteParse {
  const notes: Localized[] = []
  let value = input.normalize('NFKC')
  if (value !== input) {
    notes.push(
      text(
        'Full-width characters (e.g. ？＆＝ from a Chinese keyboard) were read as their ASCII forms',
        '全角字符（如中文输入法的 ？＆＝）已按半角读取'
      )
    )
  }
  const trimmed = value.trim()
  let squeezed = trimmed.replace(INVISIBLE, '')
  if (squeezed !== trimmed) {
    notes.push(text('Removed spaces and line breaks inside the text', '已去除文本中的空格和换行'))
  }
  // Quotes and punctuation from the chat message around it, in any nesting: “…”。 or <…>,
  let punctuated = false
  for (let previous = ''; previous !== squeezed;) {
    previous = squeezed
    squeezed = squeezed.replace(WRAPPERS, '')
    const unpunctuated = squeezed.replace(TRAILING_PUNCTUATION, '')
    punctuated ||= unpunctuated !== squeezed
    squeezed = unpunctuated
  }
  if (punctuated) notes.push(text('Ignored punctuation after the end', '已忽略末尾的标点'))
  value = squeezed

  if (value === '') {
    return {
      ok: false,
      message: text(
        'Paste the code, or the whole address the phone landed on after authorizing',
        '请粘贴 code，或授权后手机打开的完整地址'
      ),
      notes
    }
  }

  // A whole URL encoded once too often (e.g. copied from a log or another URL's parameter).
  for (
    let depth = 0;
    depth < 3 && !/(?:^|[?&#;])code=/.test(value) && /code%(?:25)*3D/i.test(value);
    depth++
  ) {
    value = safeDecode(value)
    if (depth === 0) {
      notes.push(text('The address was percent-encoded; decoded it', '地址经过了 URL 编码，已解码'))
    }
  }

  if (!/[=?/#]/.test(value)) {
    if (BARE_CODE.test(value)) return { ok: true, kind: 'bare-code', code: value, state: null, notes }
    return {
      ok: false,
      message: text(
        'This does not look like a code: codes are letters and digits (32 of them today)',
        '这不像 code：code 由字母和数字组成（目前为 32 位）'
      ),
      notes
    }
  }

  const params = paramsOf(value)
  if (params.some(([key]) => key === 'redirect_uri') && !params.some(([key]) => key === 'code')) {
    return {
      ok: false,
      message: text(
        'This is the authorize link itself, not the redirect',
        '这是授权链接本身，而不是授权后的回调地址'
      ),
      notes: [
        ...notes,
        text(
          'Open it on the phone, approve, then paste the address the phone lands on (it contains code=…).',
          '请在手机上打开并同意授权，然后粘贴手机最终打开的地址（其中含有 code=…）。'
        )
      ]
    }
  }

  const codes = [
    ...new Set(
      params
        .filter(([key]) => key === 'code')
        .map(([, v]) => v)
        .filter((v) => v !== '')
    )
  ]
  const states = params.filter(([key]) => key === 'state').map(([, v]) => v)
  if (codes.length === 0) {
    return {
      ok: false,
      message:
        states.length > 0
          ? text(
              'The redirect has a state but no code: the user refused, or the link was wrong',
              '回调地址有 state 但没有 code：用户拒绝了授权，或授权链接有误'
            )
          : text('No code=… found in the pasted text', '粘贴的内容中没有 code=…'),
      notes
    }
  }
  if (codes.length > 1) {
    notes.push(
      text(
        `Found ${codes.length} different codes (was the callback hit twice?); used the first`,
        `找到 ${codes.length} 个不同的 code（回调被调用了两次？），已使用第一个`
      )
    )
  }
  const code = decodeValue(codes[0] ?? '', 'code', notes)
  if (!CODE_PATTERN.test(code)) {
    return {
      ok: false,
      message: text(
        `The code “${code.slice(0, 40)}” contains characters a code never has; copy it again`,
        `code“${code.slice(0, 40)}”含有 code 不会出现的字符，请重新复制`
      ),
      notes
    }
  }
  const rawState = states[0]
  const state = rawState === undefined ? null : decodeValue(rawState, 'state', notes)
  if (new Set(states).size > 1) {
    notes.push(text('Found several different states; used the first', '找到多个不同的 state，已使用第一个'))
  }
  const extras = [...new Set(params.map(([key]) => key).filter((key) => key !== 'code' && key !== 'state'))]
  if (extras.length > 0) {
    notes.push(text(`Ignored other parameters: ${extras.join(', ')}`, `已忽略其他参数：${extras.join('、')}`))
  }
  const hash = value.indexOf('#')
  if (hash >= 0 && value.indexOf('code=', hash) > hash) {
    notes.push(
      text(
        'The code sat inside the fragment (a hash-router page): read it from there',
        'code 位于片段（哈希路由页面）之中，已从中读取'
      )
    )
  } else if (hash >= 0 && hash < value.length - 1) {
    const fragment = value.slice(hash)
    notes.push(text(`Ignored the fragment ${fragment}`, `已忽略片段 ${fragment}`))
  }
  return { ok: true, kind: /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? 'url' : 'query', code, state, notes }
}
