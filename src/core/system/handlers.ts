import { DeskFailure } from '../../shared/result'
import type { SystemInfo } from '../../shared/contract'
import type { PartialHandlers } from '../handler-table'
import type { ExternalOpenerPort } from '../ports'
import { checkExternalUrl } from './external-url'
import type { NoticeBoard } from './notices'
import type { PreferencesService } from './preferences'

export interface SystemHandlerDeps {
  preferences: PreferencesService
  notices: NoticeBoard
  opener: ExternalOpenerPort
  systemInfo: () => Omit<SystemInfo, 'notices'>
}

export function systemHandlers(
  deps: SystemHandlerDeps
): PartialHandlers<
  'getPreferences' | 'updatePreferences' | 'getSystemInfo' | 'dismissNotice' | 'openExternal'
> {
  return {
    getPreferences: () => deps.preferences.get(),
    updatePreferences: (patch) => deps.preferences.update(patch),
    getSystemInfo: () => ({ ...deps.systemInfo(), notices: deps.notices.list() }),
    dismissNotice: ({ id }) => {
      deps.notices.dismiss(id)
      return { dismissed: true }
    },
    openExternal: async ({ url }) => {
      const checked = checkExternalUrl(url)
      if (!checked.ok) throw new DeskFailure({ code: 'guard', message: checked.reason })
      await deps.opener.open(checked.url)
      return { opened: true }
    }
  }
}
