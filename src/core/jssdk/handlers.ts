import type { PartialHandlers } from '../handler-table'
import type { JssdkService } from './jssdk-service'

type JssdkCalls =
  | 'getJssdkSetup'
  | 'fetchJssdkTicket'
  | 'refreshJssdkTicket'
  | 'revealJssdkTicket'
  | 'copyJssdkTicket'
  | 'newJssdkNonce'
  | 'signJssdk'
  | 'diagnoseJssdkSignature'

/** The JS-SDK workbench's calls: thin, since inputs arrive validated and the service throws DeskFailure. */
export function jssdkHandlers(jssdk: JssdkService): PartialHandlers<JssdkCalls> {
  return {
    getJssdkSetup: ({ id }) => jssdk.setup(id),
    fetchJssdkTicket: ({ id }) => jssdk.fetchTicket(id),
    refreshJssdkTicket: ({ id }) => jssdk.refreshTicket(id),
    revealJssdkTicket: ({ id }) => jssdk.revealTicket(id),
    copyJssdkTicket: ({ id }) => jssdk.copyTicket(id),
    newJssdkNonce: () => jssdk.newNonce(),
    signJssdk: ({ id, ...rest }) => jssdk.sign({ profileId: id, ...rest }),
    diagnoseJssdkSignature: ({ id, ...rest }) => jssdk.diagnose({ profileId: id, ...rest })
  }
}
