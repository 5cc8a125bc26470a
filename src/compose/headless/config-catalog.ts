import type { AppCatalog, CatalogApp } from '../../core/local-api'
import type { AppCredentials } from '../../core/profiles'
import type { ServeApp } from './config'

export interface HeadlessApp extends ServeApp {
  secret: string
}

/**
 * The apps of headless serve: fixed for the life of the process. The AppID is the profile id, so persisted
 * tokens find their app again after a restart.
 */
export class ConfigCatalog implements AppCatalog {
  private readonly byId: Map<string, HeadlessApp>

  constructor(apps: HeadlessApp[]) {
    this.byId = new Map(apps.map((app) => [app.appid, app]))
  }

  get ids(): string[] {
    return [...this.byId.keys()]
  }

  list(): CatalogApp[] {
    return [...this.byId.values()].map((app) => ({
      profileId: app.appid,
      appId: app.appid,
      name: app.name,
      kind: app.kind,
      env: app.env,
      mode: app.mode,
      apiBase: app.apiBase
    }))
  }

  secretOf(profileId: string): string | null {
    return this.byId.get(profileId)?.secret ?? null
  }

  onChange(): () => void {
    return () => undefined
  }

  /** What the token keeper needs; throws for an unknown id like the profile service does. */
  credentials(profileId: string): AppCredentials {
    const app = this.byId.get(profileId)
    if (!app) throw new Error(`No app ${profileId} in the serve configuration`)
    return {
      profileId: app.appid,
      appId: app.appid,
      secret: app.secret,
      apiBase: app.apiBase,
      mode: app.mode,
      kind: app.kind,
      env: app.env,
      name: app.name,
      remote: null
    }
  }
}
