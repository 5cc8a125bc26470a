import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildDeskApi } from '../shared/contract/bridge'

/**
 * `window.desk`: one named verb per contract call, plus typed event subscriptions. Neither ipcRenderer
 * nor a generic invoke(channel) is exposed.
 */
const desk = buildDeskApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (channel, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => ipcRenderer.removeListener(channel, wrapped)
  }
})

contextBridge.exposeInMainWorld('desk', desk)
