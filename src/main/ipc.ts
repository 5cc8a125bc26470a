import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { callNames, channelOf, type EventName, type EventPayload } from '../shared/contract'
import { fail, text, type Result } from '../shared/result'
import { invokeHandler, type HandlerTable } from '../core/handler-table'

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>): void
  removeHandler(channel: string): void
}

/**
 * Registers every contract call on ipcMain through one wrapper: the sender must be our window's main
 * frame showing our own page; the input is validated by `invokeHandler`.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  table: HandlerTable,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): () => void {
  for (const name of callNames) {
    ipcMain.handle(channelOf(name), async (event, input): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return fail({ code: 'guard', message: text('Call refused: unknown sender', '已拒绝：未知的调用方') })
      }
      return invokeHandler(table, name, input)
    })
  }
  return () => callNames.forEach((name) => ipcMain.removeHandler(channelOf(name)))
}

/** Sends a contract event to the window, if it is still there. */
export function sendEvent<K extends EventName>(
  contents: WebContents,
  name: K,
  payload: EventPayload<K>
): void {
  if (!contents.isDestroyed()) contents.send(channelOf(name), payload)
}
