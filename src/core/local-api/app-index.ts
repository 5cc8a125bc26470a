import type { AppKind, EnvTag, TokenMode } from '../../shared/contract'
import { SecretMatcher } from './key'

/** `wx` + 16 lower-case hex: only such a value is echoed back or logged as an AppID. */
export const APPID_SHAPE = /^wx[0-9a-f]{16}$/

/** An app as the local API sees it. Never carries the secret. */
export interface CatalogApp {
  /** The desk's id for it (a profile id; the AppID in headless serve). */
  profileId: string
  appId: string
  name: string
  kind: AppKind
  env: EnvTag
  mode: TokenMode
  /** Where the app's own WeChat calls go (used by the snippets' examples). */
  apiBase: string
  /** The desk's built-in sandbox profile (its untouched name is shown in the reader's language). */
  isSandbox?: boolean
}

/** Where the API's apps come from: the desk's profiles, or headless serve's config file. */
export interface AppCatalog {
  list(): CatalogApp[]
  /** The AppSecret callers of the WeChat-compatible endpoints must present; null when none this session. */
  secretOf(profileId: string): string | null
  /** Called whenever an app is added, changed or removed; returns an unsubscribe function. */
  onChange(listener: () => void): () => void
}

export type AppLookup =
  | { kind: 'found'; app: CatalogApp }
  | { kind: 'unknown' }
  /** Two profiles use the AppID (allowed for different API base URLs): the caller cannot say which. */
  | { kind: 'ambiguous'; apps: CatalogApp[] }

const UNKNOWN: AppLookup = { kind: 'unknown' }

export type SecretCheck = 'match' | 'mismatch' | 'no-secret'

/**
 * The catalogue indexed by AppID, rebuilt only when it changes: lookups on the request path touch no disk
 * (the profile store reads its file on every access).
 */
export class AppIndex {
  private apps: CatalogApp[] | null = null
  /** Lookup answers by AppID, built with the index (the hot path allocates nothing). */
  private byAppId = new Map<string, AppLookup>()
  private byProfileId = new Map<string, CatalogApp>()
  private last: { appid: string | null; lookup: AppLookup } = { appid: null, lookup: UNKNOWN }
  private readonly secrets = new Map<string, SecretMatcher | null>()
  private readonly unsubscribe: () => void

  constructor(private readonly catalog: AppCatalog) {
    this.unsubscribe = catalog.onChange(() => this.invalidate())
  }

  list(): CatalogApp[] {
    return this.load()
  }

  lookup(appid: string): AppLookup {
    this.load()
    // Callers poll one app, and the server's route cache hands back the very same AppID string each time,
    // which `===` settles at once (a map lookup would hash it and compare contents).
    if (appid === this.last.appid) return this.last.lookup
    const lookup = this.byAppId.get(appid) ?? UNKNOWN
    this.last = { appid, lookup }
    return lookup
  }

  byProfile(profileId: string): CatalogApp | null {
    this.load()
    return this.byProfileId.get(profileId) ?? null
  }

  /** Compares a caller's AppSecret with the app's in constant time. */
  checkSecret(profileId: string, candidate: string): SecretCheck {
    let matcher = this.secrets.get(profileId)
    if (matcher === undefined) {
      const secret = this.catalog.secretOf(profileId)
      matcher = secret === null ? null : new SecretMatcher(secret)
      this.secrets.set(profileId, matcher)
    }
    if (matcher === null) return 'no-secret'
    return matcher.matches(candidate) ? 'match' : 'mismatch'
  }

  dispose(): void {
    this.unsubscribe()
  }

  private invalidate(): void {
    this.apps = null
    this.last = { appid: null, lookup: UNKNOWN }
    this.secrets.clear()
  }

  private load(): CatalogApp[] {
    if (this.apps) return this.apps
    const apps = this.catalog.list()
    const grouped = new Map<string, CatalogApp[]>()
    for (const app of apps) grouped.set(app.appId, [...(grouped.get(app.appId) ?? []), app])
    this.byAppId = new Map(
      [...grouped].map(([appId, same]): [string, AppLookup] => {
        const [only] = same
        return [
          appId,
          same.length === 1 && only ? { kind: 'found', app: only } : { kind: 'ambiguous', apps: same }
        ]
      })
    )
    this.byProfileId = new Map(apps.map((app) => [app.profileId, app]))
    this.apps = apps
    return apps
  }
}
