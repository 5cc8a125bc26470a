import type { ConsoleHistoryEntry, ConsoleRequest } from '../../../../shared/contract'

/** What a search looks through: method, path, query, the body's text, the status and the errcode. */
function haystack(request: ConsoleRequest, extra: readonly (number | null)[] = []): string {
  const body =
    request.body.kind === 'json'
      ? request.body.text
      : request.body.kind === 'multipart'
        ? request.body.parts
            .map((part) => (part.kind === 'text' ? `${part.name} ${part.value}` : part.fileName))
            .join(' ')
        : ''
  return [request.method, request.path, ...request.query.flat(), body, ...extra.map((n) => n ?? '')]
    .join(' ')
    .toLowerCase()
}

/** The history entries matching every word of `search` (any case); all of them for an empty search. */
export function searchHistory(
  entries: readonly ConsoleHistoryEntry[],
  search: string
): ConsoleHistoryEntry[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entries]
  return entries.filter((entry) => {
    const text = haystack(entry.request, [entry.status, entry.errcode])
    return words.every((word) => text.includes(word))
  })
}
