export { createEmulator } from './server'
export { SANDBOX_APP, SANDBOX_APPID, SANDBOX_SECRET } from './sandbox'
export type {
  Emulator,
  EmulatorAppConfig,
  EmulatorClock,
  EmulatorOptions,
  EmulatorStats,
  TokenState
} from './types'
