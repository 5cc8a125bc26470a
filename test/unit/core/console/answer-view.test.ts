import { describe, expect, it } from 'vitest'
import { sniffImage, viewAnswer } from '../../../../src/core/console/answer-view'

describe('the answer as the pane shows it', () => {
  it('shows an image by its bytes, whatever the Content-Type says', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    expect(sniffImage(jpeg)).toBe('image/jpeg')
    const view = viewAnswer(jpeg, 'text/plain', [])
    expect(view.body).toEqual({
      kind: 'image',
      contentType: 'image/jpeg',
      dataUrl: expect.stringMatching(/^data:image\/jpeg;base64,/)
    })
  })

  it('reads WeChat’s error as JSON even when sent as text/plain, with its rid', () => {
    const body = Buffer.from(
      '{"errcode":40001,"errmsg":"invalid credential rid: 6176aa9a-2f0c7d4b-5a1e2d3c"}'
    )
    expect(viewAnswer(body, 'text/plain', [])).toMatchObject({
      errcode: 40001,
      rid: '6176aa9a-2f0c7d4b-5a1e2d3c',
      body: { kind: 'text', json: true }
    })
  })

  it('masks a credential the request carried if the answer echoes it', () => {
    const secret = 'a-long-known-value-0123456789'
    const view = viewAnswer(Buffer.from(`{"echo":"${secret}"}`), 'application/json', [secret])
    expect(JSON.stringify(view)).not.toContain(secret)
  })

  it('offers other binary answers as a download, and treats errcode 0 as success', () => {
    expect(viewAnswer(Buffer.from([0, 1, 2, 250]), 'application/octet-stream', []).body).toEqual({
      kind: 'binary',
      contentType: 'application/octet-stream'
    })
    expect(viewAnswer(Buffer.from('{"errcode":0,"errmsg":"ok"}'), 'application/json', []).errcode).toBeNull()
  })
})
