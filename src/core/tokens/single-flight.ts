/** One upstream call under way for a key, and what kind of call it is. */
export interface Flight<T, Kind> {
  promise: Promise<T>
  kind: Kind
}

/**
 * At most one call in flight per key (an app), shared by everyone who asks while it runs: a hundred
 * concurrent refreshes make one upstream request. Generic over what the call yields (a token, a ticket)
 * and over a `Kind` the caller uses to decide whether a running call answers its request (a normal
 * refresh does not answer a force refresh).
 */
export class SingleFlight<T, Kind> {
  private readonly flights = new Map<string, Flight<T, Kind>>()

  /** `landed` runs when a key's call settles while it is still the key's flight (not dropped or replaced). */
  constructor(private readonly landed: (key: string) => void = () => undefined) {}

  /** The call in flight for `key`, if any. */
  get(key: string): Flight<T, Kind> | null {
    return this.flights.get(key) ?? null
  }

  /** Starts `work` as the flight of `key`, replacing any earlier one (which keeps running unshared). */
  start(key: string, kind: Kind, work: () => Promise<T>): Promise<T> {
    const promise = work().finally(() => {
      if (this.flights.get(key)?.promise !== promise) return
      this.flights.delete(key)
      this.landed(key)
    })
    this.flights.set(key, { promise, kind })
    return promise
  }

  /** Stops sharing `key`'s call: it runs to its end, but later callers start afresh and `landed` stays quiet. */
  drop(key: string): void {
    this.flights.delete(key)
  }

  clear(): void {
    this.flights.clear()
  }

  /** Resolves when no call is in flight, including calls started while waiting. */
  async whenIdle(): Promise<void> {
    for (;;) {
      const pending = [...this.flights.values()].map((flight) => flight.promise)
      if (pending.length === 0) return
      await Promise.allSettled(pending)
    }
  }
}
