import type { Preferences } from '../../shared/contract'
import type { DeskStore } from '../storage'

export class PreferencesService {
  constructor(private readonly store: DeskStore) {}

  get(): Preferences {
    return this.store.read('preferences')
  }

  update(patch: Partial<Preferences>): Preferences {
    const next = { ...this.get() }
    if (patch.language !== undefined) next.language = patch.language
    if (patch.theme !== undefined) next.theme = patch.theme
    if (patch.selectedAppId !== undefined) next.selectedAppId = patch.selectedAppId
    this.store.write('preferences', next)
    return next
  }
}
