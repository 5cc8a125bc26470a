import type { PartialHandlers } from '../handler-table'
import type { MiniProgramService } from './mini-program-service'

type MiniProgramCalls =
  | 'getMiniProgramSetup'
  | 'getMiniProgramState'
  | 'simulateMiniProgramCode'
  | 'exchangeMiniProgramCode'
  | 'revealSessionKey'
  | 'getMiniProgramPhoneNumber'

/** Mini Program login's calls: thin, since inputs arrive validated and the service throws DeskFailure. */
export function miniProgramHandlers(service: MiniProgramService): PartialHandlers<MiniProgramCalls> {
  return {
    getMiniProgramSetup: ({ id }) => service.setup(id),
    getMiniProgramState: ({ id }) => service.state(id),
    simulateMiniProgramCode: ({ id, kind, user }) => service.simulate(id, kind, user),
    exchangeMiniProgramCode: ({ id, code }) => service.exchange(id, code),
    revealSessionKey: ({ sessionId }) => service.revealSessionKey(sessionId),
    getMiniProgramPhoneNumber: ({ id, code, openid }) => service.phoneNumber(id, code, openid)
  }
}
