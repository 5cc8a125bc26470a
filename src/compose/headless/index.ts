export { ConfigError, parseServeConfig, secretsFromEnv, secretEnvName, type ServeApp } from './config'
export {
  startHeadless,
  StartError,
  API_KEY_ENV,
  DATA_KEY_ENV,
  type HeadlessDesk,
  type HeadlessOptions,
  type LogLevel,
  type ServeLog
} from './headless'
