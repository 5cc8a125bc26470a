import type { ProfileService } from '../profiles'
import type { AppCatalog } from './app-index'

/** The desk's profiles as the local API's app catalogue. */
export function profileCatalog(profiles: ProfileService): AppCatalog {
  return {
    list: () =>
      profiles.list().map((p) => ({
        profileId: p.id,
        appId: p.appId,
        name: p.name,
        kind: p.kind,
        env: p.env,
        mode: p.mode,
        apiBase: p.apiBase,
        isSandbox: p.isSandbox
      })),
    secretOf: (profileId) => {
      try {
        return profiles.credentials(profileId).secret
      } catch {
        return null // deleted meanwhile
      }
    },
    onChange: (listener) => profiles.onChange(() => listener())
  }
}
