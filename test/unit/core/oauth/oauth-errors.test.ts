import { describe, expect, it } from 'vitest'
import { failureToDeskError } from '../../../../src/core/wechat'

// The errcodes of web OAuth the workbench must explain (issue #3, wechat-api.md §4.3-4.6), as the user sees them.

const explained = (errcode: number, errmsg: string) =>
  failureToDeskError(
    { kind: 'wechat', errcode, errmsg: `${errmsg} rid: 6560a1b2-0c0d0e0f-10111213`, rid: null },
    'oauth'
  )

describe('decoded web-OAuth errors', () => {
  it.each([
    [40029, 'invalid code', /5 minutes/],
    [40163, 'code been used', /once|again/i],
    [41008, 'missing code', /code=CODE/],
    [40030, 'invalid refresh_token', /refresh_token/],
    [42002, 'refresh_token expired', /30 days/],
    [40003, 'invalid openid', /openid/],
    [48001, 'api unauthorized', /snsapi_userinfo/]
  ])('%i is explained with a fix, in both languages, keeping its rid', (errcode, errmsg, fix) => {
    const error = explained(errcode, errmsg)
    expect(error.code).toBe('wechat')
    expect(error.message.en).toMatch(new RegExp(`^WeChat error ${errcode}: `))
    expect(error.message.en).not.toContain('Unrecognised')
    expect(error.message['zh-CN']).toMatch(new RegExp(`^微信错误 ${errcode}：`))
    expect(error.fix?.en).toMatch(fix)
    expect(error.fix?.['zh-CN']).not.toBe('')
    expect(error.rid).toBe('6560a1b2-0c0d0e0f-10111213')
    expect(error.retryable).toBe(false)
  })
})
