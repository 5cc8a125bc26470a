import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppView } from '../../../shared/contract'
import { TabList, TabPanel, type TabItem } from '../components/tabs'
import { AppSummary } from '../features/apps/app-summary'
import { CallLogPanel } from '../features/call-log/call-log-panel'
import { ConsoleWorkbench } from '../features/console/console-workbench'
import { EmulatorPanel } from '../features/emulator/emulator-panel'
import { JssdkWorkbench } from '../features/jssdk/jssdk-workbench'
import { MiniProgramWorkbench } from '../features/mini-program/mini-program-workbench'
import { OAuthWorkbench } from '../features/oauth/oauth-workbench'
import { PushWorkbench } from '../features/push/push-workbench'
import { TokenPanel } from '../features/token/token-panel'
import { showAppTab, useViewStore, type AppTab } from './view-store'

/**
 * The selected app: who it is, then one section at a time — its token (with the emulator for the sandbox and
 * the call log), its OAuth workbench, JS-SDK, Mini Program login or push simulator. All stay mounted, so switching keeps what was typed.
 */
export function AppWorkspace({ app }: { app: AppView }) {
  const { t } = useTranslation(['app', 'push', 'console', 'jssdk', 'miniProgram'])
  const idBase = useId()
  const tab = useViewStore((state) => state.appTab)
  const tabs: TabItem<AppTab>[] = [
    { value: 'token', label: t('workspace.tabs.token') },
    { value: 'oauth', label: t('workspace.tabs.oauth') },
    { value: 'console', label: t('console:tab') },
    { value: 'jssdk', label: t('jssdk:tab') },
    { value: 'mini-program', label: t('miniProgram:tab') },
    { value: 'push', label: t('push:tab') }
  ]

  return (
    <>
      <AppSummary app={app} />
      <TabList
        label={t('workspace.sections')}
        idBase={idBase}
        items={tabs}
        selected={tab}
        onSelect={showAppTab}
        className="workspace-tabs"
      />
      <TabPanel idBase={idBase} value="token" selected={tab === 'token'} className="workspace-section">
        <TokenPanel app={app} />
        {app.isSandbox && <EmulatorPanel />}
        <CallLogPanel />
      </TabPanel>
      <TabPanel idBase={idBase} value="oauth" selected={tab === 'oauth'} className="workspace-section">
        <OAuthWorkbench app={app} />
      </TabPanel>
      <TabPanel idBase={idBase} value="console" selected={tab === 'console'} className="workspace-section">
        <ConsoleWorkbench app={app} />
      </TabPanel>
      <TabPanel idBase={idBase} value="jssdk" selected={tab === 'jssdk'} className="workspace-section">
        <JssdkWorkbench app={app} />
      </TabPanel>
      <TabPanel
        idBase={idBase}
        value="mini-program"
        selected={tab === 'mini-program'}
        className="workspace-section"
      >
        <MiniProgramWorkbench app={app} />
      </TabPanel>
      <TabPanel idBase={idBase} value="push" selected={tab === 'push'} className="workspace-section">
        <PushWorkbench app={app} />
      </TabPanel>
    </>
  )
}
