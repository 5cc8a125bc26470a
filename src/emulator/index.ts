export { createEmulator } from './server'
export { SANDBOX_APP, SANDBOX_APPID, SANDBOX_SECRET } from './sandbox'
export { LOGIN_CODE_PATH, PHONE_CODE_PATH } from './mini-program-debug'
export type {
  Emulator,
  EmulatorAppConfig,
  EmulatorClock,
  EmulatorOptions,
  EmulatorPlatform,
  EmulatorStats,
  SandboxUser,
  SimulatedCode,
  TokenState
} from './types'
