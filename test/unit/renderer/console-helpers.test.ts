import { describe, expect, it } from 'vitest'
import type { ConsoleHistoryEntry } from '../../../src/shared/contract'
import { checkJson } from '../../../src/renderer/src/features/console/json-check'
import { searchHistory } from '../../../src/renderer/src/features/console/history-search'

describe('the JSON body check', () => {
  it('takes valid JSON and an empty body', () => {
    expect(checkJson('{"a": [1, 2.5e3, true, null, "x\\n\\u00e9"]}')).toEqual({ ok: true })
    expect(checkJson('  ')).toEqual({ ok: true })
  })

  it('names the problem with its line and column', () => {
    expect(checkJson('{\n  "a": 1\n  "b": 2\n}')).toEqual({
      ok: false,
      problem: 'unexpected-character',
      found: '"',
      line: 3,
      column: 3
    })
    expect(checkJson('{"button": [')).toMatchObject({
      ok: false,
      problem: 'unexpected-end',
      line: 1,
      column: 13
    })
    expect(checkJson('{} x')).toMatchObject({ ok: false, problem: 'after-value', found: 'x' })
    expect(checkJson('{"a": 01}')).toMatchObject({ ok: false, problem: 'bad-number' })
    expect(checkJson('{"a": "line\nbreak"}')).toMatchObject({ ok: false, problem: 'bad-string', line: 1 })
    expect(checkJson("{'a': 1}")).toMatchObject({ ok: false, problem: 'unexpected-character', found: "'" })
  })
})

const entry = (path: string, over: Partial<ConsoleHistoryEntry> = {}): ConsoleHistoryEntry => ({
  id: path,
  at: 0,
  request: { method: 'GET', path, query: [], body: { kind: 'none' } },
  outcome: 'answered',
  status: 200,
  errcode: null,
  durationMs: 1,
  callLogId: null,
  ...over
})

describe('the history search', () => {
  const history = [
    entry('/cgi-bin/user/get'),
    entry('/cgi-bin/user/info', { errcode: 40003 }),
    entry('/cgi-bin/menu/create', {
      request: {
        method: 'POST',
        path: '/cgi-bin/menu/create',
        query: [],
        body: { kind: 'json', text: '{"button":[{"name":"今日歌曲"}]}' }
      }
    })
  ]

  it('matches every word in the method, path, body or errcode, any case', () => {
    expect(searchHistory(history, 'USER').map((e) => e.id)).toEqual([
      '/cgi-bin/user/get',
      '/cgi-bin/user/info'
    ])
    expect(searchHistory(history, 'user 40003').map((e) => e.id)).toEqual(['/cgi-bin/user/info'])
    expect(searchHistory(history, 'post 歌曲').map((e) => e.id)).toEqual(['/cgi-bin/menu/create'])
    expect(searchHistory(history, '')).toHaveLength(3)
  })
})
