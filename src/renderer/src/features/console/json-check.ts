/** Why a JSON body does not parse, in words the editor can translate. */
export type JsonProblem =
  'unexpected-end' | 'unexpected-character' | 'after-value' | 'bad-string' | 'bad-number'

/** Where a JSON body breaks; `ok` for an empty body too (WeChat takes none). */
export type JsonCheck =
  { ok: true } | { ok: false; problem: JsonProblem; found: string; line: number; column: number }

class Broken extends Error {
  constructor(
    readonly problem: JsonProblem,
    readonly at: number
  ) {
    super(problem)
  }
}

/**
 * Checks a body as JSON and names the first problem with its line and column. A small scanner of its own,
 * since the parsers' messages (and whether they give a position at all) differ between Node and Chromium.
 */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true }
  let i = 0
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++
  }
  const expect = (ch: string): void => {
    if (i >= text.length) throw new Broken('unexpected-end', i)
    if (text[i] !== ch) throw new Broken('unexpected-character', i)
    i++
  }
  const string = (): void => {
    expect('"')
    for (;;) {
      if (i >= text.length) throw new Broken('unexpected-end', i)
      const ch = text[i] ?? ''
      if (ch === '"') break
      if (ch < ' ') throw new Broken('bad-string', i)
      if (ch === '\\') {
        const next = text[i + 1] ?? ''
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6
        else if ('"\\/bfnrt'.includes(next) && next !== '') i += 2
        else throw new Broken('bad-string', i)
        continue
      }
      i++
    }
    i++
  }
  const value = (): void => {
    space()
    const ch = text[i]
    if (ch === undefined) throw new Broken('unexpected-end', i)
    if (ch === '{')
      return container('}', () => {
        space()
        string()
        space()
        expect(':')
        value()
      })
    if (ch === '[') return container(']', value)
    if (ch === '"') return string()
    const literal = /^(?:true|false|null)/.exec(text.slice(i))
    if (literal) {
      i += literal[0].length
      return
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i))
    if (number) {
      i += number[0].length
      if (/[\d.eE+-]/.test(text[i] ?? '')) throw new Broken('bad-number', i)
      return
    }
    throw new Broken(/[\d-]/.test(ch) ? 'bad-number' : 'unexpected-character', i)
  }
  const container = (close: string, item: () => void): void => {
    i++
    space()
    if (text[i] === close) {
      i++
      return
    }
    for (;;) {
      item()
      space()
      if (text[i] === ',') {
        i++
        continue
      }
      expect(close)
      return
    }
  }
  try {
    value()
    space()
    if (i < text.length) throw new Broken('after-value', i)
    return { ok: true }
  } catch (error) {
    if (!(error instanceof Broken)) throw error
    const before = text.slice(0, error.at).split('\n')
    return {
      ok: false,
      problem: error.problem,
      found: text.slice(error.at, error.at + 1),
      line: before.length,
      column: (before.at(-1)?.length ?? 0) + 1
    }
  }
}
