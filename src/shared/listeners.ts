/**
 * The listeners to one kind of news. A listener's failure is its own: the others still hear it, and the
 * code that told the news goes on (a broken window must not stop a refresh or a push).
 */
export class Listeners<T = void> {
  private readonly set = new Set<(value: T) => void>()

  /** Subscribes; the returned function unsubscribes. */
  add(listener: (value: T) => void): () => void {
    this.set.add(listener)
    return () => {
      this.set.delete(listener)
    }
  }

  /** Whether anyone listens: news that is costly to build is built only then. */
  get size(): number {
    return this.set.size
  }

  /** A Set visits each listener once even when one unsubscribes meanwhile, so no copy is made per emit. */
  emit(value: T): void {
    for (const listener of this.set) {
      try {
        listener(value)
      } catch {
        // see the class comment
      }
    }
  }

  clear(): void {
    this.set.clear()
  }
}
