import { callLogHandlers } from '../core/call-log/handlers'
import { consoleHandlers } from '../core/console'
import { localApiHandlers } from '../core/local-api'
import type { HandlerTable } from '../core/handler-table'
import { jssdkHandlers } from '../core/jssdk'
import { miniProgramHandlers } from '../core/mini-program'
import { oauthHandlers } from '../core/oauth'
import { profileHandlers } from '../core/profiles/handlers'
import { pushHandlers } from '../core/push'
import { emulatorHandlers } from './sandbox'
import { systemHandlers } from '../core/system'
import { tokenHandlers } from '../core/tokens/handlers'
import type { DeskServices } from './desktop'

/** The whole handler table, one registrar per feature. `satisfies` fails the build if a call has no handler. */
export function createHandlerTable(services: DeskServices): HandlerTable {
  return {
    ...profileHandlers(services.profiles),
    ...tokenHandlers(services),
    ...callLogHandlers(services.callLog, services.clipboard),
    ...emulatorHandlers(services.sandbox?.emulator ?? null),
    ...systemHandlers(services),
    ...localApiHandlers(services.localApi),
    ...oauthHandlers(services.oauth),
    ...pushHandlers(services.push),
    ...jssdkHandlers(services.jssdk),
    ...miniProgramHandlers(services.miniProgram),
    ...consoleHandlers(services.console)
  } satisfies HandlerTable
}
