import { useEffect } from 'react'
import { eventNames, type DeskApi, type EventName, type EventPayload } from '../../../shared/contract'
import { receiveApps } from '../features/apps/app-commands'
import { receiveCallLogEntry } from '../features/call-log/call-log-commands'
import { receiveEmulatorStatus } from '../features/emulator/emulator-store'
import { receiveLocalApiRequests, receiveLocalApiStatus } from '../features/local-api/local-api-store'
import { receiveOAuthState } from '../features/oauth/oauth-store'
import { receivePushActivity } from '../features/push/push-store'
import { setNotices } from '../features/settings/system-store'
import { receiveTokenView } from '../features/token/tokens-store'

/** Where each of main's pushes goes: one handler per contract event, so an event without one fails to compile. */
export type DeskEventHandlers = { [K in EventName]: (payload: EventPayload<K>) => void }

export const deskEventHandlers: DeskEventHandlers = {
  appsChanged: receiveApps,
  tokenChanged: (view) => receiveTokenView(view),
  callLogged: receiveCallLogEntry,
  emulatorChanged: receiveEmulatorStatus,
  noticesChanged: setNotices,
  oauthChanged: (state) => receiveOAuthState(state),
  localApiChanged: receiveLocalApiStatus,
  localApiRequest: receiveLocalApiRequests,
  pushActivity: receivePushActivity
}

function subscribe<K extends EventName>(on: DeskApi['on'], name: K): () => void {
  return on[name](deskEventHandlers[name])
}

/** Subscribes every contract event to its handler, once; returns the unsubscribe. */
export function subscribeDeskEvents(on: DeskApi['on']): () => void {
  const unsubscribe = eventNames.map((name) => subscribe(on, name))
  return () => {
    for (const off of unsubscribe) off()
  }
}

/** Keeps the stores fresh from main's pushes for as long as the app is mounted. */
export function useDeskEvents(): void {
  useEffect(() => subscribeDeskEvents(window.desk.on), [])
}
