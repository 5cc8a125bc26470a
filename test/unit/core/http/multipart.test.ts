import { describe, expect, it } from 'vitest'
import { boundaryOf, MAX_PARTS, parseMultipart } from '../../../../src/core/http/multipart'

const BOUNDARY = '----WebKitFormBoundary7MA4YWxkTrZu0gW'
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`

function form(...chunks: (string | Buffer)[]): Buffer {
  return Buffer.concat(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)))
}

describe('multipart/form-data', () => {
  it('reads what fetch sends for a FormData: a file with its name and type, and a plain field', async () => {
    // Binary content with CRLFs and a would-be delimiter that lacks the leading CRLF.
    const file = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x2d, 0x2d, 0x0d, 0x0a, 0xff, 0x00
    ])
    const data = new FormData()
    data.append('media', new Blob([file], { type: 'image/png' }), '二维码.png')
    data.append('description', '{"title":"标题"}')
    const request = new Request('http://127.0.0.1/', { method: 'POST', body: data })
    const body = Buffer.from(await request.arrayBuffer())
    const read = parseMultipart(body, request.headers.get('content-type') ?? '')
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.parts).toHaveLength(2)
    const [media, description] = read.parts
    expect(media).toMatchObject({ name: 'media', filename: '二维码.png', contentType: 'image/png' })
    expect(media?.data.equals(file)).toBe(true)
    expect(description).toMatchObject({ name: 'description', filename: null, contentType: null })
    expect(description?.data.toString()).toBe('{"title":"标题"}')
  })

  it('reads what curl -F sends, with a preamble, an epilogue and a quoted boundary', () => {
    const body = form(
      'ignored preamble\r\n',
      `--${BOUNDARY}\r\n`,
      'Content-Disposition: form-data; name="media"; filename="voice.mp3"\r\n',
      'Content-Type: audio/mpeg\r\n\r\n',
      'ID3...',
      `\r\n--${BOUNDARY}--\r\n`,
      'ignored epilogue'
    )
    const read = parseMultipart(body, `multipart/form-data; boundary="${BOUNDARY}"`)
    expect(read).toEqual({
      ok: true,
      parts: [
        { name: 'media', filename: 'voice.mp3', contentType: 'audio/mpeg', data: Buffer.from('ID3...') }
      ]
    })
  })

  it('prefers filename* (RFC 5987) and honours escaped quotes in a quoted file name', () => {
    const body = form(
      `--${BOUNDARY}\r\n`,
      `Content-Disposition: form-data; name="a"; filename="fallback.jpg"; filename*=UTF-8''%E7%85%A7%E7%89%87.jpg\r\n\r\n`,
      'x',
      `\r\n--${BOUNDARY}\r\n`,
      'Content-Disposition: form-data; name="b"; filename="say \\"hi\\".png"\r\n\r\n',
      'y',
      `\r\n--${BOUNDARY}--`
    )
    const read = parseMultipart(body, TYPE)
    expect(read.ok && read.parts.map((part) => part.filename)).toEqual(['照片.jpg', 'say "hi".png'])
  })

  it('reads an empty form and an empty file', () => {
    expect(parseMultipart(form(`--${BOUNDARY}--\r\n`), TYPE)).toEqual({ ok: true, parts: [] })
    const empty = parseMultipart(
      form(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="media"; filename="a.png"\r\n\r\n\r\n--${BOUNDARY}--`
      ),
      TYPE
    )
    expect(empty.ok && empty.parts[0]?.data.length).toBe(0)
  })

  it('says why it cannot read a body: another type, no boundary, or a broken body', () => {
    expect(boundaryOf('application/json')).toEqual({ ok: false, reason: 'not-multipart' })
    expect(parseMultipart(Buffer.from('{}'), 'application/json')).toEqual({
      ok: false,
      reason: 'not-multipart'
    })
    expect(parseMultipart(Buffer.from(''), 'multipart/form-data')).toEqual({
      ok: false,
      reason: 'no-boundary'
    })
    expect(boundaryOf(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toEqual({
      ok: false,
      reason: 'no-boundary'
    })
    const part = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="media"; filename="a.png"\r\n\r\nabc`
    const broken = [
      form('no delimiter at all'),
      form(part), // never closed
      form(part, `\r\n--${BOUNDARY}`), // neither a next part nor the end
      form(`--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nabc\r\n--${BOUNDARY}--`), // no Content-Disposition
      form(`--${BOUNDARY}\r\nContent-Disposition: attachment; name="a"\r\n\r\nabc\r\n--${BOUNDARY}--`),
      form(`--${BOUNDARY}\r\nContent-Disposition: form-data; filename="a"\r\n\r\nabc\r\n--${BOUNDARY}--`) // no name
    ]
    for (const body of broken) expect(parseMultipart(body, TYPE)).toEqual({ ok: false, reason: 'malformed' })
  })

  it(`refuses a body of more than ${MAX_PARTS} parts`, () => {
    const field = (i: number): string =>
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n\r\n`
    const parts = (count: number): Buffer =>
      form(...Array.from({ length: count }, (_, i) => field(i)), `--${BOUNDARY}--`)
    expect(parseMultipart(parts(MAX_PARTS), TYPE).ok).toBe(true)
    expect(parseMultipart(parts(MAX_PARTS + 1), TYPE)).toEqual({ ok: false, reason: 'malformed' })
  })
})
