import type { AppView } from '../../../shared/types'
import { AppSummary } from '../features/apps/app-summary'
import { CallLogPanel } from '../features/call-log/call-log-panel'
import { EmulatorPanel } from '../features/emulator/emulator-panel'
import { TokenPanel } from '../features/token/token-panel'

/** The selected app: who it is, its token, the emulator (sandbox only), then its calls. */
export function AppWorkspace({ app }: { app: AppView }) {
  return (
    <>
      <AppSummary app={app} />
      <TokenPanel app={app} />
      {app.isSandbox && <EmulatorPanel />}
      <CallLogPanel />
    </>
  )
}
