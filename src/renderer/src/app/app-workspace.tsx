import type { AppView } from '../../../shared/types'
import { AppSummary } from '../features/apps/app-summary'
import { CallLogPanel } from '../features/call-log/call-log-panel'
import { EmulatorPanel } from '../features/emulator/emulator-panel'
import { OAuthWorkbench } from '../features/oauth'
import { TokenPanel } from '../features/token/token-panel'

/** The selected app: who it is, its token, its OAuth workbench, the emulator (sandbox only), then its calls. */
export function AppWorkspace({ app }: { app: AppView }) {
  return (
    <>
      <AppSummary app={app} />
      <TokenPanel app={app} />
      <OAuthWorkbench app={app} />
      {app.isSandbox && <EmulatorPanel />}
      <CallLogPanel />
    </>
  )
}
