export { sandboxHandlers } from './handlers'
export { startSandbox, type Sandbox } from './start-sandbox'
