/**
 * A tiny router over a table of routes: each entry says where it sits in the URL space and which methods it
 * answers; everything else about it (handler, auth, log label …) is the table's own business. 404 and 405
 * come out of the same table, so a route is written once.
 */

/** Where a route sits and what it answers. */
export interface RouteSpec {
  /**
   * Literal segments, `{name}` for one segment (percent-decoded, never empty, never containing `/`), and an
   * optional last segment `*` for any rest, which makes the route a prefix (fallback) route:
   * `/v1/apps/{appid}/access-token`, `/cgi-bin/*`.
   */
  readonly path: string
  /** The methods answered; `'any'` leaves a wrong method to the handler (WeChat answers it its own way). */
  readonly methods: readonly string[] | 'any'
}

export type RouteMatch<R> =
  | {
      kind: 'route'
      route: R
      /** The `{name}` segments, decoded. */
      params: Readonly<Record<string, string>>
      /** The path as sent (not decoded). */
      path: string
      /** The query string without its `?` ('' when none). */
      query: string
    }
  | { kind: 'not-found'; path: string }
  | { kind: 'method-not-allowed'; path: string; allow: readonly string[] }

type Segment = { kind: 'literal'; text: string } | { kind: 'param'; name: string } | { kind: 'rest' }

interface Pattern<R> {
  route: R
  segments: readonly Segment[]
  rest: boolean
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({})

/**
 * Finds the route for a request. Precedence: a literal path, then patterns with `{params}` in table order,
 * then prefix routes, longest prefix first; the first that answers the method wins. A path some route knows
 * but none answers with this method is a 405 listing every method answered there.
 */
export class Router<R extends RouteSpec> {
  private readonly literal = new Map<string, R[]>()
  private readonly patterns: Pattern<R>[] = []

  constructor(routes: readonly R[]) {
    const prefixes: Pattern<R>[] = []
    for (const route of routes) {
      const segments = compile(route.path)
      if (segments.every((s) => s.kind === 'literal')) {
        this.literal.set(route.path, [...(this.literal.get(route.path) ?? []), route])
        continue
      }
      const rest = segments.at(-1)?.kind === 'rest'
      ;(rest ? prefixes : this.patterns).push({ route, segments, rest })
    }
    prefixes.sort((a, b) => b.segments.length - a.segments.length)
    this.patterns.push(...prefixes)
  }

  match(method: string, target: string): RouteMatch<R> {
    const { path, query } = splitTarget(target)
    let allow: string[] | null = null
    for (const route of this.literal.get(path) ?? []) {
      if (answers(route, method)) return { kind: 'route', route, params: NO_PARAMS, path, query }
      allow = union(allow, route.methods)
    }
    if (this.patterns.length > 0 && path.startsWith('/')) {
      const parts = path.split('/')
      for (const pattern of this.patterns) {
        const params = bind(pattern, parts)
        if (params === null) continue
        if (answers(pattern.route, method))
          return { kind: 'route', route: pattern.route, params, path, query }
        allow = union(allow, pattern.route.methods)
      }
    }
    return allow === null ? { kind: 'not-found', path } : { kind: 'method-not-allowed', path, allow }
  }
}

/** Splits a request target into path and query; absolute-form targets (`http://host/path`) are accepted. */
export function splitTarget(target: string): { path: string; query: string } {
  let rest = target
  if (!rest.startsWith('/')) {
    try {
      const url = new URL(rest)
      rest = `${url.pathname}${url.search}`
    } catch {
      return { path: target, query: '' }
    }
  }
  const q = rest.indexOf('?')
  return q === -1 ? { path: rest, query: '' } : { path: rest.slice(0, q), query: rest.slice(q + 1) }
}

function compile(path: string): Segment[] {
  if (!path.startsWith('/')) throw new Error(`A route path starts with "/": ${path}`)
  const parts = path.split('/')
  return parts.map((part, index): Segment => {
    if (part === '*') {
      if (index !== parts.length - 1) throw new Error(`"*" ends a route path: ${path}`)
      return { kind: 'rest' }
    }
    const param = /^\{(\w+)\}$/.exec(part)
    return param?.[1] ? { kind: 'param', name: param[1] } : { kind: 'literal', text: part }
  })
}

/** The params when `parts` (a path split at `/`) fits the pattern, else null. */
function bind<R>(pattern: Pattern<R>, parts: readonly string[]): Record<string, string> | null {
  const { segments } = pattern
  if (pattern.rest ? parts.length < segments.length : parts.length !== segments.length) return null
  let params: Record<string, string> | null = null
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]
    const part = parts[i] ?? ''
    if (segment === undefined || segment.kind === 'rest') break
    if (segment.kind === 'literal') {
      if (part !== segment.text) return null
      continue
    }
    const value = decodeSegment(part)
    if (value === null) return null
    params ??= {}
    params[segment.name] = value
  }
  return params ?? NO_PARAMS
}

function decodeSegment(segment: string): string | null {
  if (segment === '') return null
  if (!segment.includes('%')) return segment
  try {
    const decoded = decodeURIComponent(segment)
    return decoded === '' || decoded.includes('/') ? null : decoded
  } catch {
    return null
  }
}

const answers = (route: RouteSpec, method: string): boolean =>
  route.methods === 'any' || route.methods.includes(method)

function union(allow: string[] | null, methods: RouteSpec['methods']): string[] {
  const merged = allow ?? []
  if (methods !== 'any') for (const m of methods) if (!merged.includes(m)) merged.push(m)
  return merged
}
