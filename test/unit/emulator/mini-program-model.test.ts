import { describe, expect, it } from 'vitest'
import { MINI_PROGRAM_CODE_TTL_MS, MiniProgramCodes } from '../../../src/emulator/mini-program-model'

const APP = 'wxminiprogram00001'
const OTHER = 'wxminiprogram00002'

describe('Mini Program codes', () => {
  it("look like WeChat's: a 32-character js_code, a 64-hex-digit phone code", () => {
    const codes = new MiniProgramCodes()
    expect(codes.issue('login', APP, 'li-lei', 0).code).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(codes.issue('phone', APP, 'li-lei', 0).code).toMatch(/^[0-9a-f]{64}$/)
  })

  it('work once: the second use is "used"', () => {
    const codes = new MiniProgramCodes()
    const { code, expiresAt } = codes.issue('login', APP, 'han-meimei', 1000)
    expect(expiresAt).toBe(1000 + MINI_PROGRAM_CODE_TTL_MS)
    expect(codes.redeem('login', APP, code, 2000)).toEqual({ ok: true, userId: 'han-meimei' })
    expect(codes.redeem('login', APP, code, 3000)).toEqual({ ok: false, reason: 'used' })
  })

  it('work for 5 minutes: at 300 s an unused code is invalid', () => {
    const codes = new MiniProgramCodes()
    const late = codes.issue('phone', APP, 'li-lei', 0)
    const inTime = codes.issue('phone', APP, 'li-lei', 0)
    expect(codes.redeem('phone', APP, inTime.code, MINI_PROGRAM_CODE_TTL_MS - 1).ok).toBe(true)
    expect(codes.redeem('phone', APP, late.code, MINI_PROGRAM_CODE_TTL_MS)).toEqual({
      ok: false,
      reason: 'invalid'
    })
  })

  it('belong to one Mini Program and one kind', () => {
    const codes = new MiniProgramCodes()
    const { code } = codes.issue('login', APP, 'li-lei', 0)
    expect(codes.redeem('login', OTHER, code, 1)).toEqual({ ok: false, reason: 'other-app' })
    expect(codes.redeem('phone', APP, code, 1)).toEqual({ ok: false, reason: 'invalid' })
    // Neither refusal spent it.
    expect(codes.redeem('login', APP, code, 2).ok).toBe(true)
    expect(codes.redeem('login', APP, 'never-issued', 2)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('never hands out the same code twice', () => {
    const values = ['dup', 'dup', 'fresh']
    const codes = new MiniProgramCodes({ login: () => values.shift() ?? 'x', phone: () => 'p' })
    expect(codes.issue('login', APP, 'li-lei', 0).code).toBe('dup')
    expect(codes.issue('login', APP, 'li-lei', 0).code).toBe('fresh')
  })
})
