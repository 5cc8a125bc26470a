import { describe, expect, it } from 'vitest'
import { consoleRequestSchema } from '../../../src/shared/contract'
import {
  CONSOLE_CATALOGUE,
  credentialFor,
  requestFromEntry,
  searchCatalogue
} from '../../../src/shared/console-catalogue'

describe('the console catalogue', () => {
  it('names each entry once, and each template is a valid request with JSON that parses', () => {
    const ids = CONSOLE_CATALOGUE.map((item) => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const item of CONSOLE_CATALOGUE) {
      const request = requestFromEntry(item, 'wx0123456789abcdef')
      expect(consoleRequestSchema.safeParse(request).success).toBe(true)
      const { body } = request
      if (body.kind === 'json') expect(() => JSON.parse(body.text)).not.toThrow()
      expect(item.doc).toMatch(/^https:\/\/developers\.weixin\.qq\.com\//)
    }
  })

  it('covers what the issue asks for', () => {
    const paths = CONSOLE_CATALOGUE.map((item) => item.path)
    for (const path of [
      '/cgi-bin/getcallbackip',
      '/cgi-bin/openapi/rid/get',
      '/cgi-bin/clear_quota/v2',
      '/cgi-bin/media/upload',
      '/wxa/getwxacodeunlimit',
      '/sns/jscode2session'
    ])
      expect(paths).toContain(path)
  })

  it('finds entries by Chinese or English name and by path', () => {
    expect(searchCatalogue('小程序码').map((item) => item.id)).toContain('wxacode-unlimit')
    expect(searchCatalogue('upload media').map((item) => item.id)).toEqual(['media-upload'])
    expect(searchCatalogue('rid/get').map((item) => item.id)).toEqual(['rid-get'])
    expect(searchCatalogue('  ')).toHaveLength(CONSOLE_CATALOGUE.length)
  })

  it('puts the AppID into a template, and says which credential the desk adds', () => {
    const reset = CONSOLE_CATALOGUE.find((item) => item.id === 'clear-quota')
    expect(reset && requestFromEntry(reset, 'wxabc').body).toEqual({
      kind: 'json',
      text: expect.stringContaining('"wxabc"')
    })
    expect(credentialFor('/sns/jscode2session')).toBe('secret-query')
    expect(credentialFor('/cgi-bin/clear_quota/v2')).toBe('secret-body')
    expect(credentialFor('/cgi-bin/anything/else')).toBe('token')
  })
})
