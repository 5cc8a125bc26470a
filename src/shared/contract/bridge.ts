import { callNames, channelOf, eventNames, type DeskApi } from './index'

export interface DeskTransport {
  invoke(channel: string, input: unknown): Promise<unknown>
  subscribe(channel: string, listener: (payload: unknown) => void): () => void
}

/**
 * Builds `window.desk` from the contract over a transport (Electron IPC in the preload, a Playwright
 * binding in the e2e harness), so both expose exactly the same verbs.
 */
export function buildDeskApi(transport: DeskTransport): DeskApi {
  const verbs = Object.fromEntries(
    callNames.map((name) => [name, (input?: unknown) => transport.invoke(channelOf(name), input)])
  )
  const on = Object.fromEntries(
    eventNames.map((name) => [
      name,
      (listener: (payload: unknown) => void) => transport.subscribe(channelOf(name), listener)
    ])
  )
  return Object.freeze({ ...verbs, on: Object.freeze(on) }) as DeskApi
}
