import { describe, expect, it } from 'vitest'
import {
  explainErrcode,
  KNOWN_ERRCODES,
  listErrcodes,
  parseCallerIp,
  parseRid,
  ridTime,
  type ErrcodeContext
} from '../../../src/shared/errcodes'

/** wechat-api.md §7, with every range spelled out. */
const SECTION_7 = [
  -1, 40001, 40002, 40003, 40013, 40014, 40029, 40030, 40125, 40163, 40164, 40243, 41001, 41002, 41003, 41004,
  41008, 42001, 42002, 42003, 43002, 43003, 44002, 45009, 45011, 47001, 48001, 48006, 50002, 50004, 61004,
  76001, 76002, 76003, 76021, 76022, 89501, 89502, 89503, 89504, 89505, 89506, 89507
]
const CONTEXTS: ErrcodeContext[] = ['token-fetch', 'token-use', 'oauth', 'other']

const MODERN_40164 =
  'invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 611740a4-27f9a8ba-065da01b'
const OLD_40164 = 'invalid ip 61.172.68.219, not in whitelist hint: [KJZfAa0644e575]'

describe('catalogue', () => {
  it('knows every code of §7', () => {
    expect(KNOWN_ERRCODES).toEqual(expect.arrayContaining(SECTION_7))
  })

  it.each(SECTION_7)('explains %i in both languages in every context', (code) => {
    for (const context of CONTEXTS) {
      const x = explainErrcode(code, 'errmsg', context)
      expect(x.known).toBe(true)
      for (const l of [x.title, x.fix]) {
        expect(l.en.trim().length).toBeGreaterThan(0)
        expect(l['zh-CN'].trim().length).toBeGreaterThan(0)
      }
    }
  })

  it('marks only -1 and 45011 as retryable', () => {
    const retryable = listErrcodes()
      .filter((row) => row.retryable)
      .map((row) => row.errcode)
    expect(retryable).toEqual([-1, 45011])
  })

  it('lists a typical errmsg for every code', () => {
    for (const row of listErrcodes()) expect(row.errmsg.length).toBeGreaterThan(0)
  })
})

describe('context-dependent explanations', () => {
  it('40164 names the IP to whitelist, in both languages, with the console path', () => {
    for (const errmsg of [MODERN_40164, OLD_40164]) {
      const ip = errmsg === MODERN_40164 ? '218.58.124.130' : '61.172.68.219'
      const x = explainErrcode(40164, errmsg, 'token-fetch')
      expect(x.callerIp).toBe(ip)
      expect(x.fix.en).toContain(`Add ${ip} to the IP whitelist`)
      expect(x.fix.en).toContain('公众平台 → 设置与开发 → 基本配置 / 开发管理 → IP 白名单')
      expect(x.fix['zh-CN']).toContain(ip)
      expect(x.retryable).toBe(false)
    }
  })

  it('61004 gives the same whitelist fix', () => {
    const x = explainErrcode(
      61004,
      'access clientip is not registered, requestIP: 1.2.3.4 rid: 654df33c-1-2',
      'other'
    )
    expect(x.callerIp).toBe('1.2.3.4')
    expect(x.fix.en).toContain('Add 1.2.3.4 to the IP whitelist')
  })

  it('40164 without an IP still says what to whitelist', () => {
    const x = explainErrcode(40164, 'not in whitelist', 'token-fetch')
    expect(x.callerIp).toBeUndefined()
    expect(x.fix.en).toContain('public IP')
  })

  it('45009 explains the quotas and clear_quota', () => {
    const { fix } = explainErrcode(45009, 'reach max api daily quota limit', 'token-fetch')
    for (const fact of [
      '2000',
      '200 ',
      '500,000',
      '20 force',
      'clear_quota/v2',
      '10 per account per month'
    ]) {
      expect(fix.en).toContain(fact)
    }
    expect(fix.en).toMatch(/AppID and AppSecret/)
    expect(fix['zh-CN']).toContain('clear_quota/v2')
  })

  it('on a token fetch, 40013 is about the AppID (not clear_quota) and -1 says how it is retried', () => {
    const appid = explainErrcode(40013, 'invalid appid', 'token-fetch').fix
    expect(appid.en).toContain('16 lower-case hex digits')
    expect(appid.en).not.toContain('clear_quota')
    expect(appid['zh-CN']).not.toContain('clear_quota')
    expect(explainErrcode(40013, 'invalid appid', 'other').fix.en).toContain('clear_quota')
    const busy = explainErrcode(-1, 'system error', 'token-fetch').fix
    expect(busy.en).toContain('press Retry')
    expect(busy['zh-CN']).toContain('重试')
  })

  it.each([40125, 40001])(
    '%i while fetching a token says the AppSecret is wrong and is shown once',
    (code) => {
      const x = explainErrcode(code, 'invalid', 'token-fetch')
      expect(x.title.en).toContain('AppSecret is wrong')
      expect(x.fix.en).toContain('only once')
      expect(x.fix.en).toMatch(/reset/)
      expect(x.fix['zh-CN']).toContain('重置')
    }
  )

  it.each([40001, 40014, 42001])(
    '%i while using a token points at other fetchers and stable_token',
    (code) => {
      const x = explainErrcode(code, 'invalid', 'token-use')
      expect(x.fix.en).toContain('/cgi-bin/token')
      expect(x.fix.en).toContain('stable_token')
      expect(x.fix['zh-CN']).toContain('stable_token')
    }
  )

  it('40001 differs between fetch and use', () => {
    const fetch = explainErrcode(40001, '', 'token-fetch')
    const use = explainErrcode(40001, '', 'token-use')
    expect(use.title.en).toMatch(/not the latest|no longer the latest/)
    expect(use.fix.en).not.toBe(fetch.fix.en)
    expect(use.title.en).not.toContain('AppSecret')
  })

  it('40163 and 40029 in OAuth explain single-use, 5-minute codes', () => {
    expect(explainErrcode(40163, 'code been used', 'oauth').fix.en).toContain('only once')
    expect(explainErrcode(40029, 'invalid code', 'oauth').fix.en).toContain('5 minutes')
  })

  it('unknown codes get a generic explanation that quotes the errmsg', () => {
    const x = explainErrcode(12345, 'mystery failure rid: 654df33c-0a0b0c0d-01020304', 'other')
    expect(x.known).toBe(false)
    expect(x.retryable).toBe(false)
    expect(x.fix.en).toContain('mystery failure')
    expect(x.fix['zh-CN']).toContain('mystery failure')
    expect(x.title.en).toContain('12345')
    expect(x.rid).toBe('654df33c-0a0b0c0d-01020304')
  })

  it('attaches the rid and its time', () => {
    const x = explainErrcode(-1, 'system error rid: 617682e0-0f4a2c7b-1d2e3f40', 'other')
    expect(x).toMatchObject({ rid: '617682e0-0f4a2c7b-1d2e3f40', ridTime: 1635156704000, retryable: true })
  })
})

