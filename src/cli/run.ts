import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseCliArgs, USAGE } from './args'
import { ConfigError, parseServeConfig, type ServeApp } from '../compose/headless'
import { startHeadless, type HeadlessDesk } from '../compose/headless'
import { jsonLineLog } from './logger'
import { runPush } from './push'

export interface CliIo {
  argv: string[]
  env: Readonly<Record<string, string | undefined>>
  stdout: (text: string) => void
  stderr: (text: string) => void
  version: string
}

/** Exit codes: 0 clean stop, 1 could not start (port taken …), 2 bad command line, config or environment. */
export const EXIT_RUNTIME = 1
export const EXIT_CONFIG = 2

/**
 * `wechat-token-desk serve …`: starts headless serve and returns it, or returns the exit code when there is
 * nothing to run (help, version, a problem — already reported on stderr and as a JSON line).
 * `wechat-token-desk push …`: sends one push, prints the verdict and returns its exit code (push.ts).
 */
export async function runCli(io: CliIo): Promise<HeadlessDesk | number> {
  const { log, mask } = jsonLineLog(io.stdout)
  try {
    const args = parseCliArgs(io.argv)
    if (args.command === 'push') return await runPush(args.argv, io)
    if (args.command === 'help') {
      io.stdout(USAGE)
      return 0
    }
    if (args.command === 'version') {
      io.stdout(`${io.version}\n`)
      return 0
    }
    const apps: ServeApp[] =
      args.config === null ? [] : parseServeConfig(args.config, readConfig(args.config))
    log('info', 'starting', {
      version: io.version,
      config: args.config === null ? null : resolve(args.config)
    })
    return await startHeadless({
      apps,
      env: io.env,
      host: args.host,
      port: args.port,
      allowNonLoopback: args.allowNonLoopback,
      dataDir: args.dataDir === null ? null : resolve(args.dataDir),
      emulator: args.emulator,
      log,
      mask,
      announceKey: (key) =>
        io.stderr(
          `Generated API key (shown once; set DESK_API_KEY to choose your own):\n  ${key}\n` +
            'Callers send it as "Authorization: Bearer <key>".\n'
        )
    })
  } catch (error) {
    if (error instanceof ConfigError) {
      log('error', 'config-invalid', { problems: error.problems })
      io.stderr(`wechat-token-desk: cannot start:\n${error.problems.map((p) => `  - ${p}`).join('\n')}\n\n`)
      io.stderr('Run with --help for the options.\n')
      return EXIT_CONFIG
    }
    const message = error instanceof Error ? error.message : String(error)
    log('error', 'start-failed', { message })
    io.stderr(`wechat-token-desk: ${message}\n`)
    return EXIT_RUNTIME
  }
}

function readConfig(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code
    throw new ConfigError([`--config: cannot read ${path}${code ? ` (${code})` : ''}`])
  }
}
