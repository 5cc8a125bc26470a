/**
 * Merges rows from a load and from live events without duplicates: a row seen again replaces the older copy,
 * the result is sorted by `order` and cut to the first `max`.
 */
export function mergeById<R extends { id: number }>(
  current: R[],
  incoming: readonly R[],
  order: (a: R, b: R) => number,
  max: number
): R[] {
  if (incoming.length === 0) return current
  const byId = new Map(current.map((row) => [row.id, row]))
  for (const row of incoming) byId.set(row.id, row)
  return [...byId.values()].sort(order).slice(0, max)
}
