import { useEffect } from 'react'
import { receiveApps } from '../features/apps/app-commands'
import { receiveCallLogEntry } from '../features/call-log/call-log-commands'
import { receiveLocalApiRequests, receiveLocalApiStatus } from '../features/local-api'
import { setNotices } from '../features/settings/system-store'
import { receiveTokenView } from '../features/token/tokens-store'

/** Keeps the stores fresh from main's pushes for as long as the app is mounted. */
export function useDeskEvents(): void {
  useEffect(() => {
    const { on } = window.desk
    const unsubscribe = [
      on.tokenChanged((view) => receiveTokenView(view)),
      on.callLogged(receiveCallLogEntry),
      on.appsChanged(receiveApps),
      on.noticesChanged(setNotices),
      on.localApiChanged(receiveLocalApiStatus),
      on.localApiRequest(receiveLocalApiRequests)
    ]
    return () => {
      for (const off of unsubscribe) off()
    }
  }, [])
}
