import { describe, expect, it } from 'vitest'
import { checkCodeSession, checkPhoneInfo } from '../../../../src/core/wechat/mini-program-response'

describe('a jscode2session answer', () => {
  it('is openid and session_key, with unionid only when WeChat sends one', () => {
    expect(checkCodeSession({ openid: 'o1', session_key: 'k==', unionid: 'u1' })).toEqual({
      ok: true,
      value: { openid: 'o1', sessionKey: 'k==', unionid: 'u1' }
    })
    expect(checkCodeSession({ openid: 'o1', session_key: 'k==' })).toEqual({
      ok: true,
      value: { openid: 'o1', sessionKey: 'k==', unionid: null }
    })
  })

  it('is a bad answer without openid or session_key', () => {
    expect(checkCodeSession({ session_key: 'k==' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('openid')
    })
    expect(checkCodeSession({ openid: 'o1', session_key: '' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('session_key')
    })
  })
})

describe('a getuserphonenumber answer', () => {
  const info = {
    phoneNumber: '+8613800138000',
    purePhoneNumber: '13800138000',
    watermark: { timestamp: 1, appid: 'wx1' }
  }

  it('keeps countryCode as text whether WeChat sends a number or a string', () => {
    expect(checkPhoneInfo({ errcode: 0, phone_info: { ...info, countryCode: 86 } })).toMatchObject({
      ok: true,
      value: { countryCode: '86', purePhoneNumber: '13800138000', watermark: { timestamp: 1, appid: 'wx1' } }
    })
    expect(checkPhoneInfo({ errcode: 0, phone_info: { ...info, countryCode: '86' } })).toMatchObject({
      value: { countryCode: '86' }
    })
  })

  it('is a bad answer without phone_info or its phoneNumber', () => {
    expect(checkPhoneInfo({ errcode: 0 })).toMatchObject({ ok: false })
    expect(checkPhoneInfo({ errcode: 0, phone_info: { purePhoneNumber: '1' } })).toMatchObject({ ok: false })
  })
})
