/** Time as the services see it: injectable so tests and benchmarks can run hours in milliseconds. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
  /** Runs `fn` once after `ms`; returns a cancel function. Timers never keep the process alive. */
  setTimer(fn: () => void, ms: number): () => void
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    // setTimeout clamps to 2^31-1 ms; chain longer waits so far-off timers do not fire at once.
    const MAX = 2_147_483_647
    let handle: NodeJS.Timeout
    const arm = (remaining: number): void => {
      handle = setTimeout(() => (remaining > MAX ? arm(remaining - MAX) : fn()), Math.min(remaining, MAX))
      handle.unref()
    }
    arm(Math.max(0, ms))
    return () => clearTimeout(handle)
  }
}

interface PendingTimer {
  at: number
  seq: number
  fn: () => void
}

/** A clock that moves only when told to. `advance` fires due timers in time order. */
export class ManualClock implements Clock {
  private current: number
  private seq = 0
  private timers = new Map<number, PendingTimer>()

  constructor(start = Date.UTC(2026, 10, 22, 2, 0, 0)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  setTimer(fn: () => void, ms: number): () => void {
    const seq = ++this.seq
    this.timers.set(seq, { at: this.current + Math.max(0, ms), seq, fn })
    return () => {
      this.timers.delete(seq)
    }
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.timers.size
  }

  /** Moves time without firing timers, as when the machine sleeps with the process suspended. */
  sleep(ms: number): void {
    this.current += ms
  }

  /**
   * Moves time forward by `ms`, firing each due timer at its own instant. After each timer, `settled`
   * (default: a few turns of the event loop) is awaited, so work a timer starts — even real I/O — can
   * finish at that instant before time moves on.
   */
  async advance(ms: number, settled: () => Promise<void> = settle): Promise<void> {
    const target = this.current + ms
    for (;;) {
      const next = [...this.timers.values()]
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!next) break
      this.timers.delete(next.seq)
      this.current = Math.max(this.current, next.at)
      next.fn()
      await settled()
    }
    this.current = target
    await settled()
  }
}

/** Lets pending promise callbacks and I/O callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}
