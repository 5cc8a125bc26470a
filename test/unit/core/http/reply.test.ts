import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { describe, expect, it } from 'vitest'
import {
  HANG,
  headerFields,
  jsonReply,
  pageReply,
  prepare,
  reply,
  RESET,
  textReply,
  writeReply,
  writeReplyToSocket,
  type Reply
} from '../../../../src/core/http/reply'

const SECURITY = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

/** What `writeReply` did to a response. */
function written(answer: Reply): { status?: number; headers?: unknown; body?: string; reset: boolean } {
  const seen: { status?: number; headers?: unknown; body?: string; reset: boolean } = { reset: false }
  const res = {
    writeHead(status: number, headers: unknown) {
      seen.status = status
      seen.headers = headers
    },
    end(body: string) {
      seen.body = body
    },
    socket: { resetAndDestroy: () => (seen.reset = true) }
  }
  writeReply(res as unknown as ServerResponse, answer)
  return seen
}

describe('replies', () => {
  it('send JSON with its type, byte length and the security headers, and no CORS', () => {
    expect(written(jsonReply(200, '{"a":"令"}'))).toEqual({
      status: 200,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength('{"a":"令"}'),
        ...SECURITY
      },
      body: '{"a":"令"}',
      reset: false
    })
  })

  it('send plain text and other types the same way', () => {
    expect(headerFields(textReply(404, 'Not found\n'))).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      'content-length': 10,
      ...SECURITY
    })
    expect(headerFields(reply(502, 'text/html', '<html></html>'))).toMatchObject({
      'content-type': 'text/html',
      ...SECURITY
    })
  })

  it('send pages with their CSP and no Referer', () => {
    const page = pageReply(302, '<p>x</p>', "default-src 'none'", { headers: { location: '/next' } })
    expect(headerFields(page)).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-length': 8,
      ...SECURITY,
      'content-security-policy': "default-src 'none'",
      'referrer-policy': 'no-referrer',
      location: '/next'
    })
  })

  it('close the connection when asked, and let their own headers win', () => {
    expect(
      headerFields(jsonReply(413, '{}', { close: true, headers: { 'cache-control': 'private' } }))
    ).toEqual({
      'content-type': 'application/json; charset=utf-8',
      'content-length': 2,
      'cache-control': 'private',
      'x-content-type-options': 'nosniff',
      connection: 'close'
    })
  })

  it('prepared once, are written with the very same header object', () => {
    const once = prepare(jsonReply(200, '{"ok":true}', { headers: { allow: 'GET' } }))
    expect(once.prepared).toEqual(headerFields(once))
    expect(written(once).headers).toBe(once.prepared)
  })

  it('carry out the emulator’s faults: a hang writes nothing, a reset drops the socket', () => {
    expect(written(HANG)).toEqual({ reset: false })
    expect(written(RESET)).toEqual({ reset: true })
  })

  it('can be written on a bare socket, closing it', () => {
    let sent = ''
    const socket = { end: (data: string) => (sent = data), destroy: () => undefined }
    writeReplyToSocket(socket as unknown as Socket, jsonReply(400, '{"error":{}}'))
    expect(sent).toBe(
      'HTTP/1.1 400 Bad Request\r\n' +
        'content-type: application/json; charset=utf-8\r\ncontent-length: 12\r\n' +
        'cache-control: no-store\r\nx-content-type-options: nosniff\r\nconnection: close\r\n\r\n{"error":{}}'
    )
  })
})
