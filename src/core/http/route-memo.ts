/**
 * The last request target and what routing made of it: callers poll one URL, so a repeat skips the routing
 * (and whatever the caller derived from it, such as a log label).
 *
 * The rule that makes it safe lives here and only here: a target with a query string is never kept. A query
 * may carry an AppSecret (`/cgi-bin/token?…&secret=…`), which must not outlive its request.
 */
export class RouteMemo<T> {
  private method: string | null = null
  private target: string | null = null
  private value: T | null = null

  /** What was remembered for this very method and target, else null. */
  recall(method: string, target: string): T | null {
    return target === this.target && method === this.method ? this.value : null
  }

  /** Remembers `value` for the target, unless the target has a query string. */
  remember(method: string, target: string, value: T): void {
    if (target.includes('?')) return
    this.method = method
    this.target = target
    this.value = value
  }

  forget(): void {
    this.method = null
    this.target = null
    this.value = null
  }
}
