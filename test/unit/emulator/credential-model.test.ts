import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClassicLine, StableLine, TokenLedger } from '../../../src/emulator/credential-model'

const S = 1000
const T0 = 1_000_000_000

/** A ledger whose tokens are `t1`, `t2`, … so tests can name them. */
function countingLedger(): TokenLedger {
  let n = 0
  return new TokenLedger(() => `t${++n}`)
}

const always = (): boolean => true

describe('TokenLedger', () => {
  it('never hands out the same token twice, even if the random source repeats', () => {
    const values = ['a', 'a', 'a', 'b']
    const ledger = new TokenLedger(() => values.shift() ?? 'z')
    expect(ledger.mint('wx1', 'classic', T0).token).toBe('a')
    expect(ledger.mint('wx1', 'classic', T0).token).toBe('b')
  })

  it('reports a token unknown, valid, then expired at exactly 7200 s', () => {
    const ledger = countingLedger()
    expect(ledger.stateOf('t1', T0)).toBe('unknown')
    const record = ledger.mint('wx1', 'stable', T0)
    expect(record).toMatchObject({ appid: 'wx1', line: 'stable', issuedAt: T0, expiresAt: T0 + 7200 * S })
    expect(ledger.stateOf('t1', T0 + 7200 * S - 1)).toBe('valid')
    expect(ledger.stateOf('t1', T0 + 7200 * S)).toBe('expired')
  })
})

describe('ClassicLine', () => {
  it('mints a new 7200 s token on every call', () => {
    const line = new ClassicLine(countingLedger(), 'wx1')
    expect(line.issue(T0)).toEqual({ token: 't1', expiresIn: 7200 })
    expect(line.issue(T0 + 5 * S)).toEqual({ token: 't2', expiresIn: 7200 })
  })

  it('keeps the previous token usable for 300 s after the new one', () => {
    const ledger = countingLedger()
    const line = new ClassicLine(ledger, 'wx1')
    line.issue(T0)
    line.issue(T0 + 600 * S)
    expect(ledger.stateOf('t1', T0 + 899 * S)).toBe('valid')
    expect(ledger.stateOf('t1', T0 + 900 * S)).toBe('superseded')
  })

  it('kills the token before the previous one as soon as a third is minted', () => {
    const ledger = countingLedger()
    const line = new ClassicLine(ledger, 'wx1')
    line.issue(T0)
    line.issue(T0 + S)
    line.issue(T0 + 2 * S)
    expect(ledger.stateOf('t1', T0 + 2 * S)).toBe('superseded')
    expect(ledger.stateOf('t2', T0 + 2 * S)).toBe('valid')
  })

  it('never lets the overlap run past the previous token’s own expiry', () => {
    const ledger = countingLedger()
    const line = new ClassicLine(ledger, 'wx1')
    line.issue(T0)
    line.issue(T0 + 7000 * S)
    expect(ledger.find('t1')?.usableUntil).toBe(T0 + 7200 * S)
    expect(ledger.stateOf('t1', T0 + 7200 * S)).toBe('expired')
  })
})

describe('StableLine normal mode', () => {
  it('returns the same token with the remaining whole seconds', () => {
    const line = new StableLine(countingLedger(), 'wx1')
    expect(line.normal(T0)).toEqual({ token: 't1', expiresIn: 7200 })
    expect(line.normal(T0 + 1999)).toEqual({ token: 't1', expiresIn: 7198 })
    expect(line.normal(T0 + 6899 * S)).toEqual({ token: 't1', expiresIn: 301 })
  })

  it('rotates when 300 s or less remain, and the replaced token lives to its own expiry', () => {
    const ledger = countingLedger()
    const line = new StableLine(ledger, 'wx1')
    line.normal(T0)
    expect(line.normal(T0 + 6900 * S)).toEqual({ token: 't2', expiresIn: 7200 })
    expect(ledger.stateOf('t1', T0 + 7199 * S)).toBe('valid')
    expect(ledger.stateOf('t1', T0 + 7200 * S)).toBe('expired')
  })

  it('mints afresh after a long silence past the expiry', () => {
    const line = new StableLine(countingLedger(), 'wx1')
    line.normal(T0)
    expect(line.normal(T0 + 9 * 3600 * S)).toEqual({ token: 't2', expiresIn: 7200 })
  })

  it('always answers expires_in within 300…7200, whatever the call times', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8000 * S }), { maxLength: 60 }), (gaps) => {
        const line = new StableLine(countingLedger(), 'wx1')
        let now = T0
        for (const gap of gaps) {
          now += gap
          const { expiresIn } = line.normal(now)
          if (expiresIn < 300 || expiresIn > 7200) return false
        }
        return true
      })
    )
  })
})

