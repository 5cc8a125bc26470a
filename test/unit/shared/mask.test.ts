import { describe, expect, it } from 'vitest'
import { maskApiKey } from '../../../src/core/local-api'
import { maskSecret } from '../../../src/core/profiles'
import { maskToken } from '../../../src/core/tokens'
import { mask } from '../../../src/shared/mask'

describe('masking', () => {
  it('shows eight dots and the last four characters by default', () => {
    expect(mask('abcdefghijklmnopqrstuvwxyz')).toBe('••••••••wxyz')
    expect(mask('')).toBe('••••••••')
  })

  it('shows a head when asked, and nothing of values too short to hide', () => {
    expect(mask('0123456789', { head: 2, tail: 0, dots: 3 })).toBe('01•••')
    expect(mask('0123456789', { hideUpTo: 10 })).toBe('••••••••')
    expect(mask('0123456789', { hideUpTo: 10, hidden: 'one-per-character' })).toBe('••••••••••')
  })

  it('keeps each credential’s mask as it was', () => {
    expect(maskToken('84_vWP_BMabcdefghijklmnop1a2b')).toBe('84_vWP_B••••••1a2b')
    expect(maskToken('0123456789abcdef')).toBe('•'.repeat(16))
    expect(maskSecret('0123456789abcdef')).toBe('••••••••cdef')
    expect(maskSecret('0123456789ab')).toBe('••••••••')
    expect(maskApiKey('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')).toBe('••••••••DEFG')
    expect(maskApiKey('ab')).toBe('••••••••ab')
  })
})
