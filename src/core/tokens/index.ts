export {
  TokenKeeper,
  requiresConfirmation,
  maskToken,
  MIN_SERVE_REMAINING_MS,
  type HeldToken,
  type TokenKeeperDeps
} from './token-keeper'
export * from './refresh-policy'
export * from './usage-counter'
export { createTokenRuntime, type TokenRuntime, type TokenRuntimeOptions } from './token-runtime'
