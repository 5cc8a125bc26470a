/**
 * Every string of the window, one i18next namespace per part, each written beside the part it belongs to.
 * This is the one place they are registered; `i18next.d.ts` types `t` from `en`, so a wrong key fails to compile.
 */
import type { UiLanguage } from '../../lib/language'
import { commonEn } from '../../components/strings/en'
import { commonZhCN } from '../../components/strings/zh-cn'
import { appsEn } from '../../features/apps/strings/en'
import { appsZhCN } from '../../features/apps/strings/zh-cn'
import { callLogEn } from '../../features/call-log/strings/en'
import { callLogZhCN } from '../../features/call-log/strings/zh-cn'
import { consoleEn } from '../../features/console/strings/en'
import { consoleZhCN } from '../../features/console/strings/zh-cn'
import { emulatorEn } from '../../features/emulator/strings/en'
import { emulatorZhCN } from '../../features/emulator/strings/zh-cn'
import { jssdkEn } from '../../features/jssdk/strings/en'
import { jssdkZhCN } from '../../features/jssdk/strings/zh-cn'
import { localApiEn } from '../../features/local-api/strings/en'
import { localApiZhCN } from '../../features/local-api/strings/zh-cn'
import { miniProgramEn } from '../../features/mini-program/strings/en'
import { miniProgramZhCN } from '../../features/mini-program/strings/zh-cn'
import { oauthEn } from '../../features/oauth/strings/en'
import { oauthZhCN } from '../../features/oauth/strings/zh-cn'
import { pushEn } from '../../features/push/strings/en'
import { pushZhCN } from '../../features/push/strings/zh-cn'
import { settingsEn } from '../../features/settings/strings/en'
import { settingsZhCN } from '../../features/settings/strings/zh-cn'
import { tokenEn } from '../../features/token/strings/en'
import { tokenZhCN } from '../../features/token/strings/zh-cn'
import { appEn } from '../strings/en'
import { appZhCN } from '../strings/zh-cn'

export const en = {
  common: commonEn,
  app: appEn,
  settings: settingsEn,
  apps: appsEn,
  token: tokenEn,
  callLog: callLogEn,
  emulator: emulatorEn,
  oauth: oauthEn,
  localApi: localApiEn,
  push: pushEn,
  jssdk: jssdkEn,
  miniProgram: miniProgramEn,
  console: consoleEn
}

const zhCN: typeof en = {
  common: commonZhCN,
  app: appZhCN,
  settings: settingsZhCN,
  apps: appsZhCN,
  token: tokenZhCN,
  callLog: callLogZhCN,
  emulator: emulatorZhCN,
  oauth: oauthZhCN,
  localApi: localApiZhCN,
  push: pushZhCN,
  jssdk: jssdkZhCN,
  miniProgram: miniProgramZhCN,
  console: consoleZhCN
}

export const resources: Record<UiLanguage, typeof en> = { en, 'zh-CN': zhCN }

export const DEFAULT_NAMESPACE = 'common'
