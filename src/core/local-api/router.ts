/** Which endpoint a request is for: pure string work, no allocation beyond the result on the hot path. */

export type RouteName =
  'healthz' | 'apps' | 'access-token' | 'refresh' | 'events' | 'wx-token' | 'wx-stable-token'

export type RouteMatch =
  | {
      kind: 'route'
      name: RouteName
      /** The decoded `{appid}` path segment of the /v1/apps/{appid}/… routes, else null. */
      appid: string | null
      /** The query string without its `?` ('' when none). */
      query: string
    }
  | { kind: 'not-found'; path: string }
  | { kind: 'method-not-allowed'; path: string; allow: readonly string[] }

const READ = ['GET', 'HEAD'] as const
const WRITE = ['POST'] as const
/** The WeChat-compatible endpoints answer a wrong method in WeChat's own way (43001 / 43002, HTTP 200). */
const ANY: readonly string[] = []

const STATIC: ReadonlyMap<string, { name: RouteName; methods: readonly string[] }> = new Map([
  ['/healthz', { name: 'healthz', methods: READ }],
  ['/v1/apps', { name: 'apps', methods: READ }],
  ['/v1/events', { name: 'events', methods: ['GET'] }],
  ['/cgi-bin/token', { name: 'wx-token', methods: ANY }],
  ['/cgi-bin/stable_token', { name: 'wx-stable-token', methods: ANY }]
])

/** `wx` + 16 lower-case hex: only such a value is echoed back or logged as an AppID. */
export const APPID_SHAPE = /^wx[0-9a-f]{16}$/

const APPS_PREFIX = '/v1/apps/'
const TOKEN_SUFFIX = '/access-token'
const REFRESH_SUFFIX = '/access-token/refresh'

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

export function matchRoute(method: string, target: string): RouteMatch {
  const { path, query } = splitTarget(target)
  const fixed = STATIC.get(path)
  if (fixed) return allowed(fixed.name, fixed.methods, method, path, null, query)
  if (path.startsWith(APPS_PREFIX)) {
    const rest = path.slice(APPS_PREFIX.length)
    const slash = rest.indexOf('/')
    if (slash > 0) {
      const appid = decodeSegment(rest.slice(0, slash))
      const tail = rest.slice(slash)
      if (appid !== null && tail === TOKEN_SUFFIX)
        return allowed('access-token', READ, method, path, appid, query)
      if (appid !== null && tail === REFRESH_SUFFIX)
        return allowed('refresh', WRITE, method, path, appid, query)
    }
  }
  return { kind: 'not-found', path }
}

function allowed(
  name: RouteName,
  methods: readonly string[],
  method: string,
  path: string,
  appid: string | null,
  query: string
): RouteMatch {
  if (methods.length > 0 && !methods.includes(method))
    return { kind: 'method-not-allowed', path, allow: methods }
  return { kind: 'route', name, appid, query }
}

function decodeSegment(segment: string): string | null {
  if (!segment.includes('%')) return segment
  try {
    const decoded = decodeURIComponent(segment)
    return decoded === '' || decoded.includes('/') ? null : decoded
  } catch {
    return null
  }
}
