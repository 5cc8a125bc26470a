export { runCli, EXIT_CONFIG, EXIT_RUNTIME, type CliIo } from './run'
export { parseCliArgs, USAGE, type CliArgs, type ServeArgs } from './args'
export { jsonLineLog } from './logger'
