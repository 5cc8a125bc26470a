import { describe, expect, it } from 'vitest'
import { curlFor, PushHistory, type PushHistoryEntry, type SignedRequest } from '../../../../src/core/push'

const request = (body: string | null): SignedRequest => ({
  method: body === null ? 'GET' : 'POST',
  url: 'http://127.0.0.1:8080/wechat?signature=abc&timestamp=1&nonce=2',
  headers: body === null ? {} : { 'content-type': 'text/xml' },
  body,
  plaintext: body,
  timestamp: '1',
  nonce: '2',
  echostr: null,
  signature: { sorted: [], joined: '', signature: 'abc' },
  msgSignature: null
})

describe('push history and curl', () => {
  it('keeps the newest entries, up to its limit', () => {
    const history = new PushHistory(2)
    for (const id of ['a', 'b', 'c']) history.add({ id } as PushHistoryEntry)
    expect(history.list().map((e) => e.id)).toEqual(['c', 'b'])
    expect(history.get('a')).toBeUndefined()
    history.clear()
    expect(history.list()).toEqual([])
  })

  it('copies a push as curl with the signed query and the body quoted for the shell', () => {
    expect(curlFor(request("<xml><Content><![CDATA[it's]]></Content></xml>"))).toBe(
      "curl -sS -i --max-time 5 -X POST 'http://127.0.0.1:8080/wechat?signature=abc&timestamp=1&nonce=2' " +
        "-H 'content-type: text/xml' --data-binary '<xml><Content><![CDATA[it'\\''s]]></Content></xml>'"
    )
    expect(curlFor(request(null))).toBe(
      "curl -sS -i --max-time 5 'http://127.0.0.1:8080/wechat?signature=abc&timestamp=1&nonce=2'"
    )
  })
})
