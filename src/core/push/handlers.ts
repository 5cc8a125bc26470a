import type { PartialHandlers } from '../handler-table'
import type { PushWorkbench } from './push-workbench'

type PushCalls =
  | 'getPushState'
  | 'savePushConfig'
  | 'generatePushAesKey'
  | 'copyPushSecret'
  | 'composePush'
  | 'verifyPushUrl'
  | 'sendPush'
  | 'copyPushCurl'
  | 'clearPushHistory'

/** The push simulator's calls: thin, since inputs arrive validated and the workbench throws DeskFailure. */
export function pushHandlers(push: PushWorkbench): PartialHandlers<PushCalls> {
  return {
    getPushState: ({ id }) => push.state(id),
    savePushConfig: ({ id, draft }) => push.save(id, draft),
    generatePushAesKey: ({ id }) => push.generateAesKey(id),
    copyPushSecret: ({ id, secret }) => {
      push.copySecret(id, secret)
      return { copied: true }
    },
    composePush: ({ id, ...input }) => push.compose(id, input),
    verifyPushUrl: ({ id }) => push.verify(id),
    sendPush: ({ id, body, template, retry }) => push.send(id, { body, template, retry }),
    copyPushCurl: ({ id, entryId }) => {
      push.copyCurl(id, entryId)
      return { copied: true }
    },
    clearPushHistory: ({ id }) => push.clearHistory(id)
  }
}