describe('StableLine force mode', () => {
  it('rotates to a fresh 7200 s token and spends one force', () => {
    const line = new StableLine(countingLedger(), 'wx1')
    line.normal(T0)
    let spent = 0
    const outcome = line.force(T0 + 3600 * S, () => ++spent > 0)
    expect(outcome).toEqual({ kind: 'rotated', grant: { token: 't2', expiresIn: 7200 } })
    expect(spent).toBe(1)
  })

  it('within 30 s of the last force answers the current token without spending a force', () => {
    const line = new StableLine(countingLedger(), 'wx1')
    line.force(T0, always)
    let asked = false
    const outcome = line.force(T0 + 29_999, () => (asked = true))
    expect(outcome).toEqual({ kind: 'too-soon', grant: { token: 't1', expiresIn: 7170 } })
    expect(asked).toBe(false)
    expect(line.force(T0 + 30 * S, always).kind).toBe('rotated')
  })

  it('rotates nothing when no force is left', () => {
    const ledger = countingLedger()
    const line = new StableLine(ledger, 'wx1')
    line.normal(T0)
    expect(line.force(T0 + 60 * S, () => false)).toEqual({ kind: 'over-limit' })
    expect(line.normal(T0 + 60 * S).token).toBe('t1')
    expect(ledger.stateOf('t1', T0 + 60 * S)).toBe('valid')
  })

  it('kills a leaked token with two forces 30 s apart, and not with one', () => {
    const ledger = countingLedger()
    const line = new StableLine(ledger, 'wx1')
    line.normal(T0)
    line.force(T0 + 10 * S, always)
    expect(ledger.stateOf('t1', T0 + 39 * S)).toBe('valid')
    line.force(T0 + 40 * S, always)
    expect(ledger.stateOf('t1', T0 + 40 * S)).toBe('superseded')
    expect(ledger.stateOf('t2', T0 + 40 * S)).toBe('valid')
    expect(ledger.stateOf('t3', T0 + 40 * S)).toBe('valid')
  })

  it('lets a force-replaced token die at its own expiry if no second force comes', () => {
    const ledger = countingLedger()
    const line = new StableLine(ledger, 'wx1')
    line.normal(T0)
    line.force(T0 + 3600 * S, always)
    expect(ledger.stateOf('t1', T0 + 7200 * S)).toBe('expired')
  })

  it('also kills tokens a normal rotation left alive', () => {
    const ledger = countingLedger()
    const line = new StableLine(ledger, 'wx1')
    line.normal(T0)
    line.normal(T0 + 7000 * S)
    line.force(T0 + 7010 * S, always)
    line.force(T0 + 7040 * S, always)
    expect(ledger.stateOf('t1', T0 + 7040 * S)).toBe('superseded')
    expect(ledger.stateOf('t2', T0 + 7040 * S)).toBe('superseded')
  })
})

describe('classic and stable lines', () => {
  it('do not supersede each other’s tokens', () => {
    const ledger = countingLedger()
    const classic = new ClassicLine(ledger, 'wx1')
    const stable = new StableLine(ledger, 'wx1')
    const stableToken = stable.normal(T0).token
    classic.issue(T0)
    classic.issue(T0 + S)
    classic.issue(T0 + 2 * S)
    expect(ledger.stateOf(stableToken, T0 + 3600 * S)).toBe('valid')
    const classicToken = classic.issue(T0 + 3 * S).token
    stable.force(T0 + 4 * S, always)
    stable.force(T0 + 40 * S, always)
    expect(ledger.stateOf(classicToken, T0 + 3600 * S)).toBe('valid')
  })
})
