import { callLogHandlers } from './call-log/handlers'
import { localApiHandlers } from './control-server'
import type { HandlerTable } from './handler-table'
import { oauthHandlers } from './oauth'
import { profileHandlers } from './profiles/handlers'
import { sandboxHandlers } from './sandbox'
import { systemHandlers } from './system'
import { tokenHandlers } from './tokens/handlers'
import type { DeskServices } from './services'

/** The whole handler table, one registrar per feature. `satisfies` fails the build if a call has no handler. */
export function createHandlerTable(services: DeskServices): HandlerTable {
  return {
    ...profileHandlers(services.profiles),
    ...tokenHandlers(services),
    ...callLogHandlers(services.callLog),
    ...sandboxHandlers(services.sandbox?.emulator ?? null),
    ...systemHandlers(services),
    ...localApiHandlers(services.localApi),
    ...oauthHandlers(services.oauth)
  } satisfies HandlerTable
}
