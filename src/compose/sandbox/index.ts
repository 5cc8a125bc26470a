export { emulatorStatus, sandboxHandlers } from './handlers'
export { startSandbox, type Sandbox } from './sandbox'