describe('parseRid', () => {
  it.each([
    ['invalid appsecret rid: 617682e0-0f4a2c7b-1d2e3f40', '617682e0-0f4a2c7b-1d2e3f40'],
    ['invalid code, rid: 654df33c-5f3a2b1c-0d0e0f10', '654df33c-5f3a2b1c-0d0e0f10'],
    [OLD_40164, 'KJZfAa0644e575'],
    ['invalid credential hints: [ req_id: Gb1CyA0779ns42 ]', 'Gb1CyA0779ns42'],
    ['invalid credential hints: [req_id: abc]', 'abc'],
    ['system error', null],
    ['', null]
  ])('%s → %s', (errmsg, rid) => {
    expect(parseRid(errmsg)).toBe(rid)
  })
})

describe('ridTime', () => {
  it('decodes the first hex group as Unix seconds', () => {
    expect(ridTime('617682e0-0f4a2c7b-1d2e3f40')).toBe(1635156704000)
    expect(new Date(ridTime('654df33c-00000000-00000000') ?? 0).toISOString().slice(0, 10)).toBe('2023-11-10')
  })

  it('returns null for legacy ids', () => {
    expect(ridTime('KJZfAa0644e575')).toBeNull()
    expect(ridTime('Gb1CyA0779ns42')).toBeNull()
  })
})

describe('parseCallerIp', () => {
  it.each([
    [MODERN_40164, '218.58.124.130'],
    [OLD_40164, '61.172.68.219'],
    [
      'invalid ip 2408:8207:7c4:1::5 ipv6 2408:8207:7c4:1::5, not in whitelist rid: 6176-1',
      '2408:8207:7c4:1::5'
    ],
    ['invalid ip 999.1.1.1, not in whitelist', null],
    ['not in whitelist rid: 617682e0-0f4a2c7b-1d2e3f40', null]
  ])('%s → %s', (errmsg, ip) => {
    expect(parseCallerIp(errmsg)).toBe(ip)
  })
})

describe('Mini Program login errcodes', () => {
  it.each([
    [40029, 'Invalid or expired code (wx.login / getPhoneNumber)'],
    [40163, 'The wx.login code was already used'],
    [40226, 'Login blocked: a high-risk user']
  ])('explains %i in the Mini Program’s words', (errcode, title) => {
    const x = explainErrcode(errcode, 'errmsg', 'mini-program')
    expect(x.title.en).toBe(title)
    expect(x.title['zh-CN'].length).toBeGreaterThan(2)
    expect(x.fix.en.length).toBeGreaterThan(20)
  })

  it('says jscode2session’s per-user minute limit for 45011, retryable', () => {
    const x = explainErrcode(
      45011,
      'api minute-quota reach limit mustslower retry next minute',
      'mini-program'
    )
    expect(x.fix.en).toContain('100 calls a minute per user')
    expect(x.retryable).toBe(true)
  })
})
