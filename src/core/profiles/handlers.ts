import type { PartialHandlers } from '../handler-table'
import type { ProfileService } from './profile-service'

export function profileHandlers(
  profiles: ProfileService
): PartialHandlers<'listApps' | 'createApp' | 'updateApp' | 'deleteApp'> {
  return {
    listApps: () => profiles.list(),
    createApp: (draft) => profiles.create(draft),
    updateApp: ({ id, draft }) => profiles.update(id, draft),
    deleteApp: ({ id }) => {
      profiles.delete(id)
      return { deleted: true }
    }
  }
}
