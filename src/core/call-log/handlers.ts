import type { PartialHandlers } from '../handler-table'
import type { CallLog } from './call-log'

export function callLogHandlers(callLog: CallLog): PartialHandlers<'listCallLog' | 'clearCallLog'> {
  return {
    listCallLog: ({ id }) => callLog.list(id),
    clearCallLog: () => {
      callLog.clear()
      return { cleared: true }
    }
  }
}
