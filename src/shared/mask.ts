/** How much of a credential a mask lets through. */
export interface MaskOptions {
  /** Characters shown from the start (default 0). */
  head?: number
  /** Characters shown from the end (default 4), so users can tell two values apart. */
  tail?: number
  /** Dots standing for the hidden part (default 8): a fixed count, so the mask does not give the length away. */
  dots?: number
  /**
   * Values of at most this many characters show none of their characters (default 0): showing the head
   * and tail of a short value would leave too little hidden.
   */
  hideUpTo?: number
  /** How such a short value looks: the usual dots (default), or one dot per character. */
  hidden?: 'dots' | 'one-per-character'
}

/** A credential shown as dots with a few of its characters, never enough to use it. */
export function mask(value: string, options: MaskOptions = {}): string {
  const { head = 0, tail = 4, dots = 8, hideUpTo = 0, hidden = 'dots' } = options
  if (value.length <= hideUpTo) return '•'.repeat(hidden === 'dots' ? dots : value.length)
  return `${value.slice(0, head)}${'•'.repeat(dots)}${tail > 0 ? value.slice(-tail) : ''}`
}
