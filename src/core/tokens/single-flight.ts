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
  /** Each flight's abort switch: a person may stop waiting for a call that hangs. */
  private readonly aborts = new Map<Promise<T>, AbortController>()

  /** `landed` runs when a key's call settles while it is still the key's flight (not dropped or replaced). */
  constructor(private readonly landed: (key: string) => void = () => undefined) {}

  /** The call in flight for `key`, if any. */
  get(key: string): Flight<T, Kind> | null {
    return this.flights.get(key) ?? null
  }

  /**
   * Starts `work` as the flight of `key`, replacing any earlier one (which keeps running unshared). `work` gets
   * the signal `abort(key)` fires.
   */
  start(key: string, kind: Kind, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    const promise: Promise<T> = work(controller.signal).finally(() => {
      this.aborts.delete(promise)
      if (this.flights.get(key)?.promise !== promise) return
      this.flights.delete(key)
      this.landed(key)
    })
    this.aborts.set(promise, controller)
    this.flights.set(key, { promise, kind })
    return promise
  }

  /** Fires the abort signal of `key`'s flight; false when none is in flight. The flight settles as its work does. */
  abort(key: string): boolean {
    const flight = this.flights.get(key)
    const controller = flight ? this.aborts.get(flight.promise) : undefined
    if (!controller || controller.signal.aborted) return false
    controller.abort()
    return true
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
