export { emulatorStatus, emulatorHandlers } from './handlers'
export { startSandbox, type Sandbox } from './sandbox'
