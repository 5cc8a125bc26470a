import type { PartialHandlers } from '../handler-table'
import type { ConsoleService } from './console-service'

type ConsoleCalls =
  | 'getConsoleState'
  | 'sendConsoleRequest'
  | 'cancelConsoleRequest'
  | 'copyConsoleCurl'
  | 'saveConsoleRequest'
  | 'forgetConsoleRequest'
  | 'clearConsoleHistory'
  | 'pickConsoleFile'
  | 'saveConsoleResponse'
  | 'showConsoleQrCode'
  | 'lookUpRid'
  | 'getConsoleQuota'

/** The API console's calls: thin, since inputs arrive validated and the service throws DeskFailure. */
export function consoleHandlers(workbench: ConsoleService): PartialHandlers<ConsoleCalls> {
  return {
    getConsoleState: ({ id }) => workbench.state(id),
    sendConsoleRequest: ({ id, requestId, request, confirmed }) =>
      workbench.send(id, requestId, request, confirmed ?? false),
    cancelConsoleRequest: ({ requestId }) => ({ cancelled: workbench.cancel(requestId) }),
    copyConsoleCurl: ({ id, request }) => {
      workbench.copyCurl(id, request)
      return { copied: true }
    },
    saveConsoleRequest: ({ id, name, request }) => workbench.history.save(id, name, request),
    forgetConsoleRequest: ({ id, list, entryId }) => workbench.history.forget(id, list, entryId),
    clearConsoleHistory: ({ id }) => workbench.history.clearHistory(id),
    pickConsoleFile: async () => ({ file: await workbench.pickFile() }),
    saveConsoleResponse: ({ requestId }) => workbench.saveResponse(requestId),
    showConsoleQrCode: ({ id, requestId, answerOf }) => workbench.showQrCode(id, requestId, answerOf),
    lookUpRid: ({ id, rid }) => workbench.doctor.lookUpRid(id, rid),
    getConsoleQuota: ({ id, path }) => workbench.doctor.quota(id, path)
  }
}
