import { DeskFailure, text } from '../../shared/result'
import type { PartialHandlers } from '../handler-table'
import type { ClipboardPort } from '../ports'
import type { CallLog } from './call-log'
import { curlForCall } from './curl'

export function callLogHandlers(
  callLog: CallLog,
  clipboard: ClipboardPort
): PartialHandlers<'listCallLog' | 'getCallDetail' | 'copyCallAsCurl' | 'clearCallLog'> {
  return {
    listCallLog: ({ id }) => callLog.list(id),
    getCallDetail: ({ id }) => callLog.detail(id),
    copyCallAsCurl: ({ id }) => {
      const entry = callLog.entry(id)
      if (!entry) {
        throw new DeskFailure({
          code: 'not-found',
          message: text('That call is no longer in the log.', '日志中已没有这次调用。')
        })
      }
      clipboard.writeText(curlForCall(entry, entry.hasDetail ? callLog.detail(id) : null))
      return { copied: true }
    },
    clearCallLog: () => {
      callLog.clear()
      return { cleared: true }
    }
  }
}
