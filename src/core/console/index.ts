export { ConsoleService, CONSOLE_FILE_LIMIT, type ConsoleApp, type ConsoleDeps } from './console-service'
export { consoleHandlers } from './handlers'
export { consoleCurl } from './console-curl'
export { CONSOLE_HISTORY_LIMIT } from './console-history'
