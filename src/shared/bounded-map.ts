/**
 * A Map that holds at most `capacity` entries: setting a new key when it is full forgets the oldest entry
 * (in insertion order; replacing a key's value keeps its place). For memories that must not grow without
 * bound when something keeps feeding them (states, spent codes, open tickets).
 */
export class BoundedMap<K, V> extends Map<K, V> {
  /** `onEvict` hears of each entry forgotten to make room (not of explicit deletes). */
  constructor(
    readonly capacity: number,
    private readonly onEvict?: (key: K, value: V) => void
  ) {
    super()
  }

  override set(key: K, value: V): this {
    super.set(key, value)
    for (const [oldest, forgotten] of this) {
      if (this.size <= this.capacity) break
      this.delete(oldest)
      this.onEvict?.(oldest, forgotten)
    }
    return this
  }
}
